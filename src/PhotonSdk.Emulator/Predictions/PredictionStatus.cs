namespace PhotonSdk.Emulator.Predictions;

/// <summary>The status values the emulator reports, spelled as on the wire.</summary>
internal static class PredictionStatus
{
    public const string Created = "created";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
