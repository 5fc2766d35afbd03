using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace PhotonSdk.Testing.Fakes;

/// <summary>One request the scripted model was sent: its number (from 1), the conversation, and the names of the tools offered.</summary>
public sealed record ChatRequestSeen(int Number, IReadOnlyList<ChatMessage> Messages, IReadOnlyList<string> ToolNames)
{
    /// <summary>All the text the model was shown, message by message.</summary>
    public IEnumerable<string> Texts => Messages.SelectMany(message => message.Contents.OfType<TextContent>()).Select(text => text.Text);
}

/// <summary>
/// A stand-in for an LLM whose every answer is a step of a script, worked out from what it is sent (so that it can
/// pass on an id that a tool result or a placeholder showed it, as a real model would). It answers streaming requests
/// too, one update per content, and records every request. A request beyond the script fails, so that an unexpected
/// extra round trip shows.
/// </summary>
public sealed class StepScriptedChatClient : IChatClient
{
    private readonly ConcurrentQueue<Func<ChatRequestSeen, ChatMessage>> _steps;
    private readonly ConcurrentQueue<ChatRequestSeen> _requests = new();
    private int _number;

    public StepScriptedChatClient(params Func<ChatRequestSeen, ChatMessage>[] steps)
    {
        _steps = new ConcurrentQueue<Func<ChatRequestSeen, ChatMessage>>(steps);
    }

    /// <summary>The requests, in the order they were sent.</summary>
    public IReadOnlyList<ChatRequestSeen> Requests => [.. _requests];

    /// <summary>A step that calls <paramref name="function"/>, which must be among the tools offered, with arguments worked out from the request.</summary>
    public static Func<ChatRequestSeen, ChatMessage> Call(string function, Func<ChatRequestSeen, IDictionary<string, object?>> arguments) =>
        seen =>
        {
            if (!seen.ToolNames.Contains(function, StringComparer.Ordinal))
                throw new InvalidOperationException($"The model was asked to call {function}, but was offered only [{string.Join(", ", seen.ToolNames)}].");
            return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call-{seen.Number}", function, arguments(seen))]);
        };

    /// <summary>A step that answers with text.</summary>
    public static Func<ChatRequestSeen, ChatMessage> Say(string text) => _ => new ChatMessage(ChatRole.Assistant, text);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var message = Answer(messages, options);
        return Task.FromResult(new ChatResponse(message) { ResponseId = message.MessageId });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var message = Answer(messages, options);
        foreach (var content in message.Contents)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(message.Role, [content]) { MessageId = message.MessageId, ResponseId = message.MessageId };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private ChatMessage Answer(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        // A copy of each message as sent: a client further out may change the messages it returned later on, and the
        // conversation may hold those very objects (M.E.AI's image tool replaces the contents of its function results).
        var sent = messages.Select(message =>
        {
            var copy = message.Clone();
            copy.Contents = [.. message.Contents];
            return copy;
        });
        var seen = new ChatRequestSeen(Interlocked.Increment(ref _number), [.. sent], [.. (options?.Tools ?? []).Select(tool => tool.Name)]);
        _requests.Enqueue(seen);
        if (!_steps.TryDequeue(out var step))
            throw new InvalidOperationException($"Request {seen.Number} goes beyond the script.");

        var message = step(seen);
        message.MessageId = $"msg-{seen.Number}";
        return message;
    }
}
