using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using PhotonSdk.Rest;

namespace PhotonSdk.Transport;

/// <summary>
/// An API response body read whole, within a size bound and within the attempt that fetched it, so that a body cut off
/// mid-way is a failure of that attempt (and a read is sent again). It remembers what the envelope says (<c>code</c>,
/// <c>message</c>) and the request's mark, for the typed read that follows. The bytes come from the array pool and go
/// back when the response is disposed; PredictionBenchmarks counts that saving per poll.
/// </summary>
internal sealed class BufferedBody : HttpContent
{
    private const int InitialBufferBytes = 4096;

    private byte[]? _buffer;
    private readonly int _length;

    private BufferedBody(byte[] buffer, int length, RequestMark mark, long arrivedTimestamp)
    {
        _buffer = buffer;
        _length = length;
        Mark = mark;
        ArrivedTimestamp = arrivedTimestamp;
        LooksComplete = EnvelopeFacts.LooksComplete(Span);
    }

    public RequestMark Mark { get; }

    /// <summary>
    /// When the response's headers arrived, on the client's <see cref="TimeProvider"/>: the latest moment the server can
    /// have answered, before any of this client's own work on the answer.
    /// </summary>
    public long ArrivedTimestamp { get; }

    /// <summary>Whether the body is one JSON object or array from its first brace to its last (a cut-off body is not).</summary>
    public bool LooksComplete { get; }

    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(BufferedBody))).AsSpan(0, _length);

    public string Text => Encoding.UTF8.GetString(Span);

    /// <summary>Reads a response's body into the pool, replacing its content; past <paramref name="maxBytes"/> it throws.</summary>
    public static async Task ReplaceAsync(
        HttpResponseMessage response, RequestMark mark, long maxBytes, long arrivedTimestamp, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentLength > maxBytes) throw TooLarge(maxBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            var length = 0;
            var bounded = new BoundedReadStream(await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), maxBytes);
            await using (bounded.ConfigureAwait(false))
            {
                int read;
                while ((read = await bounded.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length) buffer = Grow(buffer);
                }
            }

            // The content headers are not copied: nothing reads them after this, and copying them per response would
            // cost more than the rest of the read (PredictionBenchmarks).
            var body = new BufferedBody(buffer, length, mark, arrivedTimestamp);
            buffer = null;
            response.Content = body;
            original.Dispose();
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Not an HttpRequestException: a body this large is no transient fault, so nothing retries it.
    private static InvalidDataException TooLarge(long maxBytes) =>
        new($"The response body is larger than {maxBytes} bytes, far above any real API response; it was not read.");

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_buffer.AsMemory(0, _length)).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(_buffer!, 0, _length, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
        base.Dispose(disposing);
    }

    private static byte[] Grow(byte[] full)
    {
        var larger = ArrayPool<byte>.Shared.Rent(full.Length * 2);
        full.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }
}

/// <summary>What the SDK reads of an envelope's raw bytes, without a pass over the whole body where it can help it.</summary>
internal static class EnvelopeFacts
{
    /// <summary>
    /// Whether a body starts and ends as one JSON object or array does: a body cut off mid-way fails this at O(1) cost,
    /// so that a read can be sent again inside its attempt without parsing the body twice (PredictionBenchmarks). A
    /// body that passes but still is not JSON fails its typed read instead.
    /// </summary>
    public static bool LooksComplete(ReadOnlySpan<byte> utf8)
    {
        var text = WithoutByteOrderMark(utf8).Trim(" \t\r\n"u8);
        return text.Length >= 2 && ((text[0] == (byte)'{' && text[^1] == (byte)'}') || (text[0] == (byte)'[' && text[^1] == (byte)']'));
    }

    /// <summary>The envelope's <c>message</c>, read only when an error needs it (a success's "success" is never decoded).</summary>
    public static string? MessageOf(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(WithoutByteOrderMark(utf8));
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
            // A broken body has no message to offer.
        }

        return null;
    }

    internal static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8;
}
