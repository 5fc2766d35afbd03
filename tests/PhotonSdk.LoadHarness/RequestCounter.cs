using System.Net;

namespace PhotonSdk.LoadHarness;

/// <summary>Counts the requests a client sends, by kind, and the 429s it gets, so a mode can report requests per prediction.</summary>
internal sealed class RequestCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long _submits;
    private long _resultReads;
    private long _rateLimited;

    public long Submits => Interlocked.Read(ref _submits);

    public long ResultReads => Interlocked.Read(ref _resultReads);

    /// <summary>Answers with status 429, whatever the request; the client may have retried some of them itself.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public void Reset()
    {
        Interlocked.Exchange(ref _submits, 0);
        Interlocked.Exchange(ref _resultReads, 0);
        Interlocked.Exchange(ref _rateLimited, 0);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post) Interlocked.Increment(ref _submits);
        else if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/result", StringComparison.Ordinal)) Interlocked.Increment(ref _resultReads);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests) Interlocked.Increment(ref _rateLimited);
        return response;
    }
}
