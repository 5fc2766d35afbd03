using System.Globalization;
using PhotonSdk.Batch;

namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>What a test cluster's silos are built with; passed to them as configuration, since TestingHost builds silos from types.</summary>
public sealed record ClusterSettings
{
    public required string Run { get; init; }
    public required Uri EmulatorUrl { get; init; }
    public required Uri WebhookUrl { get; init; }

    /// <summary>The Redis server's configuration; in-memory storage and reminders when <see langword="null"/>.</summary>
    public string? Redis { get; init; }

    public PhotonAccountTier? Tier { get; init; }
    public decimal? MaxCostUsd { get; init; }
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan UncertainGrace { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan UncertainWindow { get; init; } = TimeSpan.FromSeconds(10);

    public Dictionary<string, string?> ToProperties() => new()
    {
        ["Photon:Run"] = Run,
        ["Photon:EmulatorUrl"] = EmulatorUrl.AbsoluteUri,
        ["Photon:WebhookUrl"] = WebhookUrl.AbsoluteUri,
        ["Photon:Redis"] = Redis ?? "",
        ["Photon:Tier"] = Tier?.Name ?? "",
        ["Photon:ImagesPerMinute"] = Tier?.ImagesPerMinute.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Photon:MaxCostUsd"] = MaxCostUsd?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Photon:PollIntervalMs"] = PollInterval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
        ["Photon:UncertainGraceMs"] = UncertainGrace.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
        ["Photon:UncertainWindowMs"] = UncertainWindow.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
    };
}
