using Microsoft.Extensions.AI;
using PhotonSdk.Agents;
using PhotonSdk.AgentHosts.Tests.Infrastructure;

namespace PhotonSdk.AgentHosts.Tests.Hosts;

/// <summary>Host 1: any <see cref="IChatClient"/> with <c>UseFunctionInvocation()</c>, the tools in <see cref="ChatOptions.Tools"/>.</summary>
public sealed class ChatClientBuilderHostTests : HostContract
{
    protected override IConversation Start(IChatClient model, IPhotonClient client, PhotonImageToolsOptions options)
    {
        var tools = new PhotonImageTools(client, options);
        var chat = new ChatClientBuilder(model).UseFunctionInvocation().Build();
        return new ChatClientConversation(chat, new ChatOptions { Tools = [.. tools.AsAIFunctions()] });
    }
}

/// <summary>Host 2: a <see cref="FunctionInvokingChatClient"/> made directly.</summary>
public sealed class FunctionInvokingChatClientHostTests : HostContract
{
    protected override IConversation Start(IChatClient model, IPhotonClient client, PhotonImageToolsOptions options)
    {
        var tools = new PhotonImageTools(client, options);
        return new ChatClientConversation(new FunctionInvokingChatClient(model), new ChatOptions { Tools = [.. tools.AsAIFunctions()] });
    }
}
