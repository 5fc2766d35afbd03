using System.Globalization;
using PhotonSdk.Batch;

namespace PhotonSdk.Cli.Batching;

/// <summary>
/// What a batch is about to do, before it does it: how many images, what they cost at catalog prices, and how long the
/// account's rate limit makes them take (the submits of a minute's worth of images, plus the last images' own few
/// seconds, which are left out).
/// </summary>
internal static class BatchEstimate
{
    /// <summary>How long submitting <paramref name="images"/> takes at the tier's images per minute.</summary>
    public static TimeSpan TimeAt(PhotonAccountTier tier, int images)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return TimeSpan.FromMinutes((double)images / tier.ImagesPerMinute);
    }

    /// <summary>The time at the given tier, or at every documented tier when none is given.</summary>
    public static string TimeText(PhotonAccountTier? tier, int images)
    {
        if (tier is not null) return $"about {Duration(TimeAt(tier, images))} at {tier.Name} ({tier.ImagesPerMinute.ToString("N0", CultureInfo.InvariantCulture)} images/min)";
        var each = PhotonAccountTier.All.Select(t => $"{t.Name.ToLowerInvariant()} {Duration(TimeAt(t, images))}");
        return $"about {string.Join(", ", each)} (pass --tier for your account's)";
    }

    /// <summary>A duration as a person says it: <c>45s</c>, <c>3m 20s</c>, <c>2h 05m</c>, <c>3d 4h</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) duration = TimeSpan.Zero;
        return duration.TotalSeconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(duration.TotalSeconds):0}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s"),
            < 86400 => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalDays}d {duration.Hours}h"),
        };
    }
}
