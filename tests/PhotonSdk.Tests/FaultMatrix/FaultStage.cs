namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>Where in a prediction's life a fault strikes.</summary>
public enum FaultStage
{
    Submit,
    Poll,
    SyncMode,
    Upload,
    Download,
    Webhook,
}
