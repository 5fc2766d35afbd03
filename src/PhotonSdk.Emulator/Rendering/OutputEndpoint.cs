using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Rendering;

/// <summary>
/// <c>GET /outputs/{id}/0.png</c>: a completed prediction's image, rendered on first request and cached. Output URLs
/// stand for CDN links, so they need no auth.
/// </summary>
internal sealed class OutputEndpoint
{
    public const string IdRouteValue = "id";
    public const string FileRouteValue = "file";

    private readonly EmulatorServices _services;

    public OutputEndpoint(EmulatorServices services) => _services = services;

    public async Task HandleAsync(HttpContext context)
    {
        var id = context.GetRouteValue(IdRouteValue) as string ?? "";
        var file = context.GetRouteValue(FileRouteValue) as string ?? "";
        var format = _services.Renders.Format;
        var now = _services.Time.GetUtcNow();
        if (!_services.Predictions.TryGet(id, now, out var prediction)
            || !prediction.IsCompletedAt(now)
            || !string.Equals(file, "0." + ImageFormats.Extension(format), StringComparison.Ordinal))
        {
            await ApiResults.ErrorAsync(context, StatusCodes.Status404NotFound, "No output at this URL.").ConfigureAwait(false);
            return;
        }

        var image = _services.Renders.Get(prediction.Prompt, prediction.RenderSeed);
        context.Response.ContentType = ImageFormats.MediaType(format);
        context.Response.ContentLength = image.Length;
        await context.Response.Body.WriteAsync(image, context.RequestAborted).ConfigureAwait(false);
    }
}
