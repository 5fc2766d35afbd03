using System.Globalization;
using PhotonSdk.Cli.Batching;
using PhotonSdk.Cli.Commands;
using Spectre.Console;

namespace PhotonSdk.Cli.Output;

/// <summary>
/// The end of a batch on stdout: one line of counts, time, what was billed and where the images are, then a table of the
/// rows without an image (the first ones; the manifest has all), then where the manifest and the contact sheet are.
/// </summary>
internal static class BatchSummaryWriter
{
    private const int MaxTableRows = 50;

    public static async Task WriteAsync(CommandContext context, BatchLedger ledger, TimeSpan elapsed, string? manifest, string? contactSheet)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ledger);
        var tally = ledger.Tally();
        var workingDirectory = context.Environment.WorkingDirectory;
        var earlier = tally.SavedEarlier > 0 ? $" ({Count(tally.SavedEarlier, "by an earlier run")})" : "";
        var counts = new List<string> { Count(tally.Saved, "saved") + earlier };
        counts.Add(Count(tally.Failed, "failed"));
        if (tally.NotSaved > 0) counts.Add(Count(tally.NotSaved, "billed but not saved"));
        if (tally.Uncertain > 0) counts.Add(Count(tally.Uncertain, "uncertain"));
        if (tally.SkippedByBudget > 0) counts.Add(Count(tally.SkippedByBudget, "skipped by --max-cost"));
        if (tally.StillRunning > 0) counts.Add(Count(tally.StillRunning, "still running"));
        if (tally.Cancelled > 0) counts.Add(Count(tally.Cancelled, "cancelled"));
        if (tally.NotRun > 0) counts.Add(Count(tally.NotRun, "not run"));
        var output = context.Terminal.Out;
        await output.WriteLineAsync(
            string.Create(CultureInfo.InvariantCulture, $"{tally.Total} prompts: {string.Join(", ", counts)} in {SavedImageWriter.Seconds(elapsed)}; ") +
            $"cost {SavedImageWriter.Money(tally.BilledUsd)}; images in {SavedImageWriter.DisplayPath(ledger.Folder, workingDirectory)}").ConfigureAwait(false);

        var problems = ledger.Rows.Select(r => (Row: r, Result: ledger.ResultOf(r)))
            .Where(x => x.Result is { } result && BatchLedger.StatusOf(result) is not ("saved" or "completed"))
            .ToList();
        if (problems.Count > 0)
        {
            var table = new Table().Title("Prompts without an image").AddColumns("Row", "Status", "Prediction", "Message");
            foreach (var (row, result) in problems.Take(MaxTableRows))
            {
                table.AddRow(
                    Markup.Escape(row.Label),
                    Markup.Escape(BatchLedger.StatusOf(result).Replace('_', ' ')),
                    Markup.Escape(result!.PredictionId ?? "-"),
                    Markup.Escape(result.Error ?? ""));
            }

            context.Terminal.OutConsole.Write(table);
            if (problems.Count > MaxTableRows)
                await output.WriteLineAsync($"... and {problems.Count - MaxTableRows} more; every row is in the manifest.").ConfigureAwait(false);
        }

        if (manifest is not null && contactSheet is not null)
        {
            await output.WriteLineAsync(
                $"Manifest: {SavedImageWriter.DisplayPath(manifest, workingDirectory)}; contact sheet: {SavedImageWriter.DisplayPath(contactSheet, workingDirectory)}").ConfigureAwait(false);
        }
    }

    private static string Count(int count, string what) => string.Create(CultureInfo.InvariantCulture, $"{count} {what}");
}
