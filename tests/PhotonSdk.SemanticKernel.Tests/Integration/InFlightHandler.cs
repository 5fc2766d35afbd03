namespace PhotonSdk.SemanticKernel.Tests.Integration;

/// <summary>Counts HTTP requests in flight, so that a fake clock moves only while none is (an attempt timeout would otherwise fire).</summary>
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
