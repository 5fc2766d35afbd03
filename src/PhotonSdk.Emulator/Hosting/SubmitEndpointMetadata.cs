namespace PhotonSdk.Emulator.Hosting;

/// <summary>Marks the submit endpoint, so middleware can tell a submit from other API calls.</summary>
internal sealed class SubmitEndpointMetadata
{
    public static readonly SubmitEndpointMetadata Instance = new();

    private SubmitEndpointMetadata()
    {
    }
}
