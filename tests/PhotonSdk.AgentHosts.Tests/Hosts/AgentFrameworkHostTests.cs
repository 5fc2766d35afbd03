using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using PhotonSdk.Agents;
using PhotonSdk.AgentHosts.Tests.Infrastructure;

namespace PhotonSdk.AgentHosts.Tests.Hosts;

/// <summary>Host 3: an Agent Framework agent made with <c>AsAIAgent(instructions, tools: ...)</c>.</summary>
public sealed class AsAIAgentHostTests : HostContract
{
    protected override IConversation Start(IChatClient model, IPhotonClient client, PhotonImageToolsOptions options)
    {
        var tools = new PhotonImageTools(client, options);
        return new AgentConversation(model.AsAIAgent(Instructions.Text, tools: [.. tools.AsAIFunctions()]));
    }
}

/// <summary>Host 3: an Agent Framework <see cref="ChatClientAgent"/> made with its constructor.</summary>
public sealed class ChatClientAgentHostTests : HostContract
{
    protected override IConversation Start(IChatClient model, IPhotonClient client, PhotonImageToolsOptions options)
    {
        var tools = new PhotonImageTools(client, options);
        return new AgentConversation(new ChatClientAgent(model, Instructions.Text, "illustrator", "Makes images.", [.. tools.AsAIFunctions()]));
    }
}
