namespace PhotonSdk;

/// <summary>One page of the prediction history.</summary>
/// <param name="Page">The page number, from 1.</param>
/// <param name="Total">How many predictions match in all, when the server says.</param>
/// <param name="Items">The predictions on this page, newest first.</param>
public sealed record PredictionHistoryPage(int Page, int? Total, IReadOnlyList<PredictionSummary> Items);
