namespace PhotonSdk.Transport;

/// <summary>The <c>{code, message, data}</c> envelope every response shares; applied to the generated response types.</summary>
internal interface IApiEnvelope
{
    int Code { get; }

    string? Message { get; }
}
