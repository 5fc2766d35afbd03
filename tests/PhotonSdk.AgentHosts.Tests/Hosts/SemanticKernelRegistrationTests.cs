using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using PhotonSdk.AgentHosts.Tests.Infrastructure;
using PhotonSdk.SemanticKernel;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.AgentHosts.Tests.Hosts;

/// <summary>
/// How the chat client is registered with a kernel decides whether Semantic Kernel's automatic function calling
/// (<see cref="FunctionChoiceBehavior.Auto"/>) runs the tools, and whether the kernel's filters see the calls.
/// </summary>
public sealed class SemanticKernelRegistrationTests : IAsyncLifetime
{
    private EmulatedPhoton? _photon;

    private EmulatedPhoton Photon => _photon!;

    public async Task InitializeAsync() => _photon = await EmulatedPhoton.StartAsync();

    public async Task DisposeAsync()
    {
        if (_photon is not null) await _photon.DisposeAsync();
    }

    [Fact]
    public async Task Without_UseKernelFunctionInvocation_the_tool_call_comes_back_unexecuted_and_no_error_is_raised()
    {
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A red fox" }));
        var (conversation, filter) = Start(model);

        var answer = await conversation.SayAsync("Draw a fox.");

        // The trap: the turn ends normally, with the model's tool call as the answer and no text for the user.
        Assert.Equal("", answer);
        var call = Assert.Single(conversation.LastAnswer!.Items);
        Assert.EndsWith("generate_image", Assert.IsType<Microsoft.SemanticKernel.FunctionCallContent>(call).FunctionName, StringComparison.Ordinal);
        Assert.Empty(model.ToolResults);
        Assert.Empty(filter.Calls);
        Assert.Empty(await Photon.PredictionsAsync());
    }

    [Fact]
    public async Task With_UseKernelFunctionInvocation_the_tool_runs_and_the_kernels_filters_see_it()
    {
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A red fox" }));
        var (conversation, filter) = Start(new ChatClientBuilder(model).UseKernelFunctionInvocation().Build());

        var answer = await conversation.SayAsync("Draw a fox.");

        await Photon.AssertServesPngAsync(EmulatedPhoton.ImageUrlIn(answer));
        Assert.Equal(["photon.generate_image"], filter.Calls);
        Assert.Single(await Photon.PredictionsAsync());
    }

    [Fact]
    public async Task With_plain_UseFunctionInvocation_the_tool_runs_but_the_kernels_filters_are_bypassed()
    {
        var model = new ScriptedChatClient(new ScriptedCall("generate_image", new Dictionary<string, object?> { ["prompt"] = "A red fox" }));
        var (conversation, filter) = Start(new ChatClientBuilder(model).UseFunctionInvocation().Build());

        var answer = await conversation.SayAsync("Draw a fox.");

        await Photon.AssertServesPngAsync(EmulatedPhoton.ImageUrlIn(answer));
        Assert.Empty(filter.Calls);
        Assert.Single(await Photon.PredictionsAsync());
    }

    private (KernelConversation Conversation, RecordingFilter Filter) Start(IChatClient chatClient)
    {
        var builder = Kernel.CreateBuilder().AddPhotonImageGeneration(Photon.Client);
        builder.Services.AddSingleton(chatClient);
        var kernel = builder.Build();
        var filter = new RecordingFilter();
        kernel.FunctionInvocationFilters.Add(filter);
        return (new KernelConversation(kernel), filter);
    }

    private sealed class RecordingFilter : IFunctionInvocationFilter
    {
        public List<string> Calls { get; } = [];

        public Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
        {
            Calls.Add($"{context.Function.PluginName}.{context.Function.Name}");
            return next(context);
        }
    }
}
