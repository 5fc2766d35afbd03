using System.Net;

namespace PhotonSdk.Transport;

/// <summary>
/// Wraps a response body so that reading it stops with an error past a size bound: a broken or hostile server cannot
/// make the client buffer an unbounded body.
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
        foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_inner.Headers.ContentLength > _maxBytes) throw TooLarge();
        var source = await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > _maxBytes) throw TooLarge();
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
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
    private InvalidDataException TooLarge() =>
        new($"The response body is larger than {_maxBytes} bytes, far above any real API response; it was not read.");
}
