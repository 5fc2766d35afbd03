using System.Globalization;
using System.Text;

namespace PhotonSdk.LoadHarness;

/// <summary>Prints the batch-throughput runs as a Markdown table, ready to paste.</summary>
internal static class BatchThroughputTable
{
    public static string Render(IEnumerable<BatchThroughputResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| tier | prompts | completed | wall time (s) | images/min | % of tier rate | bound (N/rate + latency) × 1.11 (s) | within bound | 429s | predictions created | duplicates |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Tier.Name} ({r.Tier.ImagesPerMinute}/min, {r.Tier.MaxConcurrency} at once) | {r.Prompts} | {r.Completed} | {r.WallTime.TotalSeconds:0.0} | {r.ImagesPerMinute:0} | {r.ShareOfTierRate:P1} | {r.Bound.TotalSeconds:0.0} | {(r.Passed ? "pass" : "FAIL")} | {r.RateLimited} | {r.PredictionsCreated} | {r.Duplicates} |");
        }

        foreach (var r in results.Where(r => r.FirstError is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"First problem at {r.Tier.Name}: {r.FirstError}");
        }

        return text.ToString();
    }
}
