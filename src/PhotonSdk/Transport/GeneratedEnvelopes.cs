using PhotonSdk.Transport;

namespace PhotonSdk.Generated;

internal partial class PredictionResponse : IApiEnvelope;

internal partial class PredictionListResponse : IApiEnvelope;

internal partial class DeletePredictionsResponse : IApiEnvelope;

internal partial class UploadTicketResponse : IApiEnvelope;

internal partial class UploadResponse : IApiEnvelope;

internal partial class BalanceResponse : IApiEnvelope;

internal partial class WebhookSecretResponse : IApiEnvelope;
