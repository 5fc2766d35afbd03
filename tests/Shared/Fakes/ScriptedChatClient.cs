using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace PhotonSdk.Testing.Fakes;

/// <summary>One tool call the scripted model makes: the tool's name ends with <paramref name="Function"/>.</summary>
public sealed record ScriptedCall(string Function, IDictionary<string, object?> Arguments);

/// <summary>
/// A stand-in for an LLM: to each user message it answers with the next scripted tool call, and to a tool result with a
/// short closing text. It records the tool results it was shown, which is what a real model would read.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentQueue<ScriptedCall> _script;
    private readonly List<FunctionResultContent> _toolResults = [];
    private readonly List<IReadOnlyList<string>> _toolsOffered = [];
    private int _callNumber;

    public ScriptedChatClient(params ScriptedCall[] script)
    {
        _script = new ConcurrentQueue<ScriptedCall>(script);
    }

    /// <summary>The tool results, in the order the model was shown them.</summary>
    public IReadOnlyList<FunctionResultContent> ToolResults => _toolResults;

    /// <summary>The tool names offered on each request.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ToolsOffered => _toolsOffered;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages.ToList();
        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        _toolsOffered.Add(tools.Select(t => t.Name).ToList());

        var last = history[^1];
        if (last.Role == ChatRole.Tool)
        {
            var results = last.Contents.OfType<FunctionResultContent>().ToList();
            _toolResults.AddRange(results);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"Tool answered: {results.Single().Result}")));
        }

        if (!_script.TryDequeue(out var next)) return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Nothing more to do.")));

        var tool = tools.Single(t => t.Name.EndsWith(next.Function, StringComparison.Ordinal));
        var call = new FunctionCallContent($"call-{Interlocked.Increment(ref _callNumber)}", tool.Name, next.Arguments);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted model does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
