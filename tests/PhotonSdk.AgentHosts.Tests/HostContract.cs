using Microsoft.Extensions.AI;
using PhotonSdk.Agents;
using PhotonSdk.AgentHosts.Tests.Infrastructure;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.AgentHosts.Tests;

/// <summary>
/// What every host must do with the image tools, end to end against the emulator: a scripted model calls a tool and
/// then quotes the tool's answer, and the test reads what the user is shown. Each host is a subclass that says how
/// the conversation runs (<see cref="Start"/>); the tests are the same for all.
/// </summary>
public abstract class HostContract : IAsyncLifetime
{
    private EmulatedPhoton? _photon;

    protected EmulatedPhoton Photon => _photon ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync() => _photon = await EmulatedPhoton.StartAsync();

    public async Task DisposeAsync()
    {
        if (_photon is not null) await _photon.DisposeAsync();
    }

    /// <summary>Starts a conversation in the host under test, with the model and the image tools the host is given.</summary>
    /// <param name="model">The scripted stand-in for an LLM.</param>
    /// <param name="client">The client of the emulator.</param>
    /// <param name="options">The tools' budget and bounds.</param>
    protected abstract IConversation Start(IChatClient model, IPhotonClient client, PhotonImageToolsOptions options);

    [Fact]
    public async Task The_image_reaches_the_user()
    {
        var model = new ScriptedChatClient(Generate("A red fox in fresh snow, morning light"));
        var conversation = Start(model, Photon.Client, new PhotonImageToolsOptions());

        var answer = await conversation.SayAsync("Draw a fox in the snow.");

        var url = EmulatedPhoton.ImageUrlIn(answer);
        await Photon.AssertServesPngAsync(url);
        var prediction = await Photon.SinglePredictionAsync();
        Assert.Equal(PredictionStatus.Completed, prediction.Status);
        Assert.Contains($"Prediction id: {prediction.Id}.", answer, StringComparison.Ordinal);
        var result = await Photon.Client.GetPrediction(prediction.Id).WaitForCompletionAsync();
        Assert.Equal(result.Image.Url!.ToString(), url);
    }

    [Fact]
    public async Task The_cost_is_shown()
    {
        var model = new ScriptedChatClient(Generate("A lighthouse at dusk"));
        var conversation = Start(model, Photon.Client, new PhotonImageToolsOptions());

        var answer = await conversation.SayAsync("Draw a lighthouse.");

        Assert.Contains("Model: luma/photon-flash. Cost: 0.005 USD.", answer, StringComparison.Ordinal);
        // The cost shown is what the account was charged.
        Assert.Equal(EmulatedPhoton.InitialBalance - 0.005m, await Photon.Client.GetBalanceAsync());
    }

    [Fact]
    public async Task The_budget_is_enforced()
    {
        var model = new ScriptedChatClient(Generate("A red fox"), Generate("A white hare"));
        var conversation = Start(model, Photon.Client, new PhotonImageToolsOptions { MaxImages = 1 });

        var first = await conversation.SayAsync("Draw a fox.");
        var second = await conversation.SayAsync("Now draw a hare.");

        EmulatedPhoton.ImageUrlIn(first);
        Assert.Contains(
            "Not generated: the image budget is used up (1 of 1 images). Nothing was sent. " +
            "Tell the user that the image budget is exhausted; do not call generate_image again.",
            second,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Image ready", second, StringComparison.Ordinal);
        var prediction = await Photon.SinglePredictionAsync();
        Assert.Contains($"Prediction id: {prediction.Id}.", first, StringComparison.Ordinal);
        Assert.Equal(2, model.ToolResults.Count);
    }

    [Fact]
    public async Task A_moderated_prompt_is_answered_with_what_to_do()
    {
        var model = new ScriptedChatClient(Generate($"A {EmulatedPhoton.ModerationWord} scene"));
        var conversation = Start(model, Photon.Client, new PhotonImageToolsOptions());

        var answer = await conversation.SayAsync("Draw something risky.");

        var prediction = await Photon.SinglePredictionAsync();
        Assert.Equal(PredictionStatus.Failed, prediction.Status);
        Assert.Contains(
            $"Not generated: content moderation refused the prompt (prediction {prediction.Id}). " +
            "Rephrase the prompt without the flagged content and call generate_image again.",
            answer,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timed_out_wait_gives_the_id_and_get_image_result_finishes_it()
    {
        // The scripted model copies the id from the first answer into its second call, as a real one would.
        var resultArguments = new Dictionary<string, object?>();
        var model = new ScriptedChatClient(
            Generate("A detailed harbour at night", ("quality", "final"), ("wait_seconds", 1)),
            new ScriptedCall("get_image_result", resultArguments));
        var conversation = Start(model, Photon.Client, new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(30) });

        var first = await conversation.SayAsync("Draw a harbour, final quality.");
        var prediction = await Photon.SinglePredictionAsync();
        resultArguments["prediction_id"] = prediction.Id;
        var second = await conversation.SayAsync("Is it ready?");

        Assert.Matches(
            $"Still generating: prediction {prediction.Id} was not finished after [0-9]+ seconds?; it keeps running. " +
            $"Call get_image_result with prediction_id \"{prediction.Id}\" to get the image. Do not call generate_image again for it.",
            first);
        await Photon.AssertServesPngAsync(EmulatedPhoton.ImageUrlIn(second));
        Assert.Contains($"Prediction id: {prediction.Id}. Model: {EmulatedPhoton.SlowModel}. Cost: 0.015 USD.", second, StringComparison.Ordinal);
        Assert.Single(await Photon.PredictionsAsync());
    }

    /// <summary>A call of generate_image with <paramref name="prompt"/> and any further arguments.</summary>
    protected static ScriptedCall Generate(string prompt, params (string Name, object? Value)[] more)
    {
        var arguments = new Dictionary<string, object?> { ["prompt"] = prompt };
        foreach (var (name, value) in more) arguments[name] = value;
        return new ScriptedCall("generate_image", arguments);
    }
}
