using Microsoft.AspNetCore.Http;
using PhotonSdk.Emulator.Hosting;
using PhotonSdk.Emulator.Predictions;

namespace PhotonSdk.Emulator.Uploads;

/// <summary><c>POST /api/v3/media/upload/binary</c>: the legacy one-step upload of a multipart field <c>file</c>.</summary>
internal sealed class BinaryUploadEndpoint
{
    public const string FileField = "file";

    private readonly EmulatorServices _services;

    public BinaryUploadEndpoint(EmulatorServices services) => _services = services;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.InvalidParameter, "Invalid request body: expected multipart/form-data.").ConfigureAwait(false);
            return;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            // The form reader stops at its length limit, which is set just above the upload limit.
            await UploadLimits.TooLargeAsync(context, _services.MaxUploadBytes).ConfigureAwait(false);
            return;
        }

        if (form.Files.GetFile(FileField) is not { } file)
        {
            await ApiResults.InvalidParameterAsync(context, TaskCodes.MissingParameter, "Missing required parameter: file.").ConfigureAwait(false);
            return;
        }

        if (file.Length > _services.MaxUploadBytes)
        {
            await UploadLimits.TooLargeAsync(context, file.Length, _services.MaxUploadBytes).ConfigureAwait(false);
            return;
        }

        var content = new byte[file.Length];
        var stream = file.OpenReadStream();
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(content, context.RequestAborted).ConfigureAwait(false);
        }

        var fileName = Path.GetFileName(string.IsNullOrWhiteSpace(file.FileName) ? "upload.bin" : file.FileName);
        var contentType = MediaKinds.ContentTypeOf(fileName, file.ContentType);
        var upload = _services.Uploads.Create(fileName, contentType, content.Length, _services.Time.GetUtcNow(), content);
        var stored = new UploadedFilePayload
        {
            Type = MediaKinds.KindOf(contentType),
            DownloadUrl = RequestOrigin.Of(context) + UploadStore.DownloadPath(upload),
            FileName = fileName,
            Size = content.Length,
        };
        await ApiResults.OkAsync(context, stored, EmulatorJsonContext.Wire.EnvelopeUploadedFilePayload).ConfigureAwait(false);
    }
}
