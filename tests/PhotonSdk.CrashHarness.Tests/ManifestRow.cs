namespace PhotonSdk.CrashHarness.Tests;

/// <summary>One row of the manifest <c>photon batch</c> wrote.</summary>
public sealed record ManifestRow(string Key, string Prompt, string Status, string? PredictionId, string? File, string? Url);
