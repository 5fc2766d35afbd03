namespace PhotonSdk.Tests.Infrastructure;

/// <summary>Counts HTTP requests in flight, so a test can tell "waiting on I/O" from "waiting on the clock".</summary>
public sealed class InFlightHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Content is not null) await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
