using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>Reads JSON request bodies.</summary>
internal static class JsonBodies
{
    public const string NotAnObject = "Invalid request body: expected a JSON object.";

    /// <summary>The body as a detached JSON object, or null when it is not valid JSON or not an object.</summary>
    public static async Task<JsonElement?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
