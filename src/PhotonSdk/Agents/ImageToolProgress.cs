namespace PhotonSdk.Agents;

/// <summary>
/// A report from a tool that is still at work: how long it has been at it and a line a person or a model can read.
/// </summary>
/// <param name="Elapsed">The time since the tool started, which only grows from one report to the next.</param>
/// <param name="Message">What the tool is doing, e.g. <c>generating with luma/photon-flash (6 s)</c>.</param>
public sealed record ImageToolProgress(TimeSpan Elapsed, string Message);
