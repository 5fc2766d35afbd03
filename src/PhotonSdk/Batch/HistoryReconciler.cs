using System.Globalization;

namespace PhotonSdk.Batch;

/// <summary>
/// Looks in the prediction history for the predictions that uncertain items may have created: those cut off between
/// "about to submit" and "submitted", and those whose submit's answer was lost. A candidate is a prediction of the
/// item's model, created within a window around the item's about-to-submit time, whose id no item of the batch holds.
/// When the history echoes the input, a candidate matches an item with the same prompt (and input image); predictions
/// with identical input are interchangeable. When it does not, a candidate matches only when it is the only one in the
/// item's window and the item the only one whose window holds it. Anything else stays uncertain.
/// </summary>
internal static class HistoryReconciler
{
    /// <summary>How long before the about-to-submit time a prediction may be stamped (the server's clock may run behind).</summary>
    public static readonly TimeSpan Before = TimeSpan.FromMinutes(2);

    /// <summary>How long after it: the client's own 429 retries and attempt timeouts can hold a submit back for minutes.</summary>
    public static readonly TimeSpan After = TimeSpan.FromMinutes(10);

    /// <summary>How far back the history goes.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private const int PageSize = 100;
    private const int MaxPages = 1_000;

    /// <summary>One uncertain item and what is known of its submit.</summary>
    public sealed record Uncertain(string Key, PhotonModel Model, string Prompt, Uri? InputImage, DateTimeOffset SubmittingAt);

    /// <summary>What was found: a prediction per matched key, and why each other key stays uncertain.</summary>
    public sealed record Findings(IReadOnlyDictionary<string, PredictionSummary> Matches, IReadOnlyDictionary<string, string> Unmatched);

    public static async Task<Findings> ReconcileAsync(
        IPhotonClient client, IReadOnlyList<Uncertain> items, IReadOnlySet<string> claimedIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var matches = new Dictionary<string, PredictionSummary>(StringComparer.Ordinal);
        var unmatched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in items.GroupBy(i => i.Model.Id, StringComparer.Ordinal))
        {
            var waiting = new List<Uncertain>();
            foreach (var item in group.OrderBy(i => i.SubmittingAt))
            {
                if (now - item.SubmittingAt > Retention) unmatched[item.Key] = "its submit is older than the 7 days the history covers";
                else waiting.Add(item);
            }

            if (waiting.Count == 0) continue;
            var from = waiting[0].SubmittingAt - Before;
            var to = waiting[^1].SubmittingAt + After;
            List<PredictionSummary> candidates;
            try
            {
                candidates = await ReadAsync(client, waiting[0].Model.Id, from, to, cancellationToken).ConfigureAwait(false);
            }
            catch (PhotonException e)
            {
                foreach (var item in waiting) unmatched[item.Key] = $"the history could not be read to look for its prediction ({e.Message})";
                continue;
            }

            candidates.RemoveAll(c => claimedIds.Contains(c.Id));
            Match(waiting, candidates, matches, unmatched);
        }

        return new Findings(matches, unmatched);
    }

    private static async Task<List<PredictionSummary>> ReadAsync(IPhotonClient client, string modelId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var found = new List<PredictionSummary>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var query = new PredictionHistoryQuery { Page = page, PageSize = PageSize, Model = modelId, CreatedAfter = from, CreatedBefore = to };
            var result = await client.GetHistoryAsync(query, cancellationToken).ConfigureAwait(false);
            found.AddRange(result.Items);
            if (result.Items.Count < PageSize || (result.Total is { } total && page * PageSize >= total)) break;
        }

        return found;
    }

    private static void Match(List<Uncertain> items, List<PredictionSummary> candidates, Dictionary<string, PredictionSummary> matches, Dictionary<string, string> unmatched)
    {
        static bool InWindow(Uncertain item, PredictionSummary candidate) =>
            candidate.CreatedAt is { } created && created >= item.SubmittingAt - Before && created <= item.SubmittingAt + After;

        var echoed = candidates.Where(c => c.Input is not null).OrderBy(c => c.CreatedAt).ToList();
        var silent = candidates.Where(c => c.Input is null).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var left = new List<Uncertain>();

        // The history echoes the input: the same prompt and image on the same model, in the window.
        foreach (var item in items)
        {
            var match = echoed.FirstOrDefault(c => !taken.Contains(c.Id) && InWindow(item, c) && SameInput(item, c));
            if (match is null)
            {
                left.Add(item);
                continue;
            }

            taken.Add(match.Id);
            matches[item.Key] = match;
        }

        // No echo: only a one-to-one pairing within the windows is taken.
        foreach (var item in left)
        {
            var mine = silent.Where(c => InWindow(item, c)).ToList();
            if (mine.Count == 1 && left.Count(other => InWindow(other, mine[0])) == 1)
            {
                matches[item.Key] = mine[0];
                continue;
            }

            unmatched[item.Key] = mine.Count switch
            {
                0 when echoed.Count == 0 => string.Create(
                    CultureInfo.InvariantCulture,
                    $"no prediction of {item.Model.Id} in the history between {item.SubmittingAt - Before:u} and {item.SubmittingAt + After:u} that no other item holds"),
                0 => $"no prediction of {item.Model.Id} with its prompt in the history around its submit",
                _ => $"{mine.Count} predictions of {item.Model.Id} in the history around its submit do not echo their input, so none can be told to be this item's",
            };
        }
    }

    private static bool SameInput(Uncertain item, PredictionSummary candidate) =>
        string.Equals(candidate.Prompt, item.Prompt, StringComparison.Ordinal)
        && (candidate.InputText("image") is not { } image || string.Equals(image, item.InputImage?.AbsoluteUri, StringComparison.Ordinal));
}
