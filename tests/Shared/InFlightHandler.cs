namespace PhotonSdk.Testing;

/// <summary>Counts HTTP requests in flight, so a test can tell "waiting on I/O" from "waiting on the clock".</summary>
public sealed class InFlightHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        // Continuations run inline on purpose: the client handles the answer inside SetResult, up to its next wait, and
        // only then does the request stop counting as in flight, so the fake clock cannot move while it is busy.
        var answered = new TaskCompletionSource<HttpResponseMessage>();
        _ = RelayAsync(request, answered, cancellationToken);
        return answered.Task;
    }

    private async Task RelayAsync(HttpRequestMessage request, TaskCompletionSource<HttpResponseMessage> answered, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Content is not null) await response.Content.LoadIntoBufferAsync(cancellationToken);
            answered.SetResult(response);
        }
        catch (Exception e)
        {
            answered.SetException(e);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
