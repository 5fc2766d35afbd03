using System.Globalization;
using System.Text;

namespace PhotonSdk.LoadHarness;

/// <summary>Prints the modes' figures as a Markdown table, ready to paste.</summary>
internal static class ResultTable
{
    public static string Render(IEnumerable<ModeResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| mode | predictions | errors | notice p50 (ms) | notice p95 (ms) | GETs / prediction | requests / prediction | wall time (s) | client memory held, peak (MB) | process heap peak above idle (MB) | process working set peak above idle (MB) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Mode} | {r.Predictions} | {r.Errors} | {r.NoticeP50Ms:0} | {r.NoticeP95Ms:0} | {r.ResultReadsPerPrediction:0.00} | {r.RequestsPerPrediction:0.00} | {r.WallTime.TotalSeconds:0.0} | {r.PeakClientRetainedMb:0.0} | {r.PeakHeapAboveIdleMb:0.0} | {r.PeakWorkingSetAboveIdleMb:0.0} |");
        }

        foreach (var r in results.Where(r => r.FirstError is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"First error in {r.Mode}: {r.FirstError}");
        }

        return text.ToString();
    }
}
