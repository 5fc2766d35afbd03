using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace PhotonSdk.AgentHosts.Tests.Infrastructure;

/// <summary>A conversation through a Microsoft.Extensions.AI chat client that invokes functions: the caller keeps the history.</summary>
public sealed class ChatClientConversation : IConversation
{
    private readonly IChatClient _chat;
    private readonly ChatOptions _options;
    private readonly List<ChatMessage> _history = [new(ChatRole.System, Instructions.Text)];

    public ChatClientConversation(IChatClient chat, ChatOptions options)
    {
        _chat = chat;
        _options = options;
    }

    public async Task<string> SayAsync(string userMessage)
    {
        _history.Add(new ChatMessage(ChatRole.User, userMessage));
        var response = await _chat.GetResponseAsync(_history, _options);
        _history.AddMessages(response);
        return response.Text;
    }
}

/// <summary>A conversation with an Agent Framework agent: the agent's session keeps the history.</summary>
public sealed class AgentConversation : IConversation
{
    private readonly AIAgent _agent;
    private AgentSession? _session;

    public AgentConversation(AIAgent agent)
    {
        _agent = agent;
    }

    public async Task<string> SayAsync(string userMessage)
    {
        _session ??= await _agent.CreateSessionAsync();
        var response = await _agent.RunAsync(userMessage, _session);
        return response.Text;
    }
}

/// <summary>A conversation through Semantic Kernel's chat completion with automatic function calling.</summary>
public sealed class KernelConversation : IConversation
{
    private readonly Kernel _kernel;
    private readonly ChatHistory _history = new(Instructions.Text);
    private readonly PromptExecutionSettings _settings = new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };

    public KernelConversation(Kernel kernel)
    {
        _kernel = kernel;
    }

    /// <summary>The last answer as Semantic Kernel returned it, items and all.</summary>
    public ChatMessageContent? LastAnswer { get; private set; }

    public async Task<string> SayAsync(string userMessage)
    {
        _history.AddUserMessage(userMessage);
        var chat = _kernel.GetRequiredService<IChatClient>().AsChatCompletionService(_kernel.Services);
        LastAnswer = await chat.GetChatMessageContentAsync(_history, _settings, _kernel);
        _history.Add(LastAnswer);
        return LastAnswer.Content ?? "";
    }
}

/// <summary>The system prompt every host is given.</summary>
public static class Instructions
{
    public const string Text = "You make images for the user with the image tools and show each image URL exactly as the tool gives it.";
}
