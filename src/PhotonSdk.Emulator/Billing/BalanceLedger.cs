namespace PhotonSdk.Emulator.Billing;

/// <summary>
/// The account balance. A prediction is charged when it completes, which is known at submit; charges wait in a
/// queue ordered by completion time and are settled whenever the balance is read, so no timer is needed.
/// </summary>
internal sealed class BalanceLedger
{
    private readonly decimal _initial;
    private readonly PriorityQueue<decimal, DateTimeOffset> _pending = new();
    private readonly Lock _gate = new();
    private decimal _charged;

    public BalanceLedger(decimal initial) => _initial = initial;

    /// <summary>Charges <paramref name="priceUsd"/> once <paramref name="completesAt"/> has passed.</summary>
    public void ChargeAt(DateTimeOffset completesAt, decimal priceUsd)
    {
        lock (_gate)
        {
            _pending.Enqueue(priceUsd, completesAt);
        }
    }

    /// <summary>The balance in USD at <paramref name="now"/>.</summary>
    public decimal BalanceAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_pending.TryPeek(out var price, out var due) && due <= now)
            {
                _pending.Dequeue();
                _charged += price;
            }

            return _initial - _charged;
        }
    }
}
