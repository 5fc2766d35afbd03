using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary>
/// The generator as Microsoft.Extensions.AI's image tool, through the exact chain
/// <c>model.AsBuilder().UseImageGeneration(generator).UseFunctionInvocation().Build()</c> with nothing but
/// <c>new ChatOptions { Tools = [new HostedImageGenerationTool()] }</c>, against the emulator: the image reaches the chat
/// response, billed once and shown once, streaming too, and an edit turn uploads the image and modifies it.
/// </summary>
public sealed partial class ImageGenerationToolTests : IAsyncLifetime
{
    private const string GenerateImage = "GenerateImage";
    private const string EditImage = "EditImage";
    private const string Generated = "Generated image successfully.";

    private EmulatorRig _rig = null!;

    public async Task InitializeAsync() => _rig = await EmulatorRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    /// <summary>M.E.AI's defaults: the tool with no options, and no other chat option.</summary>
    private static ChatOptions ToolOnly() => new() { Tools = [new HostedImageGenerationTool()] };

    private static Func<ChatRequestSeen, ChatMessage> CallGenerate(string prompt) =>
        StepScriptedChatClient.Call(GenerateImage, _ => new Dictionary<string, object?> { ["prompt"] = prompt });

    private static IChatClient Chain(IChatClient model, IImageGenerator generator) =>
        model.AsBuilder().UseImageGeneration(generator).UseFunctionInvocation().Build();

    [Fact]
    public async Task The_image_reaches_the_response_billed_once_and_shown_once()
    {
        var model = new StepScriptedChatClient(CallGenerate("A red fox in fresh snow"), StepScriptedChatClient.Say("Here is your fox."));
        using var chat = Chain(model, _rig.Client.AsIImageGenerator());
        var balance = await _rig.Client.GetBalanceAsync();

        var response = await chat.GetResponseAsync("Draw a red fox in the snow", ToolOnly());

        var submit = Assert.Single(_rig.Submits);
        Assert.Equal("luma/photon-flash", EmulatorRig.ModelOf(submit));
        Assert.Equal("true", submit.Field("enable_base64_output"));
        Assert.Equal(balance - PhotonModels.PhotonFlash.PricePerImageUsd, await _rig.Client.GetBalanceAsync());

        var result = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<ImageGenerationToolResultContent>());
        var image = Assert.IsType<DataContent>(Assert.Single(result.Outputs!));
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(await _rig.OutputBytesAsync(EmulatorRig.PredictionIdOf(image)), image.Data.ToArray());
        Assert.Same(image, Assert.Single(ImagesIn(response.Messages.SelectMany(m => m.Contents))));
        Assert.Equal("Here is your fox.", response.Text);

        Assert.Equal(2, model.Requests.Count);
        Assert.Equal(Generated, ToolResultShownIn(model.Requests[1]));
    }

    [Fact]
    public async Task Streaming_the_image_reaches_the_updates_billed_once_and_shown_once()
    {
        var model = new StepScriptedChatClient(CallGenerate("A red fox in fresh snow"), StepScriptedChatClient.Say("Here is your fox."));
        using var chat = Chain(model, _rig.Client.AsIImageGenerator());
        var balance = await _rig.Client.GetBalanceAsync();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Draw a red fox in the snow", ToolOnly())) updates.Add(update);

        var submit = Assert.Single(_rig.Submits);
        Assert.Equal("luma/photon-flash", EmulatorRig.ModelOf(submit));
        Assert.Equal(balance - PhotonModels.PhotonFlash.PricePerImageUsd, await _rig.Client.GetBalanceAsync());

        var result = Assert.Single(updates.SelectMany(u => u.Contents).OfType<ImageGenerationToolResultContent>());
        var image = Assert.IsType<DataContent>(Assert.Single(result.Outputs!));
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(await _rig.OutputBytesAsync(EmulatorRig.PredictionIdOf(image)), image.Data.ToArray());
        Assert.Same(image, Assert.Single(ImagesIn(updates.SelectMany(u => u.Contents))));

        var combined = updates.ToChatResponse();
        Assert.Same(image, Assert.Single(ImagesIn(combined.Messages.SelectMany(m => m.Contents))));
        Assert.Equal("Here is your fox.", combined.Text);
        Assert.Equal(Generated, ToolResultShownIn(model.Requests[1]));
    }

    [Fact]
    public async Task An_edit_turn_uploads_the_image_and_the_modify_model_makes_the_edited_one()
    {
        var model = new StepScriptedChatClient(
            CallGenerate("A red fox in fresh snow"),
            StepScriptedChatClient.Say("Here is your fox."),
            StepScriptedChatClient.Call(EditImage, seen => new Dictionary<string, object?> { ["prompt"] = "Make the sky purple", ["imageId"] = PlaceholderIdIn(seen) }),
            StepScriptedChatClient.Say("The sky is purple now."));
        using var chat = Chain(model, _rig.Client.AsIImageGenerator());
        var balance = await _rig.Client.GetBalanceAsync();
        List<ChatMessage> history = [new(ChatRole.User, "Draw a red fox in the snow")];

        var first = await chat.GetResponseAsync(history, ToolOnly());
        var original = Assert.IsType<DataContent>(Assert.Single(ImagesIn(first.Messages.SelectMany(m => m.Contents))));
        history.AddMessages(first);
        history.Add(new ChatMessage(ChatRole.User, "Make the sky purple"));
        var sentBefore = _rig.Requests.Count;

        var second = await chat.GetResponseAsync(history, ToolOnly());

        // On the wire: the image is uploaded (ticket, then PUT of exactly its bytes), then the modify model is submitted with it.
        var turn = _rig.Requests.Skip(sentBefore).Where(r => r.Method is "POST" or "PUT").ToList();
        Assert.Equal(["POST /api/v3/media/uploads", "PUT", "POST /api/v3/luma/photon-flash-modify"], turn.Select(r => r.Method == "PUT" ? "PUT" : $"{r.Method} {r.Path}"));
        Assert.StartsWith("/storage/uploads/", turn[1].Path, StringComparison.Ordinal);
        Assert.Equal(original.Data.ToArray(), turn[1].Body);
        var inputImage = new Uri(turn[2].Field("image")!);
        Assert.Equal(original.Data.ToArray(), await _rig.BytesAtAsync(inputImage));
        Assert.Equal(["luma/photon-flash", "luma/photon-flash-modify"], _rig.Submits.Select(EmulatorRig.ModelOf));
        Assert.Equal(
            balance - PhotonModels.PhotonFlash.PricePerImageUsd - PhotonModels.PhotonFlashModify.PricePerImageUsd,
            await _rig.Client.GetBalanceAsync());

        // In the response: the edited image, once, from the modify model.
        var edited = Assert.IsType<DataContent>(Assert.Single(ImagesIn(second.Messages.SelectMany(m => m.Contents))));
        Assert.Equal("image/png", edited.MediaType);
        Assert.Equal("luma/photon-flash-modify", edited.AdditionalProperties![PhotonImageGeneratorExtensions.ModelIdProperty]);
        Assert.Equal(await _rig.OutputBytesAsync(EmulatorRig.PredictionIdOf(edited)), edited.Data.ToArray());
        Assert.NotEqual(original.Data.ToArray(), edited.Data.ToArray());
        Assert.Equal("The sky is purple now.", second.Text);

        // The model saw a placeholder, not the image's bytes, and was told the edit worked.
        Assert.Empty(model.Requests[2].Messages.SelectMany(m => m.Contents).OfType<DataContent>());
        Assert.Equal("Edited image successfully.", ToolResultShownIn(model.Requests[3]));
    }

    [Fact]
    public async Task A_tool_that_asks_for_uris_gets_the_image_billed_and_then_dropped_by_the_image_tool()
    {
        // M.E.AI's image tool keeps only DataContent outputs: what a caller gets who asks the tool for URLs.
        var model = new StepScriptedChatClient(CallGenerate("A red fox in fresh snow"), StepScriptedChatClient.Say("Here is your fox."));
        using var chat = Chain(model, _rig.Client.AsIImageGenerator());
        var balance = await _rig.Client.GetBalanceAsync();
        var options = new ChatOptions { Tools = [new HostedImageGenerationTool { Options = new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Uri } }] };

        var response = await chat.GetResponseAsync("Draw a red fox in the snow", options);

        var submit = Assert.Single(_rig.Submits);
        Assert.Null(submit.Field("enable_base64_output"));
        Assert.Equal(balance - PhotonModels.PhotonFlash.PricePerImageUsd, await _rig.Client.GetBalanceAsync());
        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<ImageGenerationToolResultContent>());
        Assert.Empty(ImagesIn(response.Messages.SelectMany(m => m.Contents)));
        Assert.Equal(Generated, ToolResultShownIn(model.Requests[1]));
        Assert.Equal("Here is your fox.", response.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task In_the_wrong_order_the_models_call_is_swallowed_and_nothing_is_generated(bool streaming)
    {
        var model = new StepScriptedChatClient(CallGenerate("A red fox in fresh snow"), StepScriptedChatClient.Say("Here is your fox."));
        using var chat = model.AsBuilder().UseFunctionInvocation().UseImageGeneration(_rig.Client.AsIImageGenerator()).Build();

        var contents = streaming
            ? await StreamedContentsAsync(chat.GetStreamingResponseAsync("Draw a red fox in the snow", ToolOnly()))
            : (await chat.GetResponseAsync("Draw a red fox in the snow", ToolOnly())).Messages.SelectMany(m => m.Contents).ToList();

        // The image tool, inside, turns the model's GenerateImage call into an ImageGenerationToolCallContent before the
        // function-invoking client, outside, sees it: no function call is left to run, so the model is asked once.
        var call = Assert.IsType<ImageGenerationToolCallContent>(Assert.Single(contents));
        Assert.Equal("call-1", call.CallId);
        Assert.Single(model.Requests);
        Assert.Contains(GenerateImage, model.Requests[0].ToolNames);
        Assert.Empty(_rig.Submits);
    }

    private static async Task<List<AIContent>> StreamedContentsAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var contents = new List<AIContent>();
        await foreach (var update in updates) contents.AddRange(update.Contents);
        return contents;
    }

    /// <summary>Every image in the contents, including the outputs of image tool results.</summary>
    private static List<AIContent> ImagesIn(IEnumerable<AIContent> contents) =>
        [.. contents.SelectMany(c => c is ImageGenerationToolResultContent result ? result.Outputs ?? [] : [c]).Where(IsImage)];

    private static bool IsImage(AIContent content) => content switch
    {
        DataContent data => data.HasTopLevelMediaType("image"),
        UriContent uri => uri.HasTopLevelMediaType("image"),
        _ => false,
    };

    /// <summary>The tool result the model was shown last in a request.</summary>
    private static string? ToolResultShownIn(ChatRequestSeen request) =>
        Assert.Single(request.Messages[^1].Contents.OfType<FunctionResultContent>()).Result?.ToString();

    /// <summary>The id in the one placeholder that the image tool put in place of an image.</summary>
    private static string PlaceholderIdIn(ChatRequestSeen request) =>
        Assert.Single(request.Texts.SelectMany(text => Placeholder().Matches(text)).Select(match => match.Groups["id"].Value));

    [GeneratedRegex(@"\[meai_image:(?<id>[^\]]+)\]")]
    private static partial Regex Placeholder();
}
