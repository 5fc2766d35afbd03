namespace PhotonSdk.Tests.Infrastructure;

/// <summary>One webhook as it arrived: its three signature headers and its raw body.</summary>
public sealed record WebhookDelivery(string? Id, string? Timestamp, string? Signature, byte[] Body)
{
    public PredictionSummary VerifyWith(WebhookVerifier verifier) => verifier.Verify(Id, Timestamp, Signature, Body);
}
