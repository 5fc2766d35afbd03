using System.Net;

namespace PhotonSdk.Transport;

/// <summary>
/// Wraps a response body so that reading it stops with an error past a size bound: a broken or hostile server cannot
/// make the client buffer an unbounded body. Reads go through <see cref="BoundedReadStream"/>, which counts bytes as
/// they pass rather than copying them.
/// </summary>
internal sealed class BoundedContent : HttpContent
{
    /// <summary>Far above any real API response (a base64 image is a few MB).</summary>
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    private readonly HttpContent _inner;
    private readonly long _maxBytes;

    public BoundedContent(HttpContent inner, long maxBytes)
    {
        _inner = inner;
        _maxBytes = maxBytes;
        // Headers are not copied: the generated client reads them before it swaps the content in, and copying them
        // per response would cost more than the rest of this wrapper. Text reads then default to UTF-8, as JSON is.
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        if (_inner.Headers.ContentLength > _maxBytes) throw TooLarge(_maxBytes);
        var source = await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new BoundedReadStream(source, _maxBytes);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    // Not an HttpRequestException: a body this large is no transient fault, so nothing retries it.
    internal static InvalidDataException TooLarge(long maxBytes) =>
        new($"The response body is larger than {maxBytes} bytes, far above any real API response; it was not read.");
}
