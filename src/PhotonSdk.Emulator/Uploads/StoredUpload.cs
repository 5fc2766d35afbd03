namespace PhotonSdk.Emulator.Uploads;

/// <summary>A file uploaded, or announced by an upload ticket and awaiting its bytes.</summary>
internal sealed class StoredUpload
{
    public required string Id { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    /// <summary>The size the ticket announced; the PUT must send exactly this many bytes.</summary>
    public required long Size { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this the ticket's upload URL no longer accepts bytes.</summary>
    public required DateTimeOffset UploadExpiresAt { get; init; }

    /// <summary>The bytes, once they have arrived. Written once, read by many, so volatile is enough.</summary>
    public byte[]? Content
    {
        get => Volatile.Read(ref _content);
        set => Volatile.Write(ref _content, value);
    }

    private byte[]? _content;
}
