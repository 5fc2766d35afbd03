using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Uploads;

/// <summary>
/// <c>PUT /storage/uploads/{id}</c>: step two of the two-step upload. Like a presigned storage URL it takes no
/// Authorization: the unguessable id is the credential, valid until the ticket expires.
/// </summary>
internal sealed class UploadPutEndpoint
{
    public const string IdRouteValue = "id";

    private readonly EmulatorServices _services;

    public UploadPutEndpoint(EmulatorServices services) => _services = services;

    public async Task HandleAsync(HttpContext context)
    {
        var id = context.GetRouteValue(IdRouteValue) as string ?? "";
        var now = _services.Time.GetUtcNow();
        if (!_services.Uploads.TryGet(id, now, out var upload))
        {
            await ApiResults.ErrorAsync(context, StatusCodes.Status404NotFound, "No upload ticket at this URL.").ConfigureAwait(false);
            return;
        }

        if (now > upload.UploadExpiresAt)
        {
            await ApiResults.ErrorAsync(context, StatusCodes.Status403Forbidden, "The upload URL has expired; ask for a new ticket.").ConfigureAwait(false);
            return;
        }

        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var sent)
            && !string.Equals(sent.MediaType.Value, upload.ContentType.Split(';')[0].Trim(), StringComparison.OrdinalIgnoreCase))
        {
            // A presigned URL is signed for the ticket's Content-Type; another one does not match the signature.
            await ApiResults.ErrorAsync(context, StatusCodes.Status403Forbidden, $"Content-Type must be {upload.ContentType}, as the ticket's headers say.").ConfigureAwait(false);
            return;
        }

        var declared = context.Request.ContentLength;
        if (declared is { } length && length != upload.Size)
        {
            await SizeMismatchAsync(context, upload.Size, length).ConfigureAwait(false);
            return;
        }

        // Read one byte past the announced size, enough to tell a body that is too long without buffering all of it.
        var content = new byte[upload.Size];
        var received = await ReadUpToAsync(context.Request.Body, content, context.RequestAborted).ConfigureAwait(false);
        var extra = received == content.Length ? await context.Request.Body.ReadAsync(new byte[1], context.RequestAborted).ConfigureAwait(false) : 0;
        if (received != upload.Size || extra > 0)
        {
            await SizeMismatchAsync(context, upload.Size, received + extra).ConfigureAwait(false);
            return;
        }

        upload.Content = content;
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static Task SizeMismatchAsync(HttpContext context, long expected, long actual) =>
        ApiResults.ErrorAsync(
            context,
            StatusCodes.Status400BadRequest,
            string.Create(CultureInfo.InvariantCulture, $"The ticket announced {expected} bytes but {actual}{(actual > expected ? " or more" : "")} were sent."));

    private static async Task<int> ReadUpToAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
