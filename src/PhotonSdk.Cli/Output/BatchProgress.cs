using System.Diagnostics;
using System.Globalization;
using PhotonSdk.Batch;
using PhotonSdk.Cli.Batching;
using Spectre.Console;

namespace PhotonSdk.Cli.Output;

/// <summary>
/// Shows a batch as it runs: one line per finished row on stderr (so that a failure is seen when it happens), and the
/// state of the whole — done, failed, in flight, dollars billed, rate and time left — as a live bar on a terminal, or as
/// a <c>progress:</c> line every few seconds when stderr is a file or a pipe.
/// </summary>
internal sealed class BatchProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    private readonly Terminal _terminal;
    private readonly BatchLedger _ledger;
    private readonly Func<int> _inFlight;
    private readonly string _workingDirectory;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BatchRow> _rows;
    private int _finishedThisRun;
    private long _lastPlainLine;
    private ProgressTask? _bar;

    public BatchProgress(Terminal terminal, BatchLedger ledger, Func<int> inFlight, string workingDirectory)
    {
        _terminal = terminal;
        _ledger = ledger;
        _inFlight = inFlight;
        _workingDirectory = workingDirectory;
        _rows = ledger.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        _lastPlainLine = _started;
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
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _bar = context.AddTask(Describe(), maxValue: _ledger.Rows.Count);
                await work().ConfigureAwait(false);
                _bar.Description = Describe();
                _bar.StopTask();
            }).ConfigureAwait(false);
    }

    /// <summary>Records a row's result and shows it.</summary>
    public void Report(PhotonBatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _ledger.Add(result);
        lock (_gate)
        {
            if (!result.DoneEarlier) _finishedThisRun++;
            // Rows an earlier run finished are counted, not listed: a resumed batch of thousands would bury the new news.
            if (!result.DoneEarlier || result.Outcome is not (PhotonBatchOutcome.Saved or PhotonBatchOutcome.Completed)) Note(result);
            if (_bar is not null)
            {
                _bar.Value = _ledger.Tally().Finished;
                _bar.Description = Describe();
            }
            else if (Stopwatch.GetElapsedTime(_lastPlainLine) >= PlainInterval)
            {
                _lastPlainLine = Stopwatch.GetTimestamp();
                _terminal.Error.WriteLine($"progress: {Describe()}");
            }
        }
    }

    private void Note(PhotonBatchResult result)
    {
        var label = _rows.TryGetValue(result.Key, out var row) ? row.Label : result.Key;
        var earlier = result.DoneEarlier ? " (earlier run)" : "";
        var text = result.Outcome switch
        {
            PhotonBatchOutcome.Saved => $"{label}: saved {SavedImageWriter.DisplayPath(Path.Combine(_ledger.Folder, result.SavedTo!), _workingDirectory)}",
            PhotonBatchOutcome.Completed => $"{label}: ready at {result.OutputUrl}",
            _ => $"{label}: {BatchLedger.StatusOf(result).Replace('_', ' ')}{earlier}: {result.Error}",
        };
        _terminal.Note(text, isProblem: result.Outcome is not (PhotonBatchOutcome.Saved or PhotonBatchOutcome.Completed));
    }

    /// <summary>E.g. <c>120/300 done, 2 failed, 32 in flight · 0.610 USD · 118/min · about 1m 32s left</c>.</summary>
    private string Describe()
    {
        var tally = _ledger.Tally();
        var problems = tally.WithoutImage;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{tally.Saved}/{tally.Total} done, {problems} failed, {_inFlight()} in flight · {SavedImageWriter.Money(tally.BilledUsd)}");
        var elapsed = Stopwatch.GetElapsedTime(_started);
        if (_finishedThisRun == 0 || elapsed < TimeSpan.FromSeconds(1)) return text;
        var perMinute = _finishedThisRun / elapsed.TotalMinutes;
        var left = TimeSpan.FromMinutes(tally.NotRun / perMinute);
        return text + string.Create(CultureInfo.InvariantCulture, $" · {perMinute:0}/min · about {BatchEstimate.Duration(left)} left");
    }
}
