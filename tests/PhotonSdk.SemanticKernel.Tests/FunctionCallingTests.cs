using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using PhotonSdk.Agents;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.SemanticKernel.Tests;

/// <summary>
/// The plugin's kernel functions outside Semantic Kernel: handed to a <see cref="FunctionInvokingChatClient"/>, which
/// passes no kernel, they run on the kernel each carries, with the plugin's name in the tool names the model sees.
/// (The tools' own behaviour as functions is tested in the core's tests, on <see cref="PhotonImageTools.AsAIFunctions"/>.)
/// </summary>
public sealed class FunctionCallingTests
{
    private static readonly Dictionary<string, object?> FoxRequest = new() { ["prompt"] = "A red fox in fresh snow", ["quality"] = "draft" };

    [Fact]
    public async Task The_plugins_functions_run_in_a_host_that_passes_no_kernel()
    {
        using var harness = new PluginHarness();
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", FoxRequest));
        using var chat = new FunctionInvokingChatClient(model);

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a fox.")], Tools(harness));

        Assert.Equal(
            "Image ready: https://cdn.example/predictions/pred-001/0.png\n" +
            "Prediction id: pred-001. Model: luma/photon-flash. Cost: 0.005 USD.\n" +
            "Show the user the URL exactly as written above: do not shorten, rewrite or re-encode it.",
            Assert.Single(model.ToolResults).Result?.ToString());
        Assert.Equal("A red fox in fresh snow", Assert.Single(harness.Client.GenerateCalls).Prompt);
        Assert.Contains(CannedResults.UrlFor("pred-001").ToString(), response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plugins_functions_run_in_a_host_with_a_service_provider_and_no_kernel()
    {
        // ChatClientBuilder.Build() hands FunctionInvokingChatClient an empty service provider, as Agent Framework does
        // with its own; Semantic Kernel then builds a kernel from that provider unless the function carries one.
        using var client = new FakePhotonClient();
        var kernel = Kernel.CreateBuilder().AddPhotonImageGeneration(client).Build();
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", FoxRequest));
        using var chat = new ChatClientBuilder(model).UseFunctionInvocation(configure: f => f.IncludeDetailedErrors = true).Build();

        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a fox.")], new ChatOptions { Tools = [.. kernel.Plugins["photon"]] });

        Assert.StartsWith("Image ready: https://cdn.example/predictions/pred-001/0.png\n", Assert.Single(model.ToolResults).Result?.ToString(), StringComparison.Ordinal);
        Assert.Single(client.GenerateCalls);
    }

    [Fact]
    public async Task A_function_invoked_with_services_that_hold_no_kernel_uses_its_own()
    {
        using var harness = new PluginHarness();
        AIFunction function = harness.Plugin[PhotonImageTools.GenerateImageName];

        var result = await function.InvokeAsync(new AIFunctionArguments(FoxRequest) { Services = new NoServices() });

        Assert.StartsWith("Image ready:", result?.ToString(), StringComparison.Ordinal);
        Assert.Single(harness.Client.GenerateCalls);
    }

    [Fact]
    public void The_plugin_finds_its_functions_by_name_or_tool_name()
    {
        using var harness = new PluginHarness();

        Assert.All(harness.Plugin, function => Assert.Equal("photon", function.PluginName));
        Assert.True(harness.Plugin.TryGetFunction("photon_generate_image", out var byToolName));
        Assert.Equal("generate_image", byToolName.Name);
        Assert.True(harness.Plugin.TryGetFunction("GENERATE_IMAGE", out _));
        Assert.False(harness.Plugin.TryGetFunction("draw", out _));
        Assert.Equal(3, harness.Plugin.FunctionCount);
    }

    [Fact]
    public async Task Every_function_is_offered_to_the_model_under_the_plugins_name()
    {
        using var harness = new PluginHarness();
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", FoxRequest));
        using var chat = new FunctionInvokingChatClient(model);

        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a fox.")], Tools(harness));

        var offered = model.ToolsOffered[0];
        Assert.Equal(["photon_generate_image", "photon_get_image_result", "photon_get_image_budget"], offered);
    }

    [Fact]
    public async Task The_plugin_shares_the_tools_budget_with_their_other_hosts()
    {
        using var client = new FakePhotonClient();
        var tools = new PhotonImageTools(client, new PhotonImageToolsOptions { MaxImages = 2 });
        var kernel = new Kernel();
        kernel.Plugins.Add(tools.AsKernelPlugin());
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A hare" }));
        using var chat = new FunctionInvokingChatClient(model);

        await kernel.InvokeAsync<string>("photon", "generate_image", new KernelArguments { ["prompt"] = "A fox" });
        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Draw a hare.")], new ChatOptions { Tools = [.. kernel.Plugins["photon"]] });
        var third = await tools.GenerateImageAsync("An owl");

        Assert.Equal(["A fox", "A hare"], client.GenerateCalls.Select(c => c.Prompt));
        Assert.StartsWith("Not generated: the image budget is used up (2 of 2 images).", third.Text, StringComparison.Ordinal);
    }

    private static ChatOptions Tools(PluginHarness harness) =>
        new() { Tools = [.. harness.Plugin] };

    /// <summary>A service provider with nothing in it, not even empty collections (as Microsoft.Extensions.AI's own).</summary>
    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
