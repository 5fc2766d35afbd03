namespace PhotonSdk.Orleans.Budget;

/// <summary>The budget's persisted state.</summary>
[GenerateSerializer]
[Alias("PhotonSdk.Orleans.BudgetState")]
internal sealed class BudgetState
{
    [Id(0)] public decimal ReservedUsd { get; set; }
}
