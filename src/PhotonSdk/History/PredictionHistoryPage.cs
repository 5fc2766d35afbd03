namespace PhotonSdk;

/// <summary>One page of the prediction history.</summary>
/// <remarks>Made by the client from what the server sends; tests create one with <see cref="PhotonModelFactory"/>.</remarks>
public sealed class PredictionHistoryPage
{
    internal PredictionHistoryPage(int page, int? total, IReadOnlyList<PredictionSummary> items)
    {
        Page = page;
        Total = total;
        Items = items;
    }

    /// <summary>The page number, from 1.</summary>
    public int Page { get; }

    /// <summary>How many predictions match in all, when the server says.</summary>
    public int? Total { get; }

    /// <summary>The predictions on this page, newest first.</summary>
    public IReadOnlyList<PredictionSummary> Items { get; }
}
