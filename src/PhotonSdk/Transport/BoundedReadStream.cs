namespace PhotonSdk.Transport;

/// <summary>
/// A read-only view of a stream that throws <see cref="InvalidDataException"/> once more than a bound has been read, so
/// a body is never copied just to be measured. Every bounded read of the SDK goes through it: API response bodies,
/// image downloads and uploads from streams of unknown length. Disposing it disposes the inner stream.
/// </summary>
internal sealed class BoundedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _maxBytes;
    private long _read;

    public BoundedReadStream(Stream inner, long maxBytes)
    {
        _inner = inner;
        _maxBytes = maxBytes;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Whether an exception is this stream's refusal to read past its bound.</summary>
    public static bool IsTooLarge(Exception exception) => exception is InvalidDataException { Data: { } data } && data.Contains(typeof(BoundedReadStream));

    private int Count(int read)
    {
        _read += read;
        return _read > _maxBytes ? throw TooLarge(_maxBytes) : read;
    }

    // Not an HttpRequestException: a body this large is no transient fault, so nothing retries it.
    private static InvalidDataException TooLarge(long maxBytes)
    {
        var error = new InvalidDataException($"The body is larger than {maxBytes} bytes, far above what is expected here; it was not read.");
        error.Data[typeof(BoundedReadStream)] = maxBytes;
        return error;
    }
}
