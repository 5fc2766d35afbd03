namespace PhotonSdk.AgentHosts.Tests.Infrastructure;

/// <summary>One conversation with a host: a user's message in, the host's final answer to the user out.</summary>
public interface IConversation
{
    /// <summary>Sends the user's message and returns the text the user is shown at the end of the turn.</summary>
    Task<string> SayAsync(string userMessage);
}
