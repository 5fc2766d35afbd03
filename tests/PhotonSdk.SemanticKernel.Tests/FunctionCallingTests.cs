using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>
/// The plugin's functions as Microsoft.Extensions.AI tools: a scripted model asks for them through
/// <see cref="FunctionInvokingChatClient"/>, and what the model is shown back is short text, not bytes.
/// </summary>
public sealed partial class FunctionCallingTests
{
    private static readonly Dictionary<string, object?> FoxRequest = new() { ["prompt"] = "A red fox in fresh snow", ["quality"] = "draft" };

    [Fact]
    public async Task Generate_image_as_a_tool_shows_the_model_the_url_and_the_id()
    {
        using var harness = new PluginHarness();
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", FoxRequest));
        using var chat = new FunctionInvokingChatClient(model);

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a fox.")], Tools(harness));

        var shown = Assert.Single(model.ToolResults).Result?.ToString() ?? "";
        Assert.Contains(CannedResults.UrlFor("pred-001").ToString(), shown, StringComparison.Ordinal);
        Assert.Contains("pred-001", shown, StringComparison.Ordinal);
        Assert.DoesNotMatch(Base64Run(), shown);
        Assert.Equal("A red fox in fresh snow", Assert.Single(harness.Client.GenerateCalls).Prompt);
        Assert.Contains("pred-001", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_function_is_offered_to_the_model()
    {
        using var harness = new PluginHarness();
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", FoxRequest));
        using var chat = new FunctionInvokingChatClient(model);

        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a fox.")], Tools(harness));

        var offered = model.ToolsOffered[0];
        Assert.Equal(["photon_generate_image", "photon_get_image_result", "photon_get_image_budget"], offered);
    }

    [Fact]
    public async Task Bytes_from_the_client_never_reach_the_model()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (call, _) => Task.FromResult(CannedResults.Data("pred-bytes", PhotonModels.PhotonFlash));
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", FoxRequest));
        using var chat = new FunctionInvokingChatClient(model);

        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a fox.")], Tools(harness));

        var shown = Assert.Single(model.ToolResults).Result?.ToString() ?? "";
        Assert.DoesNotContain(Convert.ToBase64String(CannedResults.PngBytes), shown, StringComparison.Ordinal);
        Assert.Contains("pred-bytes", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timed_out_image_is_fetched_with_get_image_result()
    {
        using var harness = new PluginHarness();
        harness.Client.OnGenerate = (_, _) => Task.FromException<ImageGenerationResult>(PhotonErrors.WaitTimeout("pred-slow", TimeSpan.FromMinutes(2)));
        var model = new ScriptedChatClient(
            new ScriptedCall("generate_image", FoxRequest),
            new ScriptedCall("get_image_result", new Dictionary<string, object?> { ["prediction_id"] = "pred-slow" }));
        using var chat = new FunctionInvokingChatClient(model);
        var options = Tools(harness);
        List<ChatMessage> conversation = [new(ChatRole.User, "Draw a fox.")];

        conversation.AddMessages(await chat.GetResponseAsync(conversation, options));
        conversation.Add(new ChatMessage(ChatRole.User, "Is it ready now?"));
        await chat.GetResponseAsync(conversation, options);

        Assert.Contains("call get_image_result with prediction_id \"pred-slow\"", model.ToolResults[0].Result?.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(CannedResults.UrlFor("pred-slow").ToString(), model.ToolResults[1].Result?.ToString(), StringComparison.Ordinal);
        Assert.Equal(["pred-slow"], harness.Client.Waits);
        Assert.Single(harness.Client.GenerateCalls);
    }

    [Fact]
    public async Task The_budget_runs_out_in_the_middle_of_a_conversation()
    {
        using var harness = new PluginHarness(new PhotonImageToolsOptions { MaxImages = 2 });
        var model = new ScriptedChatClient(
            new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A fox" }),
            new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A hare" }),
            new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "An owl" }));
        using var chat = new FunctionInvokingChatClient(model);
        var options = Tools(harness);
        List<ChatMessage> conversation = [];

        foreach (var ask in new[] { "Draw a fox.", "Now a hare.", "And an owl." })
        {
            conversation.Add(new ChatMessage(ChatRole.User, ask));
            conversation.AddMessages(await chat.GetResponseAsync(conversation, options));
        }

        Assert.Equal(3, model.ToolResults.Count);
        Assert.Contains("pred-001", model.ToolResults[0].Result?.ToString(), StringComparison.Ordinal);
        Assert.Contains("pred-002", model.ToolResults[1].Result?.ToString(), StringComparison.Ordinal);
        Assert.Contains("image budget is used up (2 of 2 images)", model.ToolResults[2].Result?.ToString(), StringComparison.Ordinal);
        Assert.Equal(["A fox", "A hare"], harness.Client.GenerateCalls.Select(c => c.Prompt));
    }

    private static ChatOptions Tools(PluginHarness harness) =>
        new() { Tools = [.. harness.Plugin] };

    // Image bytes in base64 would show up as a long unbroken run of base64 characters.
    [GeneratedRegex("[A-Za-z0-9+/]{64,}={0,2}")]
    private static partial Regex Base64Run();
}
