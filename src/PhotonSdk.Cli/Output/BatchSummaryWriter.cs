using System.Globalization;
using PhotonSdk.Cli.Commands;
using Spectre.Console;

namespace PhotonSdk.Cli.Output;

/// <summary>The end of a batch on stdout: one line of counts, time and cost, then a table of the prompts that failed.</summary>
internal static class BatchSummaryWriter
{
    public static async Task WriteAsync(CommandContext context, int total, IReadOnlyList<BatchOutcome> outcomes, TimeSpan elapsed, string folder)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcomes);
        var succeeded = outcomes.Count(o => o.Succeeded);
        var cancelled = outcomes.Count(o => o.Cancelled);
        var failed = outcomes.Count - succeeded - cancelled;
        var notRun = total - outcomes.Count;
        // What was billed: a prediction whose image could not be saved is paid for all the same.
        var cost = outcomes.Sum(o => o.CostUsd ?? 0);
        var counts = string.Create(CultureInfo.InvariantCulture, $"{total} prompts: {succeeded} succeeded, {failed} failed");
        if (cancelled > 0) counts += string.Create(CultureInfo.InvariantCulture, $", {cancelled} cancelled");
        if (notRun > 0) counts += string.Create(CultureInfo.InvariantCulture, $", {notRun} not run");
        var output = context.Terminal.Out;
        await output.WriteLineAsync(
            $"{counts} in {SavedImageWriter.Seconds(elapsed)}; cost {SavedImageWriter.Money(cost)}; " +
            $"images in {SavedImageWriter.DisplayPath(folder, context.Environment.WorkingDirectory)}").ConfigureAwait(false);
        if (failed + cancelled == 0) return;

        var table = new Table().Title("Prompts without an image").AddColumns("Line", "Failure", "Prediction", "Message");
        foreach (var outcome in outcomes.Where(o => !o.Succeeded).OrderBy(o => o.Prompt.LineNumber))
        {
            var failure = outcome.Failure!;
            table.AddRow(
                outcome.Prompt.LineNumber.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(failure.Kind),
                Markup.Escape(failure.PredictionId ?? "-"),
                Markup.Escape(failure.Message));
        }

        context.Terminal.OutConsole.Write(table);
    }
}
