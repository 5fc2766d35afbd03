using System.CommandLine;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Output;

namespace PhotonSdk.Cli.Commands;

/// <summary>
/// <c>photon batch FILE</c>: generates one image per prompt of a file, a few at a time. A failed prompt is reported
/// and the rest go on; only a refused API key stops the batch, since every other prompt would be refused too.
/// </summary>
internal static class BatchCommand
{
    private const int MaxConcurrency = 32;

    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "A text file with one prompt per line; blank lines and #comments are skipped" };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = $"How many predictions run at once, 1 to {MaxConcurrency}", DefaultValueFactory = _ => 4 };
        concurrency.Validators.Add(result =>
        {
            // A token that is not a number is reported by the parser itself; reading it here would throw.
            if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is < 1 or > MaxConcurrency)
            {
                result.AddError($"--concurrency must be between 1 and {MaxConcurrency} (was {value}).");
            }
        });
        var output = CommonOptions.Out("The folder to save into; default ./photon-output/");
        var model = CommonOptions.Model();

        var command = new Command("batch", "Generate an image for each prompt of a file") { file, concurrency, output, model };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetValue(file) ?? "",
            parse.GetValue(concurrency),
            CommonOptions.ForModel(parse.GetValue(model)),
            parse.GetValue(output),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CommandContext context, string file, int concurrency, GenerationOptions options, string? output, CancellationToken cancellationToken)
    {
        var prompts = await BatchPrompt.ReadFileAsync(context.Environment.ResolvePath(file), cancellationToken).ConfigureAwait(false);
        if (prompts.Count == 0) throw new ArgumentException($"'{file}' holds no prompts (blank lines and #comments are skipped).", nameof(file));
        var folder = context.OutputFolder(output);
        OutputPreflight.EnsureWritable(folder);

        var connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var progress = new BatchProgress(context.Terminal, prompts.Count);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Failure? fatal = null;
            var started = Stopwatch.GetTimestamp();

            async ValueTask RunOneAsync(BatchPrompt prompt, CancellationToken token)
            {
                var outcome = await GenerateOneAsync(connection.Client, prompt, options, folder, token).ConfigureAwait(false);
                if (outcome.Failure is { ExitCode: ExitCodes.Authentication } refused && Interlocked.CompareExchange(ref fatal, refused, null) is null)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                }

                progress.Report(outcome, context.Environment.WorkingDirectory);
            }

            await progress.RunAsync(async () =>
            {
                try
                {
                    var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token };
                    await Parallel.ForEachAsync(prompts, parallel, RunOneAsync).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Cancelled by Ctrl+C or by a refused key: the summary says which prompts did not run.
                }
            }).ConfigureAwait(false);

            var outcomes = progress.Outcomes;
            await BatchSummaryWriter.WriteAsync(context, prompts.Count, outcomes, Stopwatch.GetElapsedTime(started), folder).ConfigureAwait(false);

            if (cancellationToken.IsCancellationRequested)
            {
                await context.Terminal.Error.WriteLineAsync(
                    "Cancelled. Predictions already submitted keep running and are billed; resume one with: photon get <id>").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }

            if (fatal is not null)
            {
                await context.Terminal.Error.WriteLineAsync($"Error: {fatal.Message}").ConfigureAwait(false);
                return fatal.ExitCode;
            }

            return outcomes.All(o => o.Succeeded) ? ExitCodes.Success : ExitCodes.SomeBatchPromptsFailed;
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A batch reports every prompt's failure and goes on.")]
    private static async Task<BatchOutcome> GenerateOneAsync(
        PhotonClient client, BatchPrompt prompt, GenerationOptions options, string folder, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.GenerateAsync(prompt.Text, options, cancellationToken).ConfigureAwait(false);
            try
            {
                var path = await client.SaveAsync(result, folder, cancellationToken).ConfigureAwait(false);
                return new BatchOutcome(prompt, path, result.CostUsd, null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Billed, not saved: the cost counts, and the failure names the command that fetches the image.
                return new BatchOutcome(prompt, null, result.CostUsd, Failure.From(e));
            }
        }
        catch (PhotonCanceledException e) when (e.PredictionId is { } id)
        {
            // The summary table has room for the resume command, not for the full explanation.
            return new BatchOutcome(prompt, null, null, new Failure(ExitCodes.Cancelled, "cancelled", $"still running; resume with: photon get {id}", id));
        }
        catch (Exception e)
        {
            return new BatchOutcome(prompt, null, null, Failure.From(e));
        }
    }
}
