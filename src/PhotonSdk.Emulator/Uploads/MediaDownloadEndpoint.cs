using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Uploads;

/// <summary><c>GET /storage/media/{id}/{filename}</c>: an uploaded file, as a download URL serves it (no auth, like a CDN).</summary>
internal sealed class MediaDownloadEndpoint
{
    public const string IdRouteValue = "id";

    private readonly EmulatorServices _services;

    public MediaDownloadEndpoint(EmulatorServices services) => _services = services;

    public async Task HandleAsync(HttpContext context)
    {
        var id = context.GetRouteValue(IdRouteValue) as string ?? "";
        if (!_services.Uploads.TryGet(id, _services.Time.GetUtcNow(), out var upload) || upload.Content is not { } content)
        {
            await ApiResults.ErrorAsync(context, StatusCodes.Status404NotFound, "No file at this URL.").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = upload.ContentType;
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }
}
