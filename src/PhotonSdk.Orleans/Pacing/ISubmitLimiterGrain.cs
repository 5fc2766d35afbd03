namespace PhotonSdk.Orleans.Pacing;

/// <summary>The cluster's one pace of submits for an account (key: the tier's images per minute), shared by every silo.</summary>
[Alias("PhotonSdk.Orleans.ISubmitLimiterGrain")]
internal interface ISubmitLimiterGrain : IGrainWithIntegerKey
{
    /// <summary>Takes the next submit time; the caller waits until then before its submit leaves.</summary>
    [Alias("Reserve")]
    Task<DateTimeOffset> ReserveAsync();

    /// <summary>The server answered 429: no submit before <paramref name="until"/>.</summary>
    [Alias("Pause")]
    Task PauseAsync(DateTimeOffset until);
}
