using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace PhotonSdk.Emulator.Uploads;

/// <summary>The uploaded files, by id. Ids are random and unguessable, which is what lets the upload URL go without auth.</summary>
internal sealed class UploadStore
{
    /// <summary>How long a ticket's upload URL accepts bytes.</summary>
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromHours(1);

    /// <summary>Uploads are kept 7 days.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, StoredUpload> _uploads = new(StringComparer.Ordinal);

    public StoredUpload Create(string fileName, string contentType, long size, DateTimeOffset now, byte[]? content = null)
    {
        var upload = new StoredUpload
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            CreatedAt = now,
            UploadExpiresAt = now + TicketLifetime,
            Content = content,
        };
        _uploads[upload.Id] = upload;
        return upload;
    }

    public bool TryGet(string id, DateTimeOffset now, [NotNullWhen(true)] out StoredUpload? upload)
    {
        if (_uploads.TryGetValue(id, out upload) && now - upload.CreatedAt < Retention)
        {
            return true;
        }

        upload = null;
        return false;
    }

    /// <summary>The path of an upload's download URL, relative to the emulator's root.</summary>
    public static string DownloadPath(StoredUpload upload) => $"/storage/media/{upload.Id}/{Uri.EscapeDataString(upload.FileName)}";

    /// <summary>The path of a ticket's upload URL, relative to the emulator's root.</summary>
    public static string UploadPath(StoredUpload upload) => $"/storage/uploads/{upload.Id}";

    /// <summary>Reads the upload id out of a download URL of this emulator, if it is one.</summary>
    public static bool TryParseDownloadUrl(Uri url, [NotNullWhen(true)] out string? id)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 3 && segments[0] == "storage" && segments[1] == "media")
        {
            id = segments[2];
            return true;
        }

        id = null;
        return false;
    }
}
