using System.Collections.Concurrent;

namespace PhotonSdk.AspNetCore.Tests.Support;

/// <summary>A handler for tests: records each delivery it is given and behaves as the test says (by default, returns).</summary>
public sealed class HandlerLog
{
    private readonly ConcurrentQueue<PhotonWebhook> _calls = new();

    /// <summary>What each call does after it is recorded; receives the call's number, from 1.</summary>
    public Func<int, CancellationToken, Task> Behaviour { get; set; } = (_, _) => Task.CompletedTask;

    public IReadOnlyList<PhotonWebhook> Calls => [.. _calls];

    public Task HandleAsync(PhotonWebhook webhook, CancellationToken cancellationToken)
    {
        _calls.Enqueue(webhook);
        return Behaviour(_calls.Count, cancellationToken);
    }
}
