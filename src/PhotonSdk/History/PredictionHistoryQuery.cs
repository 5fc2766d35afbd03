namespace PhotonSdk;

/// <summary>Which page of the prediction history to read, and filters. The history covers the last 7 days, newest first.</summary>
public sealed class PredictionHistoryQuery
{
    /// <summary>The page, from 1. Default 1.</summary>
    public int Page { get; set; } = 1;

    /// <summary>Predictions per page, 1 to 100. Default 20.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>Only predictions of this model (an id, name or alias).</summary>
    public string? Model { get; set; }

    /// <summary>Only predictions in this status; the API filters on completed, failed and processing.</summary>
    public PredictionStatus? Status { get; set; }

    /// <summary>Only predictions created after this time.</summary>
    public DateTimeOffset? CreatedAfter { get; set; }

    /// <summary>Only predictions created before this time.</summary>
    public DateTimeOffset? CreatedBefore { get; set; }
}
