namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>What one run of a fault case came to.</summary>
/// <param name="Result">What the call returned, when it returned.</param>
/// <param name="Error">What the call threw, when it threw.</param>
/// <param name="Elapsed">The fake time from the call's start to its end.</param>
/// <param name="Cancellation">For a cancelled call, the real and fake time from the cancellation to its end.</param>
public sealed record FaultRun(object? Result, Exception? Error, TimeSpan Elapsed, (TimeSpan Real, TimeSpan Fake)? Cancellation);
