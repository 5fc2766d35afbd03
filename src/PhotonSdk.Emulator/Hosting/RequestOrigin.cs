using Microsoft.AspNetCore.Http;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>
/// The scheme and authority a client reached the emulator by. URLs handed back (results, outputs, uploads) are built
/// on it so that they work whichever of the emulator's addresses the client used.
/// </summary>
internal static class RequestOrigin
{
    public static string Of(HttpContext context) =>
        // Interned: every prediction keeps its origin, and they are nearly always the same few strings.
        string.Intern($"{context.Request.Scheme}://{context.Request.Host.Value}");
}
