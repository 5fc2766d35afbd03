using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using PhotonSdk.Agents;
using PhotonSdk.AgentHosts.Tests.Infrastructure;
using PhotonSdk.SemanticKernel;

namespace PhotonSdk.AgentHosts.Tests.Hosts;

/// <summary>
/// Host 4: Semantic Kernel's automatic function calling (<see cref="FunctionChoiceBehavior.Auto"/>), the plugin
/// registered with <c>AddPhotonImageGeneration</c> and the chat client with <c>UseKernelFunctionInvocation()</c>.
/// </summary>
public sealed class SemanticKernelHostTests : HostContract
{
    protected override IConversation Start(IChatClient model, IPhotonClient client, PhotonImageToolsOptions options)
    {
        var builder = Kernel.CreateBuilder().AddPhotonImageGeneration(client, options);
        builder.Services.AddSingleton<IChatClient>(new ChatClientBuilder(model).UseKernelFunctionInvocation().Build());
        return new KernelConversation(builder.Build());
    }
}

/// <summary>Host 5: the plugin's kernel functions (<c>kernel.Plugins["photon"]</c>) handed to a <c>UseFunctionInvocation()</c> chat client.</summary>
public sealed class KernelPluginInChatClientHostTests : HostContract
{
    protected override IConversation Start(IChatClient model, IPhotonClient client, PhotonImageToolsOptions options)
    {
        var kernel = Kernel.CreateBuilder().AddPhotonImageGeneration(client, options).Build();
        var chat = new ChatClientBuilder(model).UseFunctionInvocation().Build();
        return new ChatClientConversation(chat, new ChatOptions { Tools = [.. kernel.Plugins["photon"]] });
    }
}

/// <summary>Host 5: the plugin's kernel functions (<c>kernel.Plugins["photon"]</c>) handed to an Agent Framework agent.</summary>
public sealed class KernelPluginInAgentHostTests : HostContract
{
    protected override IConversation Start(IChatClient model, IPhotonClient client, PhotonImageToolsOptions options)
    {
        var kernel = Kernel.CreateBuilder().AddPhotonImageGeneration(client, options).Build();
        return new AgentConversation(model.AsAIAgent(Instructions.Text, tools: [.. kernel.Plugins["photon"]]));
    }
}
