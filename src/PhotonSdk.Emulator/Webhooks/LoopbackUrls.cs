using System.Diagnostics.CodeAnalysis;

namespace PhotonSdk.Emulator.Webhooks;

/// <summary>
/// Checks webhook targets. The emulator only ever calls back to this machine (127.0.0.0/8, ::1, localhost): it is a
/// test tool, and must never become a way to send traffic elsewhere.
/// </summary>
internal static class LoopbackUrls
{
    /// <summary>Reads <paramref name="text"/> as an absolute http(s) URL; says why not when it is not one.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out string? problem)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            url = null;
            problem = "webhook must be an absolute http or https URL";
            return false;
        }

        if (!url.IsLoopback)
        {
            url = null;
            problem = "the emulator delivers webhooks only to loopback addresses (127.0.0.0/8, ::1, localhost)";
            return false;
        }

        problem = null;
        return true;
    }
}
