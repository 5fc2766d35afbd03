using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PhotonSdk.Emulator.Hosting;
using PhotonSdk.Emulator.Predictions;

namespace PhotonSdk.Emulator.Uploads;

/// <summary><c>POST /api/v3/media/uploads</c>: step one of the two-step upload, which hands out a presigned PUT URL.</summary>
internal sealed class UploadTicketEndpoint
{
    private readonly EmulatorServices _services;

    public UploadTicketEndpoint(EmulatorServices services) => _services = services;

    public async Task HandleAsync(HttpContext context)
    {
        var body = await JsonBodies.ReadObjectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.InvalidParameter, JsonBodies.NotAnObject).ConfigureAwait(false);
            return;
        }

        var request = body.Value;
        if (!request.TryGetProperty("filename", out var fileNameValue) || fileNameValue.ValueKind == JsonValueKind.Null
            || (fileNameValue.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(fileNameValue.GetString())))
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.MissingParameter, "Missing required parameter: filename.").ConfigureAwait(false);
            return;
        }

        if (!request.TryGetProperty("size", out var sizeValue) || sizeValue.ValueKind == JsonValueKind.Null)
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.MissingParameter, "Missing required parameter: size.").ConfigureAwait(false);
            return;
        }

        var typeValue = request.TryGetProperty("content_type", out var typeElement) ? typeElement : default;
        if (fileNameValue.ValueKind != JsonValueKind.String
            || sizeValue.ValueKind != JsonValueKind.Number || !sizeValue.TryGetInt64(out var size) || size < 0
            || typeValue.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.String or JsonValueKind.Null))
        {
            await ApiResults.InvalidParameterAsync(
                context,
                TaskCodes.InvalidParameter,
                "Invalid parameter: filename must be a string, size an integer of 0 or more and content_type a string.").ConfigureAwait(false);
            return;
        }

        var declaredType = typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString() : null;
        if (size > _services.MaxUploadBytes)
        {
            await UploadLimits.TooLargeAsync(context, size, _services.MaxUploadBytes).ConfigureAwait(false);
            return;
        }

        var fileName = Path.GetFileName(fileNameValue.GetString()!);
        var contentType = MediaKinds.ContentTypeOf(fileName, declaredType);
        var upload = _services.Uploads.Create(fileName, contentType, size, _services.Time.GetUtcNow());
        var origin = RequestOrigin.Of(context);
        var ticket = new UploadTicketPayload
        {
            Type = MediaKinds.KindOf(contentType),
            DownloadUrl = origin + UploadStore.DownloadPath(upload),
            FileName = fileName,
            Size = size,
            Upload = new UploadInstructionsPayload
            {
                Method = HttpMethods.Put,
                Url = origin + UploadStore.UploadPath(upload),
                Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Content-Type"] = contentType },
                ExpiresAt = Timestamps.Format(upload.UploadExpiresAt),
            },
        };
        await ApiResults.OkAsync(context, ticket, EmulatorJsonContext.Wire.EnvelopeUploadTicketPayload).ConfigureAwait(false);
    }
}
