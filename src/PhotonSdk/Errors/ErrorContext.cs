using PhotonSdk.Transport;

namespace PhotonSdk.Errors;

/// <summary>What the SDK knows about a request when it fails: which operation, which prediction, which model.</summary>
internal sealed record ErrorContext(string Operation, ApiKey Key, string? PredictionId = null, string? ModelId = null);
