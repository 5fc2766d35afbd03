using System.Globalization;

namespace PhotonSdk.Emulator.Predictions;

/// <summary>Formats and reads the API's ISO 8601 timestamps.</summary>
internal static class Timestamps
{
    /// <summary>
    /// UTC with as many fractional digits as needed and none when the fraction is zero, as the real service (which
    /// writes Go's RFC 3339 with nanoseconds) does: clients meet <c>.027Z</c>, <c>.92Z</c> and no fraction at all.
    /// </summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO 8601 timestamp; one without an offset is taken as UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
