namespace PhotonSdk.LoadHarness;

/// <summary>A prediction a client saw completed, and when it saw it.</summary>
internal readonly record struct Noticed(string PredictionId, DateTimeOffset At);
