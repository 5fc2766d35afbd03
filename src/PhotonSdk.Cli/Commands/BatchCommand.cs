using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using PhotonSdk.Batch;
using PhotonSdk.Batch.Sqlite;
using PhotonSdk.Cli.Batching;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Output;

namespace PhotonSdk.Cli.Commands;

/// <summary>
/// <c>photon batch FILE</c>: one image per row of a file, on the SDK's batch engine. Every row's state is journaled in
/// the output folder before the act that depends on it, so running the same command again resumes: finished rows are
/// skipped, submitted ones are waited on by id, and nothing is submitted twice. Paced to the account's tier, capped by
/// <c>--max-cost</c>, and asking before a large spend.
/// </summary>
internal static class BatchCommand
{
    /// <summary>The journal's file in the output folder.</summary>
    public const string JournalFileName = "batch.photon-journal";

    /// <summary>The spend above which a batch asks first (or needs <c>--yes</c>), unless <c>--confirm-above</c> or its variable says otherwise.</summary>
    public const decimal DefaultConfirmAboveUsd = 1.00m;

    public const string ConfirmAboveVariable = "PHOTON_CONFIRM_ABOVE_USD";

    private const int MaxConcurrency = 10_000;

    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file")
        {
            Description = "The prompts: a text file (one a line; blank lines and #comments skipped), or .csv / .jsonl rows with a prompt and optionally a key and a model",
        };
        var output = CommonOptions.Out("The folder for the images, the journal, manifest.jsonl and index.html; default ./photon-output/<file name>/");
        var model = CommonOptions.Model();
        var tier = new Option<string?>("--tier")
        {
            Description = "Your account's level, which paces the submits: bronze (2 images/min), silver (500), gold (3,000), ultra (5,000); without it the pace is learned from 429s",
            HelpName = "bronze|silver|gold|ultra",
        };
        tier.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && !PhotonAccountTier.TryFind(token.Value, out _))
                result.AddError($"--tier must be bronze, silver, gold or ultra (was '{token.Value}').");
        });
        var concurrency = new Option<int?>("--concurrency", "-c")
        {
            HelpName = "n",
            Description = $"How many predictions are in flight at once, 1 to {MaxConcurrency:N0}; default the tier's, or {PhotonBatchOptions.DefaultMaxConcurrency} without --tier. More than the tier allows is not used",
        };
        concurrency.Validators.Add(result => RequireRange(result, "--concurrency", 1, MaxConcurrency));
        var maxCost = new Option<decimal?>("--max-cost") { Description = "The most this batch may spend over all its runs, in USD; rows past it are skipped and nothing is sent for them", HelpName = "usd" };
        maxCost.Validators.Add(result => RequireNotNegative(result, "--max-cost"));
        var dryRun = new Option<bool>("--dry-run") { Description = "Print how many images, the estimated cost and time, and send nothing" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Go ahead without asking, whatever the estimated cost" };
        var confirmAbove = new Option<decimal?>("--confirm-above")
        {
            Description = $"Ask first (or need --yes) when the batch may spend more than this, in USD; default {DefaultConfirmAboveUsd:0.00}, or {ConfirmAboveVariable}",
            HelpName = "usd",
        };
        confirmAbove.Validators.Add(result => RequireNotNegative(result, "--confirm-above"));
        var resubmitUncertain = new Option<bool>("--resubmit-uncertain")
        {
            Description = "Submit again the rows whose earlier submit may or may not have created a prediction (it may be billed twice)",
        };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Submit again the rows that failed in an earlier run" };

        var command = new Command("batch", "Generate an image for each prompt of a file; run it again to resume")
        {
            file, output, model, tier, concurrency, maxCost, dryRun, yes, confirmAbove, resubmitUncertain, retryFailed,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            new BatchRequest(
                parse.GetValue(file) ?? "",
                parse.GetValue(output),
                parse.GetValue(model),
                PhotonAccountTier.TryFind(parse.GetValue(tier), out var found) ? found : null,
                parse.GetValue(concurrency),
                parse.GetValue(maxCost),
                parse.GetValue(dryRun),
                parse.GetValue(yes),
                parse.GetValue(confirmAbove) ?? context.Environment.Decimal(ConfirmAboveVariable) ?? DefaultConfirmAboveUsd,
                parse.GetValue(resubmitUncertain),
                parse.GetValue(retryFailed)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, BatchRequest request, CancellationToken cancellationToken)
    {
        var terminal = context.Terminal;
        var inputPath = context.Environment.ResolvePath(request.File);
        var rows = await BatchInputFile.ReadAsync(inputPath, cancellationToken).ConfigureAwait(false);
        var defaults = CommonOptions.ForModel(request.Model);
        var items = rows.Select(row => new PhotonBatchItem(row.Key, row.Prompt) { Model = ModelOf(row, defaults, inputPath) }).ToList();
        var folder = request.Out is null
            ? Path.Combine(context.Environment.WorkingDirectory, CommandContext.DefaultOutputFolder, Path.GetFileNameWithoutExtension(inputPath)) + Path.DirectorySeparatorChar
            : context.OutputFolder(request.Out);
        var journalPath = Path.Combine(folder, JournalFileName);
        if (!request.DryRun) OutputPreflight.EnsureWritable(folder);

        var connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var lineDigits = rows.Max(r => r.LineNumber).ToString(CultureInfo.InvariantCulture).Length;
            var saver = new BatchImageSaver(connection.Client, folder, rows.ToDictionary(r => r.Key, r => BatchFileNames.BaseName(r, lineDigits), StringComparer.Ordinal));
            // A dry run creates nothing: it reads a journal that exists, and plans afresh otherwise.
            var journal = request.DryRun && !File.Exists(journalPath) ? null : new SqliteBatchJournal(journalPath);
            try
            {
                var options = new PhotonBatchOptions
                {
                    Tier = request.Tier,
                    MaxConcurrency = request.Concurrency,
                    MaxCostUsd = request.MaxCostUsd,
                    Journal = journal,
                    SaveImage = saver.SaveAsync,
                    ResubmitUncertain = request.ResubmitUncertain,
                    RetryFailed = request.RetryFailed,
                };
                PhotonBatch batch;
                try
                {
                    batch = await PhotonBatch.OpenAsync(connection.Client, items, options, cancellationToken).ConfigureAwait(false);
                }
                catch (PhotonBatchJournalException e)
                {
                    throw new ArgumentException(JournalRefusal(e, context));
                }

                var plan = batch.Plan;
                if (plan.IsResume) await terminal.Error.WriteLineAsync($"resuming: {plan}").ConfigureAwait(false);
                var estimate = string.Create(CultureInfo.InvariantCulture,
                    $"{plan.ToGo} of {plan.Total} prompts to submit: estimated cost {SavedImageWriter.Money(plan.CostToGoUsd)}, {BatchEstimate.TimeText(request.Tier, plan.ToGo)}");
                if (request.DryRun)
                {
                    await terminal.Out.WriteLineAsync(estimate).ConfigureAwait(false);
                    if (plan.SpentUsd > 0) await terminal.Out.WriteLineAsync($"Earlier runs spent {SavedImageWriter.Money(plan.SpentUsd)}.").ConfigureAwait(false);
                    await terminal.Out.WriteLineAsync("Dry run: nothing was sent.").ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                if (plan.ToGo > 0) await terminal.Error.WriteLineAsync(estimate).ConfigureAwait(false);
                if (!Consented(context, request, plan)) return ExitCodes.Cancelled;
                return await RunBatchAsync(context, batch, rows, folder, Path.GetFileName(inputPath), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (journal is not null) await journal.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> RunBatchAsync(
        CommandContext context, PhotonBatch batch, IReadOnlyList<BatchRow> rows, string folder, string title, CancellationToken cancellationToken)
    {
        var terminal = context.Terminal;
        var ledger = new BatchLedger(rows, Path.GetFullPath(folder));
        var progress = new BatchProgress(terminal, ledger, () => batch.InFlight, context.Environment.WorkingDirectory);
        var started = Stopwatch.GetTimestamp();
        Exception? stoppedBy = null;
        await progress.RunAsync(async () =>
        {
            try
            {
                await foreach (var result in batch.RunAsync(cancellationToken).ConfigureAwait(false)) progress.Report(result);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: the rows in flight were reported with their ids; the journal keeps the rest for the next run.
            }
            catch (Exception e) when (e is PhotonAuthenticationException or PhotonBatchJournalException)
            {
                stoppedBy = e;
            }
        }).ConfigureAwait(false);

        string? manifest = null, contactSheet = null;
        try
        {
            manifest = await BatchManifest.WriteAsync(ledger, CancellationToken.None).ConfigureAwait(false);
            contactSheet = await ContactSheet.WriteAsync(ledger, $"photon batch {title}", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await terminal.Error.WriteLineAsync($"The manifest and contact sheet could not be written to {folder}: {e.Message.TrimEnd('.')}. The journal keeps every row; run the same command again to write them.").ConfigureAwait(false);
        }

        await BatchSummaryWriter.WriteAsync(context, ledger, Stopwatch.GetElapsedTime(started), manifest, contactSheet).ConfigureAwait(false);
        var tally = ledger.Tally();
        if (cancellationToken.IsCancellationRequested)
        {
            await terminal.Error.WriteLineAsync(
                "Cancelled. Predictions already submitted keep running and are billed; run the same command again to resume: it waits on their ids and submits nothing twice.")
                .ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }

        switch (stoppedBy)
        {
            case PhotonAuthenticationException refused:
                await terminal.Error.WriteLineAsync($"Error: {refused.Message} The batch stopped; nothing more was submitted.").ConfigureAwait(false);
                return ExitCodes.Authentication;
            case PhotonBatchJournalException journal:
                await terminal.Error.WriteLineAsync(
                    $"Error: {journal.Message.TrimEnd('.')}. The batch stopped; the rows in flight are listed above with their prediction ids. Fix it and run the same command again.")
                    .ConfigureAwait(false);
                return ExitCodes.Unexpected;
        }

        if (tally.Uncertain > 0)
        {
            await terminal.Error.WriteLineAsync(
                $"{tally.Uncertain} rows may or may not have created a prediction, and none was found in the history; they were not submitted again. Check 'photon history', or rerun with --resubmit-uncertain (they may be billed twice).")
                .ConfigureAwait(false);
        }

        if (tally.NotSaved + tally.StillRunning > 0)
        {
            await terminal.Error.WriteLineAsync("Some images are billed but not saved yet: run the same command again to fetch them by id; nothing is submitted twice.").ConfigureAwait(false);
        }

        return tally.Saved == tally.Total ? ExitCodes.Success : ExitCodes.SomeBatchPromptsFailed;
    }

    /// <summary>Whether the person agreed to what the batch may spend, asking them when it is above the threshold.</summary>
    private static bool Consented(CommandContext context, BatchRequest request, PhotonBatchPlan plan)
    {
        var atRisk = request.MaxCostUsd is { } cap ? Math.Min(plan.CostToGoUsd, Math.Max(0, cap - plan.SpentUsd)) : plan.CostToGoUsd;
        if (request.Yes || atRisk <= request.ConfirmAboveUsd) return true;
        var question = $"This batch may spend up to {SavedImageWriter.Money(atRisk)}, more than {SavedImageWriter.Money(request.ConfirmAboveUsd)}. Go on?";
        if (context.Environment.Confirm is not { } confirm)
        {
            throw new ArgumentException(
                $"This batch may spend up to {SavedImageWriter.Money(atRisk)}, more than the {SavedImageWriter.Money(request.ConfirmAboveUsd)} that needs consent. " +
                "Nothing was submitted; rerun with --yes, cap it with --max-cost, or check it first with --dry-run.");
        }

        if (confirm(question)) return true;
        context.Terminal.Error.WriteLine("Nothing was submitted.");
        return false;
    }

    private static string? ModelOf(BatchRow row, GenerationOptions defaults, string inputPath)
    {
        if (row.Model is null) return defaults.Model;
        if (PhotonModels.TryFind(row.Model, out var model)) return model.Id;
        throw new ArgumentException(
            $"{inputPath}, line {row.LineNumber}: unknown model '{row.Model}'. Known models: {string.Join(", ", PhotonModels.All.Select(m => m.Id))}; aliases: {PhotonModels.DraftAlias}, {PhotonModels.FinalAlias}. Nothing was submitted.");
    }

    private static string JournalRefusal(PhotonBatchJournalException error, CommandContext context)
    {
        var journal = SavedImageWriter.DisplayPath(error.Location, context.Environment.WorkingDirectory);
        return error.Problem switch
        {
            PhotonBatchJournalProblem.OtherBatch =>
                $"{journal} records another batch: the prompts, keys, order or models differ from this file's. Nothing was submitted. " +
                "Finish that batch with its own file, or choose another --out; deleting the journal starts afresh, and any row not yet saved would be submitted and billed again.",
            PhotonBatchJournalProblem.InUse => $"{journal} is in use by another photon batch on the same folder. Nothing was submitted; wait for it to end.",
            _ => $"{error.Message.TrimEnd('.')}. Nothing was submitted.",
        };
    }

    private static void RequireRange(OptionResult result, string name, int min, int max)
    {
        // A token that is not a number is reported by the parser itself; reading it here would throw.
        if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max:N0} (was {value})."));
    }

    private static void RequireNotNegative(OptionResult result, string name)
    {
        if (result.Tokens is [var token] && decimal.TryParse(token.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value < 0)
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} cannot be negative (was {value})."));
    }

    private sealed record BatchRequest(
        string File, string? Out, string? Model, PhotonAccountTier? Tier, int? Concurrency, decimal? MaxCostUsd,
        bool DryRun, bool Yes, decimal ConfirmAboveUsd, bool ResubmitUncertain, bool RetryFailed);
}
