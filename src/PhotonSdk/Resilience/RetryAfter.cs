using System.Globalization;

namespace PhotonSdk.Resilience;

/// <summary>Reads a <c>Retry-After</c> header, given as seconds or as an HTTP date, and caps it.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Parse(IReadOnlyDictionary<string, IEnumerable<string>>? headers, DateTimeOffset now, TimeSpan cap)
    {
        if (headers is null) return null;
        var value = headers.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value)) return null;

        TimeSpan delay;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (double.IsNaN(seconds) || seconds < 0) return null;
            delay = seconds >= cap.TotalSeconds ? cap : TimeSpan.FromSeconds(seconds);
        }
        else if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            delay = date - now;
            if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        }
        else
        {
            return null;
        }

        return delay > cap ? cap : delay;
    }
}
