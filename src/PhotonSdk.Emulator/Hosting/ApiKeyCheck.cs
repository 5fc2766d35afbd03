using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace PhotonSdk.Emulator.Hosting;

/// <summary>Refuses API requests without an accepted <c>Authorization: Bearer KEY</c> with 401, as the API does.</summary>
internal sealed class ApiKeyCheck
{
    private const string Scheme = "Bearer ";

    private readonly FrozenSet<string> _keys;

    /// <param name="keys">The accepted keys; empty accepts any non-empty key.</param>
    public ApiKeyCheck(FrozenSet<string> keys) => _keys = keys;

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var key = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : "";
        if (key.Length > 0 && (_keys.Count == 0 || _keys.Contains(key)))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiResults.ErrorAsync(
            context,
            StatusCodes.Status401Unauthorized,
            key.Length == 0 ? "Unauthorized: missing API key (Authorization: Bearer <key>)." : "Unauthorized: invalid API key.");
    }
}
