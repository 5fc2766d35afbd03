using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using PhotonSdk.Budget;

namespace PhotonSdk.Batch;

/// <summary>
/// One run of a batch: reports what earlier runs finished, reconciles uncertain items against the history, then runs
/// every other item under the concurrency bound (submit paced and within budget, wait, save), recording each state in
/// the journal before the act that depends on it, and finally reconciles the submits of this run whose answers were
/// lost. Results go to a bounded channel that <see cref="PhotonBatch.RunAsync"/> reads.
/// </summary>
internal sealed class BatchRun : IAsyncDisposable
{
    private const int ResultBuffer = 256;

    private readonly IPhotonClient _client;
    private readonly PhotonBatchOptions _options;
    private readonly IReadOnlyList<PlannedItem> _items;
    private readonly IPhotonBatchJournal _journal;
    private readonly TimeProvider _time;
    private readonly CancellationToken _caller;
    private readonly ImageBudget? _budget;
    private readonly SubmitPacer _pacer;
    private readonly ItemSlots _slots;
    private readonly Channel<PhotonBatchResult> _results = Channel.CreateBounded<PhotonBatchResult>(
        new BoundedChannelOptions(ResultBuffer) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    // Stops new submits and every wait: the caller's cancellation, a fatal error, or the reader going away.
    private readonly CancellationTokenSource _stop;

    // Cut off submits already sent, a grace period after the stop.
    private readonly CancellationTokenSource _submits;

    // The reader went away: results are no longer delivered.
    private readonly CancellationTokenSource _abandoned = new();
    private readonly Lock _gate = new();
    private readonly HashSet<string> _claimedIds = new(StringComparer.Ordinal);
    private readonly List<PlannedItem> _lostAnswers = [];
    private ExceptionDispatchInfo? _fatal;
    private int _inFlight;
    private CancellationTokenRegistration _graceRegistration;

    public BatchRun(IPhotonClient client, PhotonBatchOptions options, IReadOnlyList<PlannedItem> items, IPhotonBatchJournal journal, CancellationToken cancellationToken)
    {
        _client = client;
        _options = options;
        _items = items;
        _journal = journal;
        _time = options.TimeProvider;
        _caller = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _submits = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        _pacer = new SubmitPacer(_time, options.Tier?.ImagesPerMinute);
        _slots = new ItemSlots(options.EffectiveConcurrency);
        if (options.MaxCostUsd is { } cap)
        {
            _budget = new ImageBudget(int.MaxValue, cap);
            _budget.Charge(0, items.Sum(i => i.Entry.SpentUsd));
        }

        foreach (var item in items)
        {
            if (item.Entry.PredictionId is { } id) _claimedIds.Add(id);
        }
    }

    public IAsyncEnumerable<PhotonBatchResult> Results => _results.Reader.ReadAllAsync(CancellationToken.None);

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Items holding a concurrency slot now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>What a run does with an item, given its latest entry.</summary>
    public static BatchStep StepOf(PhotonBatchJournalEntry entry, PhotonBatchOptions options) => entry.State switch
    {
        PhotonBatchItemState.Saved => BatchStep.Report,
        PhotonBatchItemState.Completed => options.SaveImage is null ? BatchStep.Report : BatchStep.Wait,
        PhotonBatchItemState.Failed => options.RetryFailed ? BatchStep.Submit : BatchStep.Report,
        PhotonBatchItemState.Submitted => BatchStep.Wait,
        PhotonBatchItemState.Submitting or PhotonBatchItemState.Uncertain => BatchStep.Reconcile,
        _ => BatchStep.Submit,
    };

    public void Start()
    {
        _graceRegistration = _stop.Token.UnsafeRegister(
            static state =>
            {
                var run = (BatchRun)state!;
                try
                {
                    run._submits.CancelAfter(run._options.SubmitGracePeriod);
                }
                catch (ObjectDisposedException)
                {
                    // The run is over.
                }
            },
            this);
        Completion = RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            // The reader left early: stop, and let the items in flight finish their current step.
            await _abandoned.CancelAsync().ConfigureAwait(false);
            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Completion.ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The reader left; how the run ended is no longer anyone's concern.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        await _graceRegistration.DisposeAsync().ConfigureAwait(false);
        await _pacer.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
        _submits.Dispose();
        _abandoned.Dispose();
    }

    private bool Stopping => _stop.IsCancellationRequested;

    private async Task RunAsync()
    {
        try
        {
            await RunPhasesAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Stopping)
        {
            // Stopped: what was in flight has been reported.
        }
        finally
        {
            _results.Writer.TryComplete();
        }

        _fatal?.Throw();
        _caller.ThrowIfCancellationRequested();
    }

    private async Task RunPhasesAsync()
    {
        var work = new List<(PlannedItem Item, BatchStep Step)>();
        var uncertain = new List<PlannedItem>();
        foreach (var item in _items)
        {
            var step = StepOf(item.Entry, _options);
            switch (step)
            {
                case BatchStep.Report:
                    await DeliverAsync(Earlier(item)).ConfigureAwait(false);
                    break;
                case BatchStep.Reconcile:
                    uncertain.Add(item);
                    break;
                default:
                    work.Add((item, step));
                    break;
            }
        }

        // Earlier runs' uncertain items: found in the history → waited on by id; otherwise reported, or submitted again if asked.
        if (uncertain.Count > 0)
        {
            var findings = await ReconcileAsync(uncertain).ConfigureAwait(false);
            foreach (var item in uncertain)
            {
                if (findings.Matches.ContainsKey(item.Key)) work.Add((item, BatchStep.Wait));
                else if (_options.ResubmitUncertain) work.Add((item, BatchStep.Submit));
                else await DeliverAsync(await LeaveUncertainAsync(item, findings.Unmatched[item.Key]).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        await RunAllAsync(work).ConfigureAwait(false);

        // This run's submits whose answers were lost: the history may show what they created.
        List<PlannedItem> lost;
        lock (_gate) lost = [.. _lostAnswers];
        if (lost.Count == 0 || Stopping) return;
        var found = await ReconcileAsync(lost).ConfigureAwait(false);
        var waits = new List<(PlannedItem, BatchStep)>();
        foreach (var item in lost)
        {
            if (found.Matches.ContainsKey(item.Key)) waits.Add((item, BatchStep.Wait));
            else await DeliverAsync(await LeaveUncertainAsync(item, found.Unmatched[item.Key]).ConfigureAwait(false)).ConfigureAwait(false);
        }

        await RunAllAsync(waits).ConfigureAwait(false);
    }

    /// <summary>Runs items under the concurrency bound, in order, until all are done or the run stops.</summary>
    private async Task RunAllAsync(List<(PlannedItem Item, BatchStep Step)> work)
    {
        var running = new List<Task>();
        try
        {
            foreach (var (item, step) in work)
            {
                if (Stopping) break;
                var slot = await _slots.TakeAsync(_stop.Token).ConfigureAwait(false);
                running.Add(RunOneAsync(item, step, slot));
                if (running.Count > 4 * _options.EffectiveConcurrency) running.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (Stopping)
        {
            // No more items start.
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    private async Task RunOneAsync(PlannedItem item, BatchStep step, ItemSlots.Slot slot)
    {
        using (slot)
        {
            Interlocked.Increment(ref _inFlight);
            PhotonBatchResult? result;
            try
            {
                result = step == BatchStep.Wait ? await WaitOnIdAsync(item, reservation: null).ConfigureAwait(false) : await SubmitAsync(item).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A bug must not leave the run hanging: it stops the run and surfaces at its end.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Fatal(e);
                result = new PhotonBatchResult(item.Item, PhotonBatchOutcome.Cancelled) { PredictionId = item.Entry.PredictionId, ModelId = item.Model.Id, Error = e.Message, Exception = e };
            }

            Interlocked.Decrement(ref _inFlight);
            if (result is not null) await DeliverAsync(result).ConfigureAwait(false);
        }
    }

    /// <summary>Submits an item (again, after a 429) until it is sent, refused, skipped or stopped; then waits on it.</summary>
    private async Task<PhotonBatchResult?> SubmitAsync(PlannedItem item)
    {
        var price = item.Model.PricePerImageUsd;
        for (var attempt = 1; ; attempt++)
        {
            if (Stopping) return null;
            ImageBudget.Reservation? reservation = null;
            if (_budget is not null)
            {
                reservation = _budget.TryReserve(price, out var refusal);
                if (reservation is null)
                {
                    return new PhotonBatchResult(item.Item, PhotonBatchOutcome.SkippedByBudget)
                    {
                        ModelId = item.Model.Id, Error = $"Not submitted: {refusal}.",
                    };
                }
            }

            RateLimitLease permit;
            try
            {
                permit = await _pacer.AcquireAsync(1, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (Stopping)
            {
                reservation?.Release();
                return null;
            }

            using (permit)
            {
                if (Stopping)
                {
                    reservation?.Release();
                    return null;
                }

                // About to submit: recorded before the request leaves, with the price counted as spent.
                var before = item.Entry;
                var submitting = before with
                {
                    State = PhotonBatchItemState.Submitting,
                    SubmittingAt = _time.GetUtcNow(),
                    PredictionId = null,
                    ModelId = item.Model.Id,
                    CostUsd = null,
                    OutputUrl = null,
                    SavedTo = null,
                    Error = null,
                    SpentUsd = before.SpentUsd + price,
                };
                if (!await RecordAsync(item, submitting).ConfigureAwait(false))
                {
                    reservation?.Release();
                    return null;
                }

                PredictionHandle handle;
                try
                {
                    handle = await _client.SubmitAsync(item.Item.Prompt, item.Options, _submits.Token).ConfigureAwait(false);
                }
                catch (PhotonSubmissionUncertainException e) when (e.PredictionId is { } id)
                {
                    // The answer was an error, but it carried the id: the prediction exists and is this item's.
                    handle = _client.GetPrediction(id, item.Model.Id);
                }
                catch (Exception e) when (e is PhotonException or ArgumentException or OperationCanceledException)
                {
                    if (!SubmitEvidence.ProvesNothingCreated(e)) return await LoseAnswerAsync(item, reservation, e).ConfigureAwait(false);

                    // Nothing was created: the price comes back and the item is pending again, or failed for good.
                    reservation?.Release();
                    var back = submitting with { SpentUsd = before.SpentUsd, Error = e.Message };
                    switch (e)
                    {
                        case PhotonRateLimitedException limited:
                            _pacer.RateLimited(permit, limited.RetryAfter);
                            if (!await RecordAsync(item, back with { State = PhotonBatchItemState.Pending }).ConfigureAwait(false)) return null;
                            if (attempt < _options.MaxRateLimitedAttempts) continue;
                            return Failed(item, $"Refused with 429 {attempt} times; nothing was created and it stays pending for the next run. {e.Message}", e);
                        case OperationCanceledException:
                            await RecordAsync(item, back with { State = PhotonBatchItemState.Pending }).ConfigureAwait(false);
                            return null;
                        case PhotonAuthenticationException:
                            await RecordAsync(item, back with { State = PhotonBatchItemState.Pending }).ConfigureAwait(false);
                            Fatal(e);
                            return Failed(item, e.Message, e);
                        default:
                            await RecordAsync(item, back with { State = PhotonBatchItemState.Failed }).ConfigureAwait(false);
                            return Failed(item, e.Message, e);
                    }
                }

                _pacer.Accepted();
                return await SubmittedAsync(item, handle, reservation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The id is known: recorded before anything else happens, then waited on.</summary>
    private async Task<PhotonBatchResult?> SubmittedAsync(PlannedItem item, PredictionHandle handle, ImageBudget.Reservation? reservation)
    {
        lock (_gate) _claimedIds.Add(handle.Id);
        var submitted = item.Entry with { State = PhotonBatchItemState.Submitted, PredictionId = handle.Id, ModelId = handle.ModelId ?? item.Model.Id, Error = null };
        if (!await RecordAsync(item, submitted).ConfigureAwait(false))
        {
            reservation?.Settle(null);
            item.Entry = submitted;
            return Stopped(item, "the journal could not be written; this result is the only record of the prediction id");
        }

        return await WaitOnIdAsync(item, reservation).ConfigureAwait(false);
    }

    /// <summary>Waits on (or fetches) the item's prediction by its id, records the completion, and saves the image.</summary>
    private async Task<PhotonBatchResult?> WaitOnIdAsync(PlannedItem item, ImageBudget.Reservation? reservation)
    {
        var entry = item.Entry;
        var id = entry.PredictionId!;
        var price = item.Model.PricePerImageUsd;
        ImageGenerationResult result;
        try
        {
            var handle = _client.GetPrediction(id, entry.ModelId ?? item.Model.Id);
            result = await _client.WaitForCompletionAsync(handle, _options.WaitTimeout, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Stopping)
        {
            reservation?.Settle(null);
            return Stopped(item, _fatal is null ? "the run was cancelled while waiting; the prediction keeps running" : "the run stopped while waiting; the prediction keeps running");
        }
        catch (PhotonException e) when (EndedFailed(e))
        {
            reservation?.Settle(null);
            await RecordAsync(item, entry with { State = PhotonBatchItemState.Failed, Error = e.Message }).ConfigureAwait(false);
            return Failed(item, e.Message, e);
        }
        catch (PhotonException e)
        {
            reservation?.Settle(null);
            return new PhotonBatchResult(item.Item, PhotonBatchOutcome.StillRunning)
            {
                PredictionId = id, ModelId = entry.ModelId, CostUsd = price, Error = e.Message, Exception = e,
            };
        }

        reservation?.Settle(result.CostUsd);
        var completed = entry with
        {
            State = PhotonBatchItemState.Completed,
            ModelId = result.ModelId,
            CostUsd = result.CostUsd,
            SpentUsd = entry.SpentUsd - (entry.State == PhotonBatchItemState.Completed ? entry.CostUsd ?? price : price) + (result.CostUsd ?? price),
            OutputUrl = result.Images.Count > 0 ? result.Images[0].Url?.AbsoluteUri : null,
            Error = null,
        };
        var recorded = await RecordAsync(item, completed).ConfigureAwait(false);
        var done = new PhotonBatchResult(item.Item, PhotonBatchOutcome.Completed)
        {
            PredictionId = id, ModelId = result.ModelId, CostUsd = result.CostUsd, OutputUrl = completed.OutputUrl, Result = result,
        };
        if (!recorded) return Stopped(item, "the journal could not be written; the image is ready at its URL", done);
        if (_options.SaveImage is not { } save) return done;

        string location;
        try
        {
            location = await save(item.Item, result, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Stopping)
        {
            return Stopped(item, "the run was cancelled while saving; the image is ready at its URL", done);
        }
#pragma warning disable CA1031 // Whatever the save hook throws, the billed image's id and URL are kept.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = $"The image could not be saved: {e.Message}";
            await RecordAsync(item, completed with { Error = error }).ConfigureAwait(false);
            return new PhotonBatchResult(item.Item, PhotonBatchOutcome.SaveFailed)
            {
                PredictionId = id, ModelId = result.ModelId, CostUsd = result.CostUsd, OutputUrl = completed.OutputUrl, Result = result, Error = error, Exception = e,
            };
        }

        if (!await RecordAsync(item, completed with { State = PhotonBatchItemState.Saved, SavedTo = location }).ConfigureAwait(false))
            return Stopped(item, "the journal could not be written after the image was saved", done);
        return new PhotonBatchResult(item.Item, PhotonBatchOutcome.Saved)
        {
            PredictionId = id, ModelId = result.ModelId, CostUsd = result.CostUsd, OutputUrl = completed.OutputUrl, SavedTo = location, Result = result,
        };
    }

    /// <summary>The submit's answer was lost: a prediction may exist. Recorded as uncertain and kept for the history.</summary>
    private async Task<PhotonBatchResult?> LoseAnswerAsync(PlannedItem item, ImageBudget.Reservation? reservation, Exception error)
    {
        reservation?.Settle(null);
        await RecordAsync(item, item.Entry with { State = PhotonBatchItemState.Uncertain, Error = error.Message }).ConfigureAwait(false);
        lock (_gate) _lostAnswers.Add(item);
        return null;
    }

    private async Task<PhotonBatchResult> LeaveUncertainAsync(PlannedItem item, string why)
    {
        var error = $"The submit may have created a prediction, and none was found for it: {why}. Check the history before submitting it again.";
        await RecordAsync(item, item.Entry with { State = PhotonBatchItemState.Uncertain, Error = error }).ConfigureAwait(false);
        return new PhotonBatchResult(item.Item, PhotonBatchOutcome.Uncertain)
        {
            ModelId = item.Model.Id, CostUsd = null, Error = error,
        };
    }

    private async Task<HistoryReconciler.Findings> ReconcileAsync(List<PlannedItem> items)
    {
        HashSet<string> claimed;
        lock (_gate) claimed = [.. _claimedIds];
        var uncertain = items
            .Select(i => new HistoryReconciler.Uncertain(i.Item.Key, i.Model, i.Item.Prompt, i.Item.InputImage, i.Entry.SubmittingAt ?? i.Entry.UpdatedAt))
            .ToList();
        var findings = await HistoryReconciler.ReconcileAsync(_client, uncertain, claimed, _time.GetUtcNow(), _stop.Token).ConfigureAwait(false);
        foreach (var item in items)
        {
            if (!findings.Matches.TryGetValue(item.Item.Key, out var match)) continue;
            lock (_gate) _claimedIds.Add(match.Id);
            var submitted = item.Entry with
            {
                State = PhotonBatchItemState.Submitted, PredictionId = match.Id, ModelId = match.ModelId ?? item.Model.Id, Error = null,
            };
            if (!await RecordAsync(item, submitted).ConfigureAwait(false)) item.Entry = submitted;
        }

        return findings;
    }

    /// <summary>Writes an entry to the journal; a failure stops the run (the item's result still carries what is known).</summary>
    private async Task<bool> RecordAsync(PlannedItem item, PhotonBatchJournalEntry entry)
    {
        entry = entry with { UpdatedAt = _time.GetUtcNow() };
        try
        {
            await _journal.WriteAsync(entry, CancellationToken.None).ConfigureAwait(false);
            item.Entry = entry;
            return true;
        }
#pragma warning disable CA1031 // Any journal failure is fatal to the run and surfaces at its end.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fatal(e);
            return false;
        }
    }

    private void Fatal(Exception error)
    {
        lock (_gate) _fatal ??= ExceptionDispatchInfo.Capture(error);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is over.
        }
    }

    private async ValueTask DeliverAsync(PhotonBatchResult result)
    {
        try
        {
            await _results.Writer.WriteAsync(result, _abandoned.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abandoned.IsCancellationRequested)
        {
            // Nobody reads any more.
        }
    }

    private static bool EndedFailed(PhotonException error) => error is PhotonPredictionFailedException or PhotonContentModerationException or PhotonPredictionNotFoundException
        || (error is PhotonServerException or PhotonInvalidRequestException && error.TaskCode is not null);

    private static PhotonBatchResult Earlier(PlannedItem item)
    {
        var entry = item.Entry;
        var outcome = entry.State switch
        {
            PhotonBatchItemState.Saved => PhotonBatchOutcome.Saved,
            PhotonBatchItemState.Completed => PhotonBatchOutcome.Completed,
            _ => PhotonBatchOutcome.Failed,
        };
        return new PhotonBatchResult(item.Item, outcome)
        {
            PredictionId = entry.PredictionId,
            ModelId = entry.ModelId,
            CostUsd = outcome == PhotonBatchOutcome.Failed ? null : entry.CostUsd,
            OutputUrl = entry.OutputUrl,
            SavedTo = entry.SavedTo,
            Error = entry.Error,
            DoneEarlier = true,
        };
    }

    private static PhotonBatchResult Failed(PlannedItem item, string error, Exception exception) => new(item.Item, PhotonBatchOutcome.Failed)
    {
        PredictionId = item.Entry.PredictionId, ModelId = item.Entry.ModelId ?? item.Model.Id, Error = error, Exception = exception,
    };

    private static PhotonBatchResult Stopped(PlannedItem item, string why, PhotonBatchResult? known = null) => new(item.Item, PhotonBatchOutcome.Cancelled)
    {
        PredictionId = item.Entry.PredictionId,
        ModelId = item.Entry.ModelId ?? item.Model.Id,
        CostUsd = known?.CostUsd ?? item.Model.PricePerImageUsd,
        OutputUrl = known?.OutputUrl,
        Result = known?.Result,
        Error = $"Stopped: {why}.",
    };
}
