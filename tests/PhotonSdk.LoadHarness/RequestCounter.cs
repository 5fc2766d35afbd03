namespace PhotonSdk.LoadHarness;

/// <summary>Counts the requests a client sends, by kind, so a mode can report requests per prediction.</summary>
internal sealed class RequestCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long _submits;
    private long _resultReads;

    public long Submits => Interlocked.Read(ref _submits);

    public long ResultReads => Interlocked.Read(ref _resultReads);

    public void Reset()
    {
        Interlocked.Exchange(ref _submits, 0);
        Interlocked.Exchange(ref _resultReads, 0);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post) Interlocked.Increment(ref _submits);
        else if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/result", StringComparison.Ordinal)) Interlocked.Increment(ref _resultReads);
        return base.SendAsync(request, cancellationToken);
    }
}
