using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.Agents;

/// <summary>
/// The tools as Microsoft.Extensions.AI functions: a scripted model asks for them through
/// <see cref="FunctionInvokingChatClient"/>, and what the model is shown back is short plain text, not JSON or bytes.
/// </summary>
public sealed partial class AIFunctionsTests
{
    private static readonly Dictionary<string, object?> FoxRequest = new() { ["prompt"] = "A red fox in fresh snow", ["quality"] = "draft" };

    [Fact]
    public void The_functions_come_in_a_fixed_order_with_their_names()
    {
        using var harness = new ToolsHarness();

        var functions = harness.Tools.AsAIFunctions();

        Assert.Equal(["generate_image", "get_image_result", "get_image_budget"], functions.Select(f => f.Name));
        Assert.Equal(
            [PhotonImageTools.GenerateImageName, PhotonImageTools.GetImageResultName, PhotonImageTools.GetImageBudgetName],
            functions.Select(f => f.Name));
        Assert.DoesNotContain(functions, f => f is ApprovalRequiredAIFunction);
    }

    [Fact]
    public void Approval_wraps_generate_image_only()
    {
        using var harness = new ToolsHarness();

        var functions = harness.Tools.AsAIFunctions(approveGeneration: true);

        var generate = Assert.IsType<ApprovalRequiredAIFunction>(functions[0]);
        Assert.Equal("generate_image", generate.Name);
        Assert.Equal(harness.Tools.AsAIFunctions()[0].Description, generate.Description);
        Assert.Equal(functions[0].JsonSchema.GetRawText(), harness.Tools.AsAIFunctions()[0].JsonSchema.GetRawText());
        Assert.IsNotType<ApprovalRequiredAIFunction>(functions[1]);
        Assert.IsNotType<ApprovalRequiredAIFunction>(functions[2]);
        Assert.Equal(["generate_image", "get_image_result", "get_image_budget"], functions.Select(f => f.Name));
    }

    [Fact]
    public async Task Arguments_as_a_model_sends_them_reach_the_call()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(60) });
        using var json = JsonDocument.Parse("""{"prompt":"The same fox at night","quality":"final","wait_seconds":20,"input_image_url":"https://cdn.example/fox.png"}""");
        var arguments = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());

        var shown = await harness.InvokeFunctionAsync("generate_image", arguments);

        var call = Assert.Single(harness.Client.GenerateCalls);
        Assert.Equal("The same fox at night", call.Prompt);
        Assert.Equal("luma/photon-modify", call.Options!.Model);
        Assert.Equal(new Uri("https://cdn.example/fox.png"), call.Options.InputImage);
        Assert.Equal(TimeSpan.FromSeconds(20), call.Options.WaitTimeout);
        Assert.StartsWith("Image ready: https://cdn.example/predictions/pred-001/0.png\n", Assert.IsType<string>(shown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Omitted_arguments_take_their_defaults()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(60) });

        await harness.InvokeFunctionAsync("generate_image", new() { ["prompt"] = "A fox" });

        var call = Assert.Single(harness.Client.GenerateCalls);
        Assert.Equal("luma/photon-flash", call.Options!.Model);
        Assert.Null(call.Options.InputImage);
        Assert.Equal(TimeSpan.FromSeconds(60), call.Options.WaitTimeout);
    }

    [Fact]
    public async Task Get_image_result_takes_the_prediction_id_and_wait_seconds()
    {
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { WaitTimeout = TimeSpan.FromSeconds(60) });
        TimeSpan? waited = null;
        harness.Client.OnWait = (handle, timeout, _) =>
        {
            waited = timeout;
            return Task.FromResult(CannedResults.Url(handle.Id, PhotonModels.PhotonFlash));
        };

        var shown = await harness.InvokeFunctionAsync("get_image_result", new() { ["prediction_id"] = "pred-late", ["wait_seconds"] = 90 });

        Assert.Equal(["pred-late"], harness.Client.Waits);
        Assert.Equal(TimeSpan.FromSeconds(60), waited);
        Assert.Contains("Prediction id: pred-late.", Assert.IsType<string>(shown), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate_image", "wait_seconds", 0)]
    [InlineData("generate_image", "input_image_url", "not a url")]
    [InlineData("get_image_result", "wait_seconds", -5)]
    public async Task An_invalid_argument_from_the_model_is_answered_and_nothing_is_sent(string function, string argument, object value)
    {
        using var harness = new ToolsHarness();
        var arguments = new Dictionary<string, object?> { ["prompt"] = "A fox", ["prediction_id"] = "pred-late", [argument] = value };

        var shown = Assert.IsType<string>(await harness.InvokeFunctionAsync(function, arguments));

        Assert.StartsWith("Not generated: ", shown, StringComparison.Ordinal);
        Assert.Contains(argument, shown, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was sent; correct the arguments and call the function again.", shown, StringComparison.Ordinal);
        Assert.Equal(0, harness.Client.SentCount);
    }

    [Fact]
    public async Task Generate_image_as_a_tool_shows_the_model_the_url_and_the_id()
    {
        using var harness = new ToolsHarness();
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", FoxRequest));
        using var chat = new FunctionInvokingChatClient(model);

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a fox.")], Tools(harness));

        var shown = Assert.IsType<string>(Assert.Single(model.ToolResults).Result);
        Assert.Equal(
            "Image ready: https://cdn.example/predictions/pred-001/0.png\n" +
            "Prediction id: pred-001. Model: luma/photon-flash. Cost: 0.005 USD.\n" +
            "Show the user the URL exactly as written above: do not shorten, rewrite or re-encode it.",
            shown);
        Assert.DoesNotMatch(Base64Run(), shown);
        Assert.Equal("A red fox in fresh snow", Assert.Single(harness.Client.GenerateCalls).Prompt);
        Assert.Contains(CannedResults.UrlFor("pred-001").ToString(), response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_function_is_offered_to_the_model()
    {
        using var harness = new ToolsHarness();
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", FoxRequest));
        using var chat = new FunctionInvokingChatClient(model);

        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a fox.")], Tools(harness));

        Assert.Equal(["generate_image", "get_image_result", "get_image_budget"], model.ToolsOffered[0]);
    }

    [Fact]
    public async Task Bytes_from_the_client_never_reach_the_model()
    {
        using var harness = new ToolsHarness();
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
        using var harness = new ToolsHarness();
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
        using var harness = new ToolsHarness(new PhotonImageToolsOptions { MaxImages = 2 });
        var model = new ScriptedChatClient(
            new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A fox" }),
            new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A hare" }),
            new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "An owl" }),
            new ScriptedCall("get_image_budget", new Dictionary<string, object?>()));
        using var chat = new FunctionInvokingChatClient(model);
        var options = Tools(harness);
        List<ChatMessage> conversation = [];

        foreach (var ask in new[] { "Draw a fox.", "Now a hare.", "And an owl.", "What is left?" })
        {
            conversation.Add(new ChatMessage(ChatRole.User, ask));
            conversation.AddMessages(await chat.GetResponseAsync(conversation, options));
        }

        Assert.Equal(4, model.ToolResults.Count);
        Assert.Contains("pred-001", model.ToolResults[0].Result?.ToString(), StringComparison.Ordinal);
        Assert.Contains("pred-002", model.ToolResults[1].Result?.ToString(), StringComparison.Ordinal);
        Assert.Contains("image budget is used up (2 of 2 images)", model.ToolResults[2].Result?.ToString(), StringComparison.Ordinal);
        Assert.Contains("Budget left: 0 of 2 images and 0.99 of 1.00 USD.\nThe budget is spent", model.ToolResults[3].Result?.ToString(), StringComparison.Ordinal);
        Assert.Equal(["A fox", "A hare"], harness.Client.GenerateCalls.Select(c => c.Prompt));
    }

    [Fact]
    public async Task With_approval_the_chat_client_asks_first_and_sends_nothing()
    {
        using var harness = new ToolsHarness();
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", FoxRequest));
        using var chat = new FunctionInvokingChatClient(model);
        var options = new ChatOptions { Tools = [.. harness.Tools.AsAIFunctions(approveGeneration: true)] };

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a fox.")], options);

        var request = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        var call = Assert.IsType<FunctionCallContent>(request.ToolCall);
        Assert.Equal("generate_image", call.Name);
        Assert.Equal("A red fox in fresh snow", call.Arguments!["prompt"]);
        Assert.Equal(0, harness.Client.SentCount);
        Assert.Empty(model.ToolResults);
    }

    private static ChatOptions Tools(ToolsHarness harness) => new() { Tools = [.. harness.Tools.AsAIFunctions()] };

    // Image bytes in base64 would show up as a long unbroken run of base64 characters.
    [GeneratedRegex("[A-Za-z0-9+/]{64,}={0,2}")]
    private static partial Regex Base64Run();
}
