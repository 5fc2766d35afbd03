namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>What a case expects of the prediction id on its result or exception.</summary>
public enum PredictionIdOnOutcome
{
    /// <summary>The client was never told an id, and the outcome carries none.</summary>
    None,

    /// <summary>The client learned exactly one id, and the outcome carries that id: once known, it is never lost.</summary>
    Issued,

    /// <summary>
    /// The client learned exactly one id from its submit, and the outcome is a refused webhook, which carries none:
    /// nothing in an unauthenticated body, its id included, is to be trusted.
    /// </summary>
    RefusedWebhook,
}
