namespace PhotonSdk.Cli.Output;

/// <summary>The timings of a <see cref="SavedImage"/>, in milliseconds so that scripts need not parse durations.</summary>
/// <param name="CreatedAt">When the server created the prediction.</param>
/// <param name="InferenceMs">The server's inference time.</param>
/// <param name="ExecutionMs">The server's execution time.</param>
/// <param name="ElapsedMs">The tool's time from the submit (or the resume) to the result.</param>
internal sealed record SavedImageTimings(DateTimeOffset? CreatedAt, double? InferenceMs, double? ExecutionMs, double ElapsedMs);
