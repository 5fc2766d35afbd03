using System.Globalization;
using Microsoft.AspNetCore.Http;
using PhotonSdk.Emulator.Hosting;

namespace PhotonSdk.Emulator.Uploads;

/// <summary>The answer to an upload over the size limit.</summary>
internal static class UploadLimits
{
    public static Task TooLargeAsync(HttpContext context, long size, long limit) =>
        ApiResults.ErrorAsync(
            context,
            StatusCodes.Status413PayloadTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"File too large: {size} bytes; the limit is {limit} bytes. Pass larger files as URLs."));

    /// <summary>
    /// The same answer when the size is unknown, e.g. when the server stopped reading a body at
    /// its own limit.
    /// </summary>
    public static Task TooLargeAsync(HttpContext context, long limit) =>
        ApiResults.ErrorAsync(
            context,
            StatusCodes.Status413PayloadTooLarge,
            string.Create(CultureInfo.InvariantCulture, $"File too large: the limit is {limit} bytes. Pass larger files as URLs."));
}
