using System.Globalization;
using System.Text;

namespace PhotonSdk.LoadHarness;

/// <summary>Prints a journal-resume run as Markdown, ready to paste.</summary>
internal static class JournalResumeTable
{
    public static string Render(JournalResumeResult r)
    {
        var text = new StringBuilder();
        text.AppendLine("| items | journal (MB) | open + plan (s) | ≤ 2 s | first result (s) | whole run (s) | heap held by the opened batch (MB) | peak held while streaming, above that (MB) | peak heap while streaming, garbage included (MB) | peak working set while streaming (MB) |");
        text.AppendLine("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {r.Items} | {r.JournalBytes / 1024.0 / 1024.0:0.0} | {r.OpenAndPlan.TotalSeconds:0.000} | {(r.Passed ? "pass" : "FAIL")} | {r.FirstResult.TotalSeconds:0.000} | {r.RunTime.TotalSeconds:0.0} | {r.HeapHeldByBatch / 1024.0 / 1024.0:0.0} | {r.PeakRetainedWhileStreamingMb:0.0} | {r.PeakHeapWhileStreamingMb:0.0} | {r.PeakWorkingSetWhileStreamingMb:0.0} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Plan: {r.Plan}. Journal built in {r.BuildTime.TotalSeconds:0.0} s (not part of the resume).");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Results: {string.Join(", ", r.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Value} {o.Key}"))}; {r.PredictionsCreated} predictions created by the resume, {r.Posts} POSTs.");
        if (r.Error is not null) text.AppendLine(CultureInfo.InvariantCulture, $"The run ended early: {r.Error}");
        return text.ToString();
    }
}
