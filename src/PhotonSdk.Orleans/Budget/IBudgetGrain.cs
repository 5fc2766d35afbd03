namespace PhotonSdk.Orleans.Budget;

/// <summary>The cluster's spending cap (one grain for the account): what every submit has reserved, durably.</summary>
[Alias("PhotonSdk.Orleans.IBudgetGrain")]
internal interface IBudgetGrain : IGrainWithStringKey
{
    /// <summary>Reserves <paramref name="amountUsd"/> when it fits under <paramref name="capUsd"/>; returns once the reservation is persisted.</summary>
    /// <returns>Whether it fitted.</returns>
    [Alias("TryReserve")]
    Task<bool> TryReserveAsync(decimal amountUsd, decimal capUsd);

    /// <summary>Gives back a reservation whose submit provably created nothing.</summary>
    [Alias("Release")]
    Task ReleaseAsync(decimal amountUsd);

    /// <summary>What is reserved in all (spent, or in flight).</summary>
    [Alias("GetReserved")]
    Task<decimal> GetReservedAsync();
}
