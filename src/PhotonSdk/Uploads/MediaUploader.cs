using PhotonSdk.Errors;
using PhotonSdk.Generated;
using PhotonSdk.Results;
using PhotonSdk.Transport;

namespace PhotonSdk;

/// <summary>
/// Uploads a file: ask for a ticket, then PUT the bytes to its presigned URL with exactly its headers and no
/// Authorization header (the key must not travel to the storage host). Where the server offers no tickets, the legacy
/// one-step multipart upload is used instead.
/// </summary>
internal sealed class MediaUploader
{
    private readonly ApiCaller _api;
    private readonly HttpClient _http;
    private readonly long _maxBytes;

    public MediaUploader(ApiCaller api, HttpClient http, long maxBytes)
    {
        _api = api;
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
                var response = await _api.ReadAsync(
                    (client, token) => client.CreateUploadAsync(new UploadTicketRequest { Filename = fileName, Size = size, Content_type = contentType }, token),
                    _api.Context($"Asking for an upload ticket for {fileName}"), cancellationToken).ConfigureAwait(false);
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
        var context = _api.Context($"Uploading {fileName}");
        try
        {
            await SendAsync(upload, method, target, body, start, size, context, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.StatusCode is { } status)
        {
            // The storage kept answering with a transient status until the retries ran out.
            throw ErrorMapper.FromEnvelope((int)status, $"the storage answered HTTP {(int)status}", context);
        }
        catch (Exception e) when (e is not PhotonException && _api.Translate(e, context, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private async Task SendAsync(
        UploadInstructions upload, HttpMethod method, Uri target, Stream body, long start, long size, ErrorContext context, CancellationToken cancellationToken)
    {
        await _api.Pipelines.Read.ExecuteAsync(async token =>
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

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return;
            var status = (int)response.StatusCode;
            if (status is 408 or 429 or >= 500) throw new HttpRequestException($"The upload answered HTTP {status}.", null, response.StatusCode);
            throw new PhotonException($"{context.Operation} failed: the storage answered HTTP {status}.") { StatusCode = status };
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UploadedMedia> UploadLegacyAsync(Stream body, long start, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var response = await _api.ReadAsync(
            (client, token) =>
            {
                body.Position = start;
                return client.UploadBinaryAsync(new FileParameter(new NonDisposingStream(body), fileName, contentType), token);
            },
            _api.Context($"Uploading {fileName} (multipart)"), cancellationToken).ConfigureAwait(false);
        var file = response.Data;
        if (file?.Download_url is not { } download) throw new PhotonServerException($"The upload of {fileName} answered without a download URL.");
        return new UploadedMedia(download, file.Filename ?? fileName, file.Size ?? body.Length - start, file.Type);
    }

    /// <summary>Uploads need the size up front and a stream that can be read again on retry.</summary>
    private async Task<(Stream Body, bool Owned)> SeekableAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek) return (content, false);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
                throw new ArgumentException($"The file is larger than {_maxBytes} bytes, the most that is uploaded. Pass larger files to models as URLs.", nameof(content));
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        return (buffer, true);
    }

}
