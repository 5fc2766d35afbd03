using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PhotonSdk.Batch;

/// <summary>
/// A WaveSpeed account level and the limits that come with it: how many images a minute may be submitted (more are
/// answered 429) and how many predictions run at once (more wait on the server). A batch paces its submits to a tier
/// (<see cref="PhotonBatchOptions.Tier"/>); without one it learns the limit from the 429s it gets.
/// </summary>
/// <remarks>
/// The four documented levels are <see cref="Bronze"/>, <see cref="Silver"/>, <see cref="Gold"/> and
/// <see cref="Ultra"/>; an account with other limits is described with the constructor.
/// </remarks>
public sealed class PhotonAccountTier
{
    /// <summary>Describes an account level.</summary>
    /// <param name="name">Its name, e.g. <c>Gold</c>.</param>
    /// <param name="imagesPerMinute">Image submits accepted in any 60 seconds; at least 1.</param>
    /// <param name="maxConcurrency">Predictions that run at once; at least 1.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1.</exception>
    public PhotonAccountTier(string name, int imagesPerMinute, int maxConcurrency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(imagesPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        Name = name;
        ImagesPerMinute = imagesPerMinute;
        MaxConcurrency = maxConcurrency;
    }

    /// <summary>The default level: 2 images a minute, 2 at once.</summary>
    public static PhotonAccountTier Bronze { get; } = new("Bronze", 2, 2);

    /// <summary>After a $100 top-up: 500 images a minute, 300 at once.</summary>
    public static PhotonAccountTier Silver { get; } = new("Silver", 500, 300);

    /// <summary>After $1,000: 3,000 images a minute, 3,000 at once.</summary>
    public static PhotonAccountTier Gold { get; } = new("Gold", 3_000, 3_000);

    /// <summary>After $10,000: 5,000 images a minute, 10,000 at once.</summary>
    public static PhotonAccountTier Ultra { get; } = new("Ultra", 5_000, 10_000);

    /// <summary>The documented levels, from the lowest.</summary>
    public static IReadOnlyList<PhotonAccountTier> All { get; } = [Bronze, Silver, Gold, Ultra];

    /// <summary>The level's name.</summary>
    public string Name { get; }

    /// <summary>Image submits accepted in any 60 seconds.</summary>
    public int ImagesPerMinute { get; }

    /// <summary>Predictions that run at once; more wait on the server until one finishes.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Finds a documented level by its name (<c>bronze</c>, <c>silver</c>, <c>gold</c>, <c>ultra</c>), case-insensitively.</summary>
    /// <param name="name">The name.</param>
    /// <param name="tier">The level, when found.</param>
    /// <returns>Whether a level was found.</returns>
    public static bool TryFind(string? name, [NotNullWhen(true)] out PhotonAccountTier? tier)
    {
        tier = All.FirstOrDefault(t => string.Equals(t.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return tier is not null;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({ImagesPerMinute} images/min, {MaxConcurrency} at once)");
}
