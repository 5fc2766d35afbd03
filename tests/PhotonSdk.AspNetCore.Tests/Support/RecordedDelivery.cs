namespace PhotonSdk.AspNetCore.Tests.Support;

/// <summary>One POST as it reached the receiver's host: its headers and raw body, and the status it was answered with.</summary>
public sealed record RecordedDelivery(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int StatusCode)
{
    public string Id => Headers["webhook-id"];

    public string Timestamp => Headers["webhook-timestamp"];

    public string Signature => Headers["webhook-signature"];
}
