using System.Text.Json.Serialization;

namespace PhotonSdk.Emulator.Uploads;

/// <summary>The <c>data</c> of the legacy one-step upload: the stored file.</summary>
internal class UploadedFilePayload
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("download_url")]
    public required string DownloadUrl { get; init; }

    [JsonPropertyName("filename")]
    public required string FileName { get; init; }

    [JsonPropertyName("size")]
    public required long Size { get; init; }
}

/// <summary>The <c>data</c> of <c>POST /media/uploads</c>: the file to be, and how to send its bytes.</summary>
internal sealed class UploadTicketPayload : UploadedFilePayload
{
    [JsonPropertyName("upload")]
    public required UploadInstructionsPayload Upload { get; init; }
}

/// <summary>How to send an upload's bytes: a PUT to a presigned URL with exactly these headers and no Authorization.</summary>
internal sealed class UploadInstructionsPayload
{
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("headers")]
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    [JsonPropertyName("expires_at")]
    public required string ExpiresAt { get; init; }
}
