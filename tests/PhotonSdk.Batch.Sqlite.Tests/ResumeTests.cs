using PhotonSdk.Batch;
using PhotonSdk.Testing.Batch;

namespace PhotonSdk.Batch.Sqlite.Tests;

/// <summary>
/// A batch cut off in each state, resumed from its SQLite journal against the emulator: nothing is submitted twice,
/// every paid prediction is kept, and the spending cap holds across runs. A crash is simulated by writing the journal
/// as the engine would have left it at that point (and creating, or not, the prediction it was about to create).
/// </summary>
public sealed class ResumeTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private EmulatedBatch _rig = null!;

    private string JournalPath => _folder.File("batch.photon-journal");

    private string Images => _folder.File("images");

    public async Task InitializeAsync()
    {
        _rig = await EmulatedBatch.StartAsync(e => e.Faults.ModerationWords.Add("forbidden"));
        Directory.CreateDirectory(Images);
    }

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Saved_items_are_skipped_and_nothing_is_sent_for_them()
    {
        var items = EmulatedBatch.Items(4);
        var first = await RunAsync(items);
        var requests = _rig.Http.Submits;

        var second = await RunAsync(items);

        Assert.All(first.Results, r => Assert.Equal(PhotonBatchOutcome.Saved, r.Outcome));
        Assert.All(first.Results, r => Assert.True(File.Exists(r.SavedTo)));
        Assert.All(second.Results, r => Assert.True(r.DoneEarlier));
        Assert.Equal(first.Results.Select(r => (r.Key, r.PredictionId, r.SavedTo)).Order(), second.Results.Select(r => (r.Key, r.PredictionId, r.SavedTo)).Order());
        Assert.Equal(requests, _rig.Http.Submits);
        Assert.Equal(4, _rig.Emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_submitted_item_is_waited_on_by_its_id_and_not_submitted_again()
    {
        var items = EmulatedBatch.Items(3);
        // Cut off after "submitted" was written: the prediction exists and the journal holds its id.
        var handle = await _rig.Clock.DriveAsync(_rig.Client.SubmitAsync(items[0].Prompt), _rig.Http);
        await WriteAsync(items, new PhotonBatchJournalEntry(items[0].Key, PhotonBatchItemState.Submitted)
        {
            SubmittingAt = _rig.Clock.GetUtcNow(), PredictionId = handle.Id, ModelId = handle.ModelId, SpentUsd = 0.005m,
        });

        var (plan, run) = await OpenAndRunAsync(items);

        Assert.Equal(1, plan.WaitingOnIds);
        Assert.Equal(2, plan.ToGo);
        Assert.Equal(handle.Id, run[items[0].Key].PredictionId);
        Assert.All(run.Results, r => Assert.Equal(PhotonBatchOutcome.Saved, r.Outcome));
        Assert.Equal(3, _rig.Emulator.PredictionsCreated);
    }

    [Fact]
    public async Task An_item_cut_off_after_its_submit_was_sent_is_found_in_the_history()
    {
        var items = EmulatedBatch.Items(3);
        // Cut off between the submit's answer and the journal write: "about to submit" is all the journal knows.
        var about = _rig.Clock.GetUtcNow();
        var handle = await _rig.Clock.DriveAsync(_rig.Client.SubmitAsync(items[1].Prompt), _rig.Http);
        // A prediction of the same model by someone else, minutes later, is not taken for it.
        _rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await _rig.Clock.DriveAsync(_rig.Client.SubmitAsync("Another prompt altogether"), _rig.Http);
        await WriteAsync(items, new PhotonBatchJournalEntry(items[1].Key, PhotonBatchItemState.Submitting)
        {
            SubmittingAt = about, ModelId = "luma/photon-flash", SpentUsd = 0.005m,
        });

        var (plan, run) = await OpenAndRunAsync(items);

        Assert.Equal(1, plan.Uncertain);
        Assert.Equal(handle.Id, run[items[1].Key].PredictionId);
        Assert.Equal(PhotonBatchOutcome.Saved, run[items[1].Key].Outcome);
        Assert.Equal(4, _rig.Emulator.PredictionsCreated);
        // Two submits made beside the batch, and the batch's own for the two other items.
        Assert.Equal(4, _rig.Http.Submits);
    }

    [Fact]
    public async Task An_item_cut_off_before_anything_was_created_stays_uncertain_until_resubmitting_is_asked_for()
    {
        var items = EmulatedBatch.Items(3);
        await WriteAsync(items, new PhotonBatchJournalEntry(items[2].Key, PhotonBatchItemState.Submitting)
        {
            SubmittingAt = _rig.Clock.GetUtcNow(), ModelId = "luma/photon-flash", SpentUsd = 0.005m,
        });

        var (_, run) = await OpenAndRunAsync(items);
        var createdBefore = _rig.Emulator.PredictionsCreated;
        var (plan, again) = await OpenAndRunAsync(items, o => o.ResubmitUncertain = true);

        Assert.Equal(PhotonBatchOutcome.Uncertain, run[items[2].Key].Outcome);
        Assert.Null(run[items[2].Key].PredictionId);
        Assert.Contains("Check the history before submitting it again", run[items[2].Key].Error, StringComparison.Ordinal);
        Assert.Equal(2, createdBefore);
        Assert.Equal(1, plan.Uncertain);
        Assert.Equal(2, plan.Done);
        Assert.Equal(PhotonBatchOutcome.Saved, again[items[2].Key].Outcome);
        Assert.Equal(3, _rig.Emulator.PredictionsCreated);
        // The cap counts the uncertain submit as spent, beside the two completed ones.
        Assert.Equal(0.015m, plan.SpentUsd);
    }

    [Fact]
    public async Task A_failed_item_is_reported_again_and_not_submitted_again()
    {
        var items = new[] { new PhotonBatchItem("ok", "A quiet harbour"), new PhotonBatchItem("refused", "A forbidden harbour") };
        var first = await RunAsync(items);
        var submits = _rig.Http.Submits;

        var second = await RunAsync(items);

        Assert.Equal(PhotonBatchOutcome.Failed, first["refused"].Outcome);
        Assert.Contains("content moderation", first["refused"].Error, StringComparison.Ordinal);
        Assert.NotNull(first["refused"].PredictionId);
        Assert.Equal(PhotonBatchOutcome.Failed, second["refused"].Outcome);
        Assert.True(second["refused"].DoneEarlier);
        Assert.Equal(first["refused"].PredictionId, second["refused"].PredictionId);
        Assert.Equal(submits, _rig.Http.Submits);
    }

    [Fact]
    public async Task An_image_that_could_not_be_saved_keeps_its_id_and_url_and_is_saved_by_the_next_run()
    {
        var items = EmulatedBatch.Items(2);
        var first = await RunAsync(items, o => o.SaveImage = (_, _, _) => throw new IOException("No space left on device"));
        var submits = _rig.Http.Submits;

        var second = await RunAsync(items);

        Assert.All(first.Results, r =>
        {
            Assert.Equal(PhotonBatchOutcome.SaveFailed, r.Outcome);
            Assert.NotNull(r.PredictionId);
            Assert.StartsWith(_rig.Emulator.BaseUrl.AbsoluteUri, r.OutputUrl, StringComparison.Ordinal);
            Assert.Contains("No space left on device", r.Error, StringComparison.Ordinal);
        });
        Assert.All(second.Results, r => Assert.Equal(PhotonBatchOutcome.Saved, r.Outcome));
        Assert.Equal(first.Results.Select(r => r.PredictionId).Order(), second.Results.Select(r => r.PredictionId).Order());
        Assert.Equal(submits, _rig.Http.Submits);
        Assert.Equal(2, _rig.Emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_cancelled_run_keeps_every_id_and_the_cap_holds_across_the_resume()
    {
        var items = EmulatedBatch.Items(8);
        // Slow predictions, so that the run is cancelled while three wait.
        await using var slow = await EmulatedBatch.StartAsync(e => e.ModelLatencies["luma/photon-flash"] = TimeSpan.FromMinutes(5));
        var options = Options(slow);
        options.MaxConcurrency = 3;
        options.MaxCostUsd = 0.025m;
        BatchRunOutcome first;
        await using (var journal = new SqliteBatchJournal(JournalPath))
        {
            options.Journal = journal;
            first = await slow.RunAsync(await slow.OpenAsync(items, options), cancelWhen: () => slow.Http.Submits == 3);
        }

        var idsKept = first.Results.Select(r => r.PredictionId).ToList();
        PhotonBatch reopened;
        BatchRunOutcome second;
        await using (var journal = new SqliteBatchJournal(JournalPath))
        {
            options.Journal = journal;
            reopened = await slow.OpenAsync(items, options);
            second = await slow.RunAsync(reopened);
        }

        Assert.IsAssignableFrom<OperationCanceledException>(first.Error);
        Assert.Equal(3, first.Results.Count);
        Assert.All(first.Results, r => Assert.Equal(PhotonBatchOutcome.Cancelled, r.Outcome));
        Assert.All(idsKept, Assert.NotNull);
        Assert.Equal(3, reopened.Plan.WaitingOnIds);
        Assert.Equal(0.015m, reopened.Plan.SpentUsd);
        Assert.Null(second.Error);
        Assert.Equal(idsKept.Order(), second.Results.Where(r => idsKept.Contains(r.PredictionId)).Select(r => r.PredictionId).Order());
        Assert.Equal(5, second.With(PhotonBatchOutcome.Saved).Count);
        Assert.Equal(3, second.With(PhotonBatchOutcome.SkippedByBudget).Count);
        Assert.Equal(5, slow.Emulator.PredictionsCreated);
    }

    private PhotonBatchOptions Options(EmulatedBatch rig) => new()
    {
        TimeProvider = rig.Clock,
        SaveImage = (item, result, token) => new ValueTask<string>(rig.Client.SaveAsync(result, Path.Combine(Images, item.Key + ".png"), token)),
    };

    private async Task<BatchRunOutcome> RunAsync(IReadOnlyList<PhotonBatchItem> items, Action<PhotonBatchOptions>? adjust = null) =>
        (await OpenAndRunAsync(items, adjust)).Run;

    private async Task<(PhotonBatchPlan Plan, BatchRunOutcome Run)> OpenAndRunAsync(IReadOnlyList<PhotonBatchItem> items, Action<PhotonBatchOptions>? adjust = null)
    {
        await using var journal = new SqliteBatchJournal(JournalPath);
        var options = Options(_rig);
        options.Journal = journal;
        adjust?.Invoke(options);
        var batch = await _rig.OpenAsync(items, options);
        return (batch.Plan, await _rig.RunAsync(batch));
    }

    /// <summary>Leaves the journal as a run cut off at one item's entry would have left it.</summary>
    private async Task WriteAsync(IReadOnlyList<PhotonBatchItem> items, PhotonBatchJournalEntry entry)
    {
        await using var journal = new SqliteBatchJournal(JournalPath);
        var options = Options(_rig);
        options.Journal = journal;
        await _rig.OpenAsync(items, options);
        await journal.WriteAsync(entry with { UpdatedAt = _rig.Clock.GetUtcNow() });
    }
}
