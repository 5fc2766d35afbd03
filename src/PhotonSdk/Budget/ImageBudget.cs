using System.Globalization;

namespace PhotonSdk.Budget;

/// <summary>
/// What one set of image tools, or one batch, may still spend. A call reserves its image and price before it submits, so
/// that concurrent calls cannot overspend; the reservation is released when the submit certainly created nothing
/// (<see cref="SubmitEvidence.ProvesNothingCreated"/>), and otherwise settled at the actual price.
/// </summary>
internal sealed class ImageBudget
{
    private readonly Lock _lock = new();
    private readonly int _maxImages;
    private readonly decimal _maxCostUsd;
    private int _images;
    private decimal _costUsd;

    public ImageBudget(int maxImages, decimal maxCostUsd)
    {
        _maxImages = maxImages;
        _maxCostUsd = maxCostUsd;
    }

    /// <summary>Reserves one image at <paramref name="priceUsd"/>.</summary>
    /// <returns>The reservation, or <see langword="null"/> and why not.</returns>
    public Reservation? TryReserve(decimal priceUsd, out string? refusal)
    {
        lock (_lock)
        {
            if (_images + 1 > _maxImages)
            {
                refusal = string.Create(CultureInfo.InvariantCulture, $"the image budget is used up ({_images} of {_maxImages} images)");
                return null;
            }

            if (_costUsd + priceUsd > _maxCostUsd)
            {
                refusal = string.Create(
                    CultureInfo.InvariantCulture,
                    $"the spending budget is used up (another image costs {Usd(priceUsd)} USD; {Usd(_costUsd)} of {Usd(_maxCostUsd)} USD are spent)");
                return null;
            }

            _images++;
            _costUsd += priceUsd;
            refusal = null;
            return new Reservation(this, priceUsd);
        }
    }

    /// <summary>
    /// Counts spending that happened before this budget existed (what an earlier run of a batch may have been billed).
    /// It is counted whatever the limits: a budget already past them reserves nothing more.
    /// </summary>
    public void Charge(int images, decimal costUsd)
    {
        lock (_lock)
        {
            _images += images;
            _costUsd += costUsd;
        }
    }

    /// <summary>What is spent and what is left, read at one instant.</summary>
    public Snapshot Read()
    {
        lock (_lock)
        {
            return new Snapshot(_maxImages, Math.Max(0, _maxImages - _images), _maxCostUsd, Math.Max(0, _maxCostUsd - _costUsd));
        }
    }

    internal static string Usd(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);

    private void Return(int images, decimal costUsd)
    {
        lock (_lock)
        {
            _images -= images;
            _costUsd -= costUsd;
        }
    }

    /// <summary>The budget's limits and what is left of them.</summary>
    internal readonly record struct Snapshot(int MaxImages, int ImagesLeft, decimal MaxCostUsd, decimal CostLeftUsd);

    /// <summary>One call's hold on the budget; closed exactly once, by <see cref="Release"/> or <see cref="Settle"/>.</summary>
    internal sealed class Reservation
    {
        private readonly ImageBudget _budget;
        private readonly decimal _priceUsd;
        private int _closed;

        public Reservation(ImageBudget budget, decimal priceUsd)
        {
            _budget = budget;
            _priceUsd = priceUsd;
        }

        /// <summary>Gives the image and its price back: nothing was created.</summary>
        public void Release()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) _budget.Return(1, _priceUsd);
        }

        /// <summary>Keeps the image and corrects the price to what the prediction actually cost (a fallback model may be cheaper).</summary>
        public void Settle(decimal? actualUsd)
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0 && actualUsd is { } actual) _budget.Return(0, _priceUsd - actual);
        }
    }
}
