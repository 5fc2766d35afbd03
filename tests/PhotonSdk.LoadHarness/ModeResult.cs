namespace PhotonSdk.LoadHarness;

/// <summary>The figures of one mode.</summary>
internal sealed record ModeResult(
    string Mode,
    int Predictions,
    int Errors,
    double NoticeP50Ms,
    double NoticeP95Ms,
    double ResultReadsPerPrediction,
    double RequestsPerPrediction,
    TimeSpan WallTime,
    double PeakClientRetainedMb,
    double PeakHeapAboveIdleMb,
    double PeakWorkingSetAboveIdleMb,
    string? FirstError);
