using PhotonSdk.Results;

namespace PhotonSdk;

/// <summary>
/// Reads an output image into a stream or a file. URLs must be http(s); the read stops at a size bound; no API key is
/// sent (outputs live on a CDN); a file is written under a temporary name and moved into place, so a failed download
/// leaves nothing half-written.
/// </summary>
internal sealed class ImageDownloader
{
    private readonly HttpClient _http;
    private readonly long _maxBytes;

    public ImageDownloader(HttpClient http, long maxBytes)
    {
        _http = http;
        _maxBytes = maxBytes;
    }

    public async Task<string?> DownloadAsync(GeneratedImage image, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        if (image.Data is { } data)
        {
            await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            return image.MediaType;
        }

        var url = image.Url!;
        if (!RequestValidator.IsHttpUrl(url))
            throw new ArgumentException($"Only http(s) image URLs are downloaded (was '{url.Scheme}').", nameof(image));

        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new PhotonException($"Downloading {url} failed with HTTP {(int)response.StatusCode}; outputs are kept for 7 days.")
            {
                StatusCode = (int)response.StatusCode,
            };
        }

        if (response.Content.Headers.ContentLength > _maxBytes) throw TooLarge(url);
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > _maxBytes) throw TooLarge(url);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }

        return response.Content.Headers.ContentType?.MediaType ?? image.MediaType;
    }

    public async Task<string> SaveAsync(GeneratedImage image, string predictionId, string path, CancellationToken cancellationToken)
    {
        var isDirectory = Directory.Exists(path) || path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar);
        var directory = Path.GetFullPath(isDirectory ? path : Path.GetDirectoryName(Path.GetFullPath(path))!);
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{predictionId}-{Guid.NewGuid():N}.part");
        try
        {
            string? mediaType;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                mediaType = await DownloadAsync(image, file, cancellationToken).ConfigureAwait(false);
            }

            var suffix = image.Index == 0 ? "" : $"-{image.Index}";
            var target = isDirectory ? Path.Combine(directory, predictionId + suffix + MediaTypes.Extension(mediaType)) : Path.GetFullPath(path);
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private PhotonException TooLarge(Uri url) =>
        new($"The image at {url} is larger than {_maxBytes} bytes (PhotonClientOptions.MaxDownloadBytes); the download was stopped.");
}
