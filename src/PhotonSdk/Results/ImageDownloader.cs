using PhotonSdk.Transport;
using System.Globalization;

namespace PhotonSdk.Results;

/// <summary>
/// Reads an output image into a stream or a file. URLs must be http(s); the read stops at a size bound and at a time
/// bound (one attempt's, <see cref="RetryOptions.AttemptTimeout"/>), so a CDN that stalls or trickles cannot hold the
/// caller; no API key is sent (outputs live on a CDN); a file is written under a temporary name and moved into place, so
/// a failed download leaves nothing half-written. Every failure is a <see cref="PhotonException"/> (or, when cancelled,
/// a <see cref="PhotonCanceledException"/>) that carries the prediction id when it is known.
/// </summary>
internal sealed class ImageDownloader
{
    private readonly HttpClient _http;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public ImageDownloader(HttpClient http, long maxBytes, TimeProvider time, TimeSpan timeout)
    {
        _http = http;
        _maxBytes = maxBytes;
        _time = time;
        _timeout = timeout;
    }

    public async Task<string?> DownloadAsync(GeneratedImage image, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        var predictionId = image.PredictionId;
        if (image.Data is { } data)
        {
            await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            return image.MediaType;
        }

        var url = image.Url!;
        if (!RequestValidator.IsHttpUrl(url))
            throw new ArgumentException($"Only http(s) image URLs are downloaded (was '{url.Scheme}').", nameof(image));

        using var bound = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        try
        {
            return await CopyAsync(image, url, destination, predictionId, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new PhotonCanceledException(
                $"Downloading {url} was cancelled. The prediction{(predictionId is null ? "" : $" {predictionId}")} completed and is billed; its output can be downloaded again.",
                predictionId, predictionMayExist: true, e, cancellationToken);
        }
        catch (OperationCanceledException e) when (bound.IsCancellationRequested)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"Downloading {url} timed out after {_timeout.TotalSeconds:0.#} s (RetryOptions.AttemptTimeout).");
            throw new PhotonException(message, e) { PredictionId = predictionId };
        }
        // UriFormatException: HttpClient's answer to a redirect whose target it cannot address (file:///..., say).
        catch (Exception e) when (e is HttpRequestException or IOException or UriFormatException)
        {
            throw new PhotonException($"Downloading {url} failed: {e.Message}", e) { PredictionId = predictionId };
        }
    }

    private async Task<string?> CopyAsync(GeneratedImage image, Uri url, Stream destination, string? predictionId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new PhotonException($"Downloading {url} failed with HTTP {(int)response.StatusCode}; outputs are kept for 7 days.")
            {
                StatusCode = (int)response.StatusCode, PredictionId = predictionId,
            };
        }

        if (response.Content.Headers.ContentLength > _maxBytes) throw TooLarge(url, predictionId);
        var source = new BoundedReadStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _maxBytes);
        await using (source.ConfigureAwait(false))
        {
            try
            {
                await source.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e) when (BoundedReadStream.IsTooLarge(e))
            {
                throw TooLarge(url, predictionId);
            }
        }

        return response.Content.Headers.ContentType?.MediaType ?? image.MediaType;
    }

    private PhotonException TooLarge(Uri url, string? predictionId) =>
        new($"The image at {url} is larger than {_maxBytes} bytes (PhotonClientOptions.MaxDownloadBytes); the download was stopped.") { PredictionId = predictionId };
}
