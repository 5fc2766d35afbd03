using PhotonSdk.Cli.Commands;
using Spectre.Console;

namespace PhotonSdk.Cli.Output;

/// <summary>
/// Collects a batch's outcomes as they arrive (from several threads) and shows them: a progress bar on a terminal, and
/// one line per prompt on stderr either way, so that a failure is seen when it happens, not only in the summary.
/// </summary>
internal sealed class BatchProgress
{
    private readonly Terminal _terminal;
    private readonly int _total;
    private readonly Lock _gate = new();
    private readonly List<BatchOutcome> _outcomes = [];
    private ProgressTask? _bar;

    public BatchProgress(Terminal terminal, int total)
    {
        _terminal = terminal;
        _total = total;
    }

    /// <summary>The outcomes so far, in the order they finished.</summary>
    public IReadOnlyList<BatchOutcome> Outcomes
    {
        get
        {
            lock (_gate) return [.. _outcomes];
        }
    }

    public async Task RunAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_terminal.IsInteractive)
        {
            await work().ConfigureAwait(false);
            return;
        }

        await _terminal.ErrorConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _bar = context.AddTask(Describe(0, 0), maxValue: _total);
                await work().ConfigureAwait(false);
                _bar.StopTask();
            }).ConfigureAwait(false);
    }

    public void Report(BatchOutcome outcome, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            _outcomes.Add(outcome);
            var line = outcome.Failure is { } failure
                ? $"line {outcome.Prompt.LineNumber}: {failure.Kind}: {failure.Message}"
                : $"line {outcome.Prompt.LineNumber}: saved {SavedImageWriter.DisplayPath(outcome.Path!, workingDirectory)}";
            _terminal.Note(line, isProblem: !outcome.Succeeded);
            if (_bar is not null)
            {
                var succeeded = _outcomes.Count(o => o.Succeeded);
                _bar.Increment(1);
                _bar.Description = Describe(succeeded, _outcomes.Count - succeeded);
            }
        }
    }

    private static string Describe(int succeeded, int failed) => $"{succeeded} saved, {failed} failed";
}
