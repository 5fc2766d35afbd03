using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotonSdk.Orleans.Budget;
using PhotonSdk.Orleans.Pacing;

namespace PhotonSdk.Orleans.Jobs;

/// <summary>
/// The single writer of one job's state. Every change is persisted before the act that depends on it: the request
/// before anything is sent, "submitting" before the submit leaves, the prediction id before anything waits on it,
/// the result before anyone is told. A job is submitted at most once; a submit whose answer was lost is resolved by
/// its webhook (which names the job) or the prediction history, never by sending it again unless asked to.
/// </summary>
/// <remarks>Grain code awaits with <c>ConfigureAwait(true)</c>: its continuations must run on the grain's own scheduler.</remarks>
internal sealed class PhotonImageJobGrain(
    [PersistentState("job", PhotonImageJobOptions.StorageName)] IPersistentState<JobState> state,
    IPhotonClient client,
    IOptions<PhotonImageJobOptions> options,
    TimeProvider time,
    IEnumerable<IPhotonImageJobListener> listeners,
    ILogger<PhotonImageJobGrain> logger) : Grain, IPhotonImageJobGrain, IRemindable
{
    internal const string ReminderName = "photon-job";
    private const string BudgetKey = "account";

    /// <summary>How far before its submit a prediction may be stamped (the server's clock may run behind).</summary>
    private static readonly TimeSpan HistoryBefore = TimeSpan.FromMinutes(2);

    /// <summary>A submit time further off than this is persisted with the job, so that the job keeps it across a move.</summary>
    private static readonly TimeSpan KeepSlotBeyond = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How late a submit may leave after the time the limiter gave it. The limiter's window has a second of margin
    /// over the server's minute; half of it covers a late start, the rest the request's way to the server.
    /// </summary>
    private static readonly TimeSpan MaxLateness = TimeSpan.FromMilliseconds(500);

    private const int HistoryPageSize = 100;
    private const int HistoryMaxPages = 50;

    private readonly PhotonImageJobOptions _options = options.Value;
    private TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IGrainTimer? _kick;

    private string JobId => this.GetPrimaryKeyString();

    private JobState Current => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current.IsFinished) _finished.TrySetResult();
        else if (Current.Status == PhotonImageJobStatus.Pending) Kick(Delay(Current.RetryAt ?? Current.SlotAt));
        return Task.CompletedTask;
    }

    public async Task<PhotonImageJob> StartAsync(PhotonImageJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Current.Status != PhotonImageJobStatus.None) return Current.ToJob(JobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Prompt, nameof(request));
        var model = request.Model is null
            ? client.GetService(typeof(PhotonModel)) as PhotonModel ?? PhotonModels.PhotonFlash
            : PhotonModels.Get(request.Model);

        // The reminder first: should the silo die after it, the reminder finds no job and goes; after the state, it moves the job on.
        await this.RegisterOrUpdateReminder(ReminderName, _options.PollInterval, _options.PollInterval).ConfigureAwait(true);
        await WriteAsync(new JobState
        {
            Status = PhotonImageJobStatus.Pending,
            Prompt = request.Prompt,
            RequestedModel = request.Model,
            ModelId = model.Id,
            CreatedAt = time.GetUtcNow(),
        }).ConfigureAwait(true);
        Kick(TimeSpan.Zero);
        return Current.ToJob(JobId);
    }

    public Task<PhotonImageJob> GetAsync() => Task.FromResult(Current.ToJob(JobId));

    public async Task<PhotonImageJob> WaitAsync(TimeSpan timeout)
    {
        if (!Current.IsFinished && timeout > TimeSpan.Zero)
        {
            using var cancel = new CancellationTokenSource();
            var delay = Task.Delay(timeout, time, cancel.Token);
            await Task.WhenAny(_finished.Task, delay).ConfigureAwait(true);
            await cancel.CancelAsync().ConfigureAwait(true);
        }

        return Current.ToJob(JobId);
    }

    public async Task<PhotonImageJob> CompleteFromWebhookAsync(PhotonImageJobPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var status = new PredictionStatus(prediction.Status);
        // A job never started, already finished (a duplicate), or a delivery that is not final: nothing to do.
        if (Current.Status is PhotonImageJobStatus.None or PhotonImageJobStatus.Completed or PhotonImageJobStatus.Failed || !status.IsTerminal)
            return Current.ToJob(JobId);
        if (Current.PredictionId is { } held && !string.Equals(held, prediction.PredictionId, StringComparison.Ordinal))
        {
            JobsLog.ForeignWebhook(logger, JobId, prediction.PredictionId, held);
            return Current.ToJob(JobId);
        }

        await FinishAsync(status, prediction.PredictionId, prediction.Outputs, prediction.Error, PhotonImageJobCompletionSource.Webhook).ConfigureAwait(true);
        return Current.ToJob(JobId);
    }

    public async Task<PhotonImageJob> RefreshAsync()
    {
        await AdvanceAsync(poll: true).ConfigureAwait(true);
        return Current.ToJob(JobId);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, ReminderName, StringComparison.Ordinal)) return;
        if (Current.Status == PhotonImageJobStatus.None || Current.IsFinished)
        {
            await StopReminderAsync().ConfigureAwait(true);
            return;
        }

        await AdvanceAsync(poll: true).ConfigureAwait(true);
    }

    /// <summary>One step: submit a pending job, look for an uncertain one's prediction, poll a submitted one.</summary>
    private async Task AdvanceAsync(bool poll)
    {
        try
        {
            switch (Current.Status)
            {
                case PhotonImageJobStatus.Pending:
                    if (Delay(Current.RetryAt) > TimeSpan.Zero) return;
                    await SubmitAsync().ConfigureAwait(true);
                    break;
                case PhotonImageJobStatus.Submitting:
                    await ReconcileAsync().ConfigureAwait(true);
                    break;
                case PhotonImageJobStatus.Submitted when poll:
                    await PollAsync().ConfigureAwait(true);
                    break;
                case PhotonImageJobStatus.Uncertain:
                case PhotonImageJobStatus.Completed:
                case PhotonImageJobStatus.Failed:
                    await StopReminderAsync().ConfigureAwait(true);
                    break;
            }
        }
        catch (Exception e) when (e is PhotonException or HttpRequestException or TimeoutException or OrleansException)
        {
            // The reminder comes back; nothing was decided that is not persisted.
            JobsLog.StepFailed(logger, JobId, e);
        }
    }

    private async Task SubmitAsync()
    {
        var model = PhotonModels.Get(Current.ModelId!);
        var price = model.PricePerImageUsd;
        decimal reserved;
        DateTimeOffset slot;
        if (Current.SlotAt is { } held)
        {
            // Reserved and paced before this activation: the slot and the reservation are this job's still.
            slot = held;
            reserved = Current.ReservedUsd;
        }
        else
        {
            if (_options.MaxCostUsd is { } cap && !await GrainFactory.GetGrain<IBudgetGrain>(BudgetKey).TryReserveAsync(price, cap).ConfigureAwait(true))
            {
                await FinishAsync(PredictionStatus.Failed, null, [], $"The budget of {cap} USD has no room for another image ({price} USD); nothing was sent.", PhotonImageJobCompletionSource.None).ConfigureAwait(true);
                return;
            }

            reserved = _options.MaxCostUsd is null ? 0m : price;
            slot = _options.Tier is { } tier
                ? await GrainFactory.GetGrain<ISubmitLimiterGrain>(tier.ImagesPerMinute).ReserveAsync().ConfigureAwait(true)
                : time.GetUtcNow();

            // A slot further off is kept, so that a job moved to another silo while it waits uses it rather than taking a new one.
            if (Delay(slot) > KeepSlotBeyond) await WriteAsync(Current with { SlotAt = slot, ReservedUsd = reserved }).ConfigureAwait(true);
        }

        while (true)
        {
            if (Delay(slot) is var wait && wait > TimeSpan.Zero) await Task.Delay(wait, time).ConfigureAwait(true);
            await WriteAsync(Current with
            {
                Status = PhotonImageJobStatus.Submitting,
                SubmittingAt = time.GetUtcNow(),
                ReservedUsd = reserved,
                SlotAt = null,
                RetryAt = null,
                Error = null,
            }).ConfigureAwait(true);
            if (_options.Tier is not { } paced || time.GetUtcNow() - slot <= MaxLateness) break;

            // Too late for its place in the tier's minute (a busy silo): sent now, it could land in the next minute on top
            // of that minute's own. Nothing was sent; the job takes a new time, and the old one still counts.
            slot = await GrainFactory.GetGrain<ISubmitLimiterGrain>(paced.ImagesPerMinute).ReserveAsync().ConfigureAwait(true);
            await WriteAsync(Current with { Status = PhotonImageJobStatus.Pending, SubmittingAt = null, SlotAt = slot }).ConfigureAwait(true);
        }

        PredictionHandle handle;
        try
        {
            handle = await client.SubmitAsync(
                Current.Prompt!,
                new GenerationOptions { Model = Current.ModelId, Webhook = JobWebhookUrl.For(_options.WebhookUrl!, JobId) }).ConfigureAwait(true);
        }
        catch (PhotonSubmissionUncertainException e) when (e.PredictionId is { } id)
        {
            // The answer was an error, but it carried the id: the prediction exists and is this job's.
            handle = client.GetPrediction(id, Current.ModelId);
        }
        catch (Exception e) when (e is PhotonException or ArgumentException)
        {
            await SubmitFailedAsync(e, reserved).ConfigureAwait(true);
            return;
        }

        await WriteAsync(Current with { Status = PhotonImageJobStatus.Submitted, PredictionId = handle.Id, ModelId = handle.ModelId ?? Current.ModelId }).ConfigureAwait(true);
    }

    private async Task SubmitFailedAsync(Exception error, decimal reserved)
    {
        if (!PhotonSdk.Budget.SubmitEvidence.ProvesNothingCreated(error))
        {
            // A prediction may exist: its webhook names this job, and the history is searched after the grace period.
            JobsLog.AnswerLost(logger, JobId, error.Message);
            await WriteAsync(Current with { Error = $"The submit's answer was lost: {error.Message}" }).ConfigureAwait(true);
            return;
        }

        if (reserved > 0) await GrainFactory.GetGrain<IBudgetGrain>(BudgetKey).ReleaseAsync(reserved).ConfigureAwait(true);
        var back = Current with { ReservedUsd = 0, Error = error.Message };
        switch (error)
        {
            case PhotonRateLimitedException limited:
                var after = limited.RetryAfter ?? _options.RateLimitedBackoff;
                var retryAt = time.GetUtcNow() + after;
                if (_options.Tier is { } tier) await GrainFactory.GetGrain<ISubmitLimiterGrain>(tier.ImagesPerMinute).PauseAsync(retryAt).ConfigureAwait(true);
                JobsLog.RateLimited(logger, JobId, after);
                await WriteAsync(back with { Status = PhotonImageJobStatus.Pending, RetryAt = retryAt }).ConfigureAwait(true);
                Kick(after);
                break;
            case PhotonAuthenticationException:
                // The key may be fixed; the reminder tries again.
                await WriteAsync(back with { Status = PhotonImageJobStatus.Pending, RetryAt = time.GetUtcNow() + _options.PollInterval }).ConfigureAwait(true);
                break;
            default:
                await FinishAsync(PredictionStatus.Failed, null, [], error.Message, PhotonImageJobCompletionSource.None, back).ConfigureAwait(true);
                break;
        }
    }

    /// <summary>
    /// A submit cut off or whose answer was lost: after the grace period (its webhook would have come), the history is
    /// searched for a prediction of the job's model with its prompt, created around its submit. One found is adopted;
    /// none by the end of the window leaves the job uncertain (or pending again, when asked to resubmit).
    /// </summary>
    private async Task ReconcileAsync()
    {
        var now = time.GetUtcNow();
        var submittingAt = Current.SubmittingAt ?? Current.CreatedAt ?? now;
        if (now - submittingAt < _options.UncertainGrace) return;

        var from = submittingAt - HistoryBefore;
        var to = submittingAt + _options.UncertainWindow;
        var found = new List<PredictionSummary>();
        for (var page = 1; page <= HistoryMaxPages; page++)
        {
            var query = new PredictionHistoryQuery { Page = page, PageSize = HistoryPageSize, Model = Current.ModelId, CreatedAfter = from, CreatedBefore = to };
            var result = await client.GetHistoryAsync(query).ConfigureAwait(true);
            found.AddRange(result.Items.Where(p => string.Equals(p.Prompt, Current.Prompt, StringComparison.Ordinal)));
            if (result.Items.Count < HistoryPageSize || (result.Total is { } total && page * HistoryPageSize >= total)) break;
        }

        if (found.Count == 1)
        {
            await WriteAsync(Current with { Status = PhotonImageJobStatus.Submitted, PredictionId = found[0].Id, Error = null }).ConfigureAwait(true);
            await PollAsync().ConfigureAwait(true);
            return;
        }

        if (found.Count == 0 && now < to) return;
        var why = found.Count == 0
            ? "no prediction of its model with its prompt in the history around its submit"
            : $"{found.Count} predictions of its model with its prompt in the history around its submit, so none can be told to be this job's";
        JobsLog.LeftUncertain(logger, JobId, why);
        if (found.Count == 0 && _options.ResubmitUncertain)
        {
            await WriteAsync(Current with { Status = PhotonImageJobStatus.Pending, Error = $"Submitted again: {why}." }).ConfigureAwait(true);
            Kick(TimeSpan.Zero);
            return;
        }

        var error = $"The submit may have created a prediction, and none was found for it: {why}. Check the history before submitting it again.";
        await FinishAsync(PredictionStatus.Failed, null, [], error, PhotonImageJobCompletionSource.None, final: PhotonImageJobStatus.Uncertain).ConfigureAwait(true);
    }

    private async Task PollAsync()
    {
        var handle = client.GetPrediction(Current.PredictionId!, Current.ModelId);
        var status = await client.UpdateStatusAsync(handle).ConfigureAwait(true);
        if (!status.IsTerminal) return;
        if (status != PredictionStatus.Completed)
        {
            await FinishAsync(status, handle.Id, [], $"The prediction ended {status}.", PhotonImageJobCompletionSource.Poll).ConfigureAwait(true);
            return;
        }

        ImageGenerationResult result;
        try
        {
            result = await client.WaitForCompletionAsync(handle, TimeSpan.FromSeconds(20)).ConfigureAwait(true);
        }
        catch (PhotonPredictionFailedException e)
        {
            await FinishAsync(PredictionStatus.Failed, handle.Id, [], e.Message, PhotonImageJobCompletionSource.Poll).ConfigureAwait(true);
            return;
        }

        var outputs = result.Images.Select(i => i.Url?.AbsoluteUri).OfType<string>().ToList();
        await FinishAsync(PredictionStatus.Completed, handle.Id, outputs, null, PhotonImageJobCompletionSource.Poll, cost: result.CostUsd).ConfigureAwait(true);
    }

    /// <summary>Persists the job's final state, then stops its reminder, wakes its waiters and tells the listeners.</summary>
    private async Task FinishAsync(
        PredictionStatus status, string? predictionId, IReadOnlyList<string> outputs, string? error, PhotonImageJobCompletionSource source,
        JobState? from = null, decimal? cost = null, PhotonImageJobStatus? final = null)
    {
        var completed = status == PredictionStatus.Completed;
        var basis = from ?? Current;
        var price = basis.ModelId is { } modelId && PhotonModels.TryFind(modelId, out var model) ? model.PricePerImageUsd : (decimal?)null;
        await WriteAsync(basis with
        {
            Status = final ?? (completed ? PhotonImageJobStatus.Completed : PhotonImageJobStatus.Failed),
            PredictionId = predictionId ?? basis.PredictionId,
            Outputs = [.. outputs],
            CostUsd = completed ? cost ?? price : null,
            Error = completed ? null : error ?? $"The prediction ended {status}.",
            CompletedBy = source,
            FinishedAt = time.GetUtcNow(),
        }).ConfigureAwait(true);
        _finished.TrySetResult();
        await StopReminderAsync().ConfigureAwait(true);
        var job = Current.ToJob(JobId);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnFinishedAsync(job, CancellationToken.None).ConfigureAwait(true);
            }
#pragma warning disable CA1031 // A listener's failure is logged; the job's state is already persisted.
            catch (Exception e)
#pragma warning restore CA1031
            {
                JobsLog.ListenerFailed(logger, JobId, e);
            }
        }
    }

    private async Task WriteAsync(JobState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync().ConfigureAwait(true);
        }
        catch
        {
            state.State = previous;
            throw;
        }

        if (!next.IsFinished && _finished.Task.IsCompleted) _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task StopReminderAsync()
    {
        var reminder = await this.GetReminder(ReminderName).ConfigureAwait(true);
        if (reminder is not null) await this.UnregisterReminder(reminder).ConfigureAwait(true);
    }

    /// <summary>Moves a pending job on after <paramref name="delay"/>, on a one-shot timer that keeps the grain active.</summary>
    private void Kick(TimeSpan delay)
    {
        _kick?.Dispose();
        _kick = this.RegisterGrainTimer(
            async _ =>
            {
                _kick?.Dispose();
                _kick = null;
                await AdvanceAsync(poll: false).ConfigureAwait(true);
            },
            new GrainTimerCreationOptions(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private TimeSpan Delay(DateTimeOffset? until) => until is { } at ? at - time.GetUtcNow() : TimeSpan.Zero;
}
