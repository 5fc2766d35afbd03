using PhotonSdk.Errors;
using PhotonSdk.Resilience;
using PhotonSdk.Rest;
using PhotonSdk.Results;
using PhotonSdk.Transport;

namespace PhotonSdk.Uploads;

/// <summary>
/// Uploads a file: ask for a ticket, then PUT the bytes to its presigned URL with exactly its headers and no
/// Authorization header (the key must not travel to the storage host). Where the server offers no tickets, the legacy
/// one-step multipart upload is used instead.
/// </summary>
internal sealed class MediaUploader
{
    private readonly WaveSpeedRestClient _rest;
    private readonly RequestPolicy _policy;
    private readonly HttpClient _http;
    private readonly long _maxBytes;

    public MediaUploader(WaveSpeedRestClient rest, RequestPolicy policy, HttpClient http, long maxBytes)
    {
        _rest = rest;
        _policy = policy;
        _http = http;
        _maxBytes = maxBytes;
    }

    public async Task<UploadedMedia> UploadAsync(Stream content, string fileName, string? contentType, CancellationToken cancellationToken)
    {
        var (body, ownsBody) = await SeekableAsync(content, cancellationToken).ConfigureAwait(false);
        try
        {
            var start = body.Position;
            var size = body.Length - start;
            if (size > _maxBytes)
                throw new ArgumentException($"The file is {size} bytes; at most {_maxBytes} are uploaded. Pass larger files to models as URLs.", nameof(content));
            contentType ??= MediaTypes.FromPath(fileName) ?? MediaTypes.Unknown;

            UploadTicket? ticket;
            try
            {
                var response = await _rest.CreateUploadAsync(new UploadTicketRequest { Filename = fileName, Size = size, Content_type = contentType }, cancellationToken)
                    .ConfigureAwait(false);
                ticket = response.Data;
            }
            catch (PhotonException e) when (e.StatusCode is 404 or 405 or 501)
            {
                return await UploadLegacyAsync(body, start, fileName, contentType, cancellationToken).ConfigureAwait(false);
            }

            if (ticket?.Upload?.Url is not { } target || ticket.Download_url is not { } download)
                throw new PhotonServerException($"The upload ticket for {fileName} has no upload URL or no download URL.");
            if (!RequestValidator.IsHttpUrl(target))
                throw new PhotonServerException($"The upload ticket for {fileName} points at a non-http(s) URL.");

            await PutAsync(ticket.Upload, target, body, start, size, fileName, cancellationToken).ConfigureAwait(false);
            return new UploadedMedia(download, ticket.Filename ?? fileName, ticket.Size ?? size, ticket.Type);
        }
        finally
        {
            if (ownsBody) await body.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task PutAsync(UploadInstructions upload, Uri target, Stream body, long start, long size, string fileName, CancellationToken cancellationToken)
    {
        var method = string.IsNullOrWhiteSpace(upload.Method) ? HttpMethod.Put : new HttpMethod(upload.Method.ToUpperInvariant());
        var context = new ErrorContext($"Uploading {fileName} to the storage host", _policy.Key);
        try
        {
            await SendAsync(upload, method, target, body, start, size, context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new PhotonCanceledException($"{context.Operation} was cancelled.", null, predictionMayExist: false, e, cancellationToken);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new PhotonServerException($"{context.Operation}: every attempt timed out.", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new PhotonException($"{context.Operation}: the connection failed ({e.Message}).", e);
        }
    }

    private async Task SendAsync(
        UploadInstructions upload, HttpMethod method, Uri target, Stream body, long start, long size, ErrorContext context, CancellationToken cancellationToken)
    {
        body.Position = start;
        using var request = new HttpRequestMessage(method, target);
        var streamContent = new StreamContent(new NonDisposingStream(body));
        streamContent.Headers.ContentLength = size;
        request.Content = streamContent;
        foreach (var (name, value) in upload.Headers ?? [])
        {
            // Content headers (Content-Type and the like) are refused on the request and belong on the content.
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                streamContent.Headers.Remove(name);
                streamContent.Headers.TryAddWithoutValidation(name, value);
            }
        }


        // The storage host is outside the API: the policy retries its transient answers and leaves the status to us.
        using var response = await _policy.SendAsync(_http, request, RequestMark.ExternalRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return;
        var status = (int)response.StatusCode;
        throw status is 408 or 429 or >= 500
            ? ErrorMapper.FromHttp(status, null, null, context)
            : new PhotonException($"{context.Operation} failed: the storage answered HTTP {status}.") { StatusCode = status };
    }

    private async Task<UploadedMedia> UploadLegacyAsync(Stream body, long start, string fileName, string contentType, CancellationToken cancellationToken)
    {
        body.Position = start;
        var response = await _rest.UploadBinaryAsync(new FileParameter(new NonDisposingStream(body), fileName, contentType), cancellationToken).ConfigureAwait(false);
        var file = response.Data;
        if (file?.Download_url is not { } download) throw new PhotonServerException($"The upload of {fileName} answered without a download URL.");
        return new UploadedMedia(download, file.Filename ?? fileName, file.Size ?? body.Length - start, file.Type);
    }

    /// <summary>Uploads need the size up front and a stream that can be read again on retry.</summary>
    private async Task<(Stream Body, bool Owned)> SeekableAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek) return (content, false);
        var buffer = new MemoryStream();
        var bounded = new BoundedReadStream(new NonDisposingStream(content), _maxBytes);
        try
        {
            await bounded.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e) when (BoundedReadStream.IsTooLarge(e))
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            throw new ArgumentException($"The file is larger than {_maxBytes} bytes, the most that is uploaded. Pass larger files to models as URLs.", nameof(content));
        }

        finally
        {
            await bounded.DisposeAsync().ConfigureAwait(false);
        }

        buffer.Position = 0;
        return (buffer, true);
    }

}
