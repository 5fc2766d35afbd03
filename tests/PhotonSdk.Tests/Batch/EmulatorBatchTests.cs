using PhotonSdk.Batch;
using PhotonSdk.Emulator;
using PhotonSdk.Testing.Batch;

namespace PhotonSdk.Tests.Batch;

/// <summary>A batch against the in-process emulator on a fake clock: what it creates, what it spends and how it ends.</summary>
public sealed class EmulatorBatchTests
{
    [Fact]
    public async Task Every_item_is_submitted_once_and_completes()
    {
        await using var rig = await EmulatedBatch.StartAsync();
        var journal = new InMemoryBatchJournal();
        var batch = await rig.OpenAsync(EmulatedBatch.Items(5), rig.Options(journal));

        var run = await rig.RunAsync(batch);

        Assert.Null(run.Error);
        Assert.Equal(5, run.With(PhotonBatchOutcome.Completed).Count);
        Assert.All(run.Results, r => Assert.StartsWith(rig.Emulator.BaseUrl.AbsoluteUri, r.OutputUrl, StringComparison.Ordinal));
        Assert.All(run.Results, r => Assert.Equal(0.005m, r.CostUsd));
        Assert.Equal(5, rig.Emulator.PredictionsCreated);
        Assert.All(journal.Entries, e => Assert.Equal(PhotonBatchItemState.Completed, e.State));
        Assert.Equal(run.Results.Select(r => r.PredictionId).Order(), journal.Entries.Select(e => e.PredictionId).Order());
    }

    [Fact]
    public async Task The_spending_cap_skips_what_does_not_fit_and_sends_nothing_for_it()
    {
        await using var rig = await EmulatedBatch.StartAsync();
        var options = rig.Options();
        options.MaxCostUsd = 0.02m;
        var batch = await rig.OpenAsync(EmulatedBatch.Items(6), options);

        var run = await rig.RunAsync(batch);

        Assert.Equal(4, run.With(PhotonBatchOutcome.Completed).Count);
        Assert.Equal(2, run.With(PhotonBatchOutcome.SkippedByBudget).Count);
        Assert.All(run.With(PhotonBatchOutcome.SkippedByBudget), r => Assert.Contains("spending budget is used up", r.Error, StringComparison.Ordinal));
        Assert.Equal(4, rig.Emulator.PredictionsCreated);
        Assert.Equal(4, rig.Http.Submits);
    }

    [Fact]
    public async Task Pacing_to_the_tier_never_draws_a_429()
    {
        await using var rig = await EmulatedBatch.StartAsync(e => e.RateLimitTier = RateLimitTier.Bronze, c => c.Retry.MaxRetryAttempts = 0);
        var options = rig.Options();
        options.Tier = PhotonAccountTier.Bronze;
        var batch = await rig.OpenAsync(EmulatedBatch.Items(5), options);

        var run = await rig.RunAsync(batch);

        Assert.Null(run.Error);
        Assert.Equal(5, run.With(PhotonBatchOutcome.Completed).Count);
        Assert.Equal(0, rig.Http.RateLimitedSubmits);
        Assert.Equal(5, rig.Emulator.PredictionsCreated);
        // Two a minute (plus the margin): the fifth goes out after two full windows, and not much later.
        Assert.InRange(run.Elapsed, TimeSpan.FromSeconds(122), TimeSpan.FromSeconds(122 + 30));
    }

    [Fact]
    public async Task Without_a_tier_the_rate_is_learned_from_429s()
    {
        await using var rig = await EmulatedBatch.StartAsync(e => e.RateLimitTier = RateLimitTier.Bronze, c => c.Retry.MaxRetryAttempts = 0);
        var options = rig.Options();
        options.MaxConcurrency = 4;
        var batch = await rig.OpenAsync(EmulatedBatch.Items(6), options);

        var run = await rig.RunAsync(batch);

        Assert.Null(run.Error);
        Assert.Equal(6, run.With(PhotonBatchOutcome.Completed).Count);
        Assert.Equal(6, rig.Emulator.PredictionsCreated);
        // The first burst learns the limit (two of four get through); after that the pace holds it.
        Assert.True(rig.Http.RateLimitedSubmits is >= 1 and <= 3, rig.Http.SubmitLog);
        Assert.InRange(run.Elapsed, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(200));
    }

    [Fact]
    public async Task A_429_storm_creates_nothing_twice_and_reruns_only_wait()
    {
        // Reads are refused too, so the client keeps its retries; the submits that run out of them reach the batch, and
        // a wait that runs out of them leaves its item running, for the next run to wait on.
        await using var rig = await EmulatedBatch.StartAsync(e => e.Faults.RateLimitedRate = 0.5, c => c.Retry.UseJitter = false);
        var journal = new InMemoryBatchJournal();
        var items = EmulatedBatch.Items(12);

        var first = await rig.RunAsync(await rig.OpenAsync(items, rig.Options(journal)));
        var submitsAfterFirst = rig.Http.Submits;
        var runs = 1;
        while (journal.Entries.Count(e => e.State == PhotonBatchItemState.Completed) < 12 && runs++ < 5)
            await rig.RunAsync(await rig.OpenAsync(items, rig.Options(journal)));

        Assert.Null(first.Error);
        Assert.Equal(12, first.With(PhotonBatchOutcome.Completed).Count + first.With(PhotonBatchOutcome.StillRunning).Count);
        Assert.True(rig.Http.RateLimitedSubmits > 0, "the storm refused submits");
        Assert.Equal(12, rig.Emulator.PredictionsCreated);
        Assert.Equal(submitsAfterFirst, rig.Http.Submits);
        Assert.All(journal.Entries, e => Assert.Equal(PhotonBatchItemState.Completed, e.State));
    }

    [Fact]
    public async Task Submits_whose_answers_were_lost_are_found_in_the_history()
    {
        await using var rig = await EmulatedBatch.StartAsync(e =>
        {
            e.Faults.ServerErrorRate = 0.3;
            e.Faults.ServerErrorKeepsSubmission = true;
        });
        var journal = new InMemoryBatchJournal();
        var batch = await rig.OpenAsync(EmulatedBatch.Items(12), rig.Options(journal));

        var run = await rig.RunAsync(batch);

        Assert.Null(run.Error);
        Assert.True(rig.Http.SubmitStatuses.Any(s => s >= 500), "some submits were answered 5xx");
        // Every lost answer is found; a wait whose reads all failed leaves its item running, not uncertain.
        Assert.Empty(run.With(PhotonBatchOutcome.Uncertain));
        Assert.Equal(12, run.With(PhotonBatchOutcome.Completed).Count + run.With(PhotonBatchOutcome.StillRunning).Count);
        Assert.Equal(12, rig.Emulator.PredictionsCreated);
        Assert.Equal(12, journal.Entries.Select(e => e.PredictionId).Distinct().Count());
    }

    [Fact]
    public async Task Lost_answers_that_created_nothing_stay_uncertain_until_resubmitting_is_asked_for()
    {
        await using var rig = await EmulatedBatch.StartAsync(e => e.Faults.ServerErrorRate = 0.3);
        var journal = new InMemoryBatchJournal();
        var items = EmulatedBatch.Items(12);

        var first = await rig.RunAsync(await rig.OpenAsync(items, rig.Options(journal)));
        var uncertain = first.With(PhotonBatchOutcome.Uncertain);
        var createdAfterFirst = rig.Emulator.PredictionsCreated;
        var again = await rig.RunAsync(await rig.OpenAsync(items, rig.Options(journal)));
        var createdAfterAgain = rig.Emulator.PredictionsCreated;
        var resubmitting = rig.Options(journal);
        resubmitting.ResubmitUncertain = true;
        var reopened = await rig.OpenAsync(items, resubmitting);
        var third = await rig.RunAsync(reopened);

        Assert.NotEmpty(uncertain);
        Assert.Equal(12 - uncertain.Count, createdAfterFirst);
        Assert.All(uncertain, r => Assert.Contains("none was found", r.Error, StringComparison.Ordinal));
        // A plain rerun looks in the history again, reports them again and creates nothing.
        Assert.Equal(uncertain.Select(r => r.Key).Order(), again.With(PhotonBatchOutcome.Uncertain).Select(r => r.Key).Order());
        Assert.Equal(createdAfterFirst, createdAfterAgain);
        Assert.Equal(uncertain.Count, reopened.Plan.Uncertain);
        Assert.Equal(12 - uncertain.Count, reopened.Plan.Done);
        // Asked to, the third run submits them again: each prediction the emulator made is one completed item.
        Assert.Equal(12, third.Results.Count);
        Assert.Contains(third.Results, r => !r.DoneEarlier && r.Outcome == PhotonBatchOutcome.Completed);
        Assert.Equal(journal.Entries.Count(e => e.State == PhotonBatchItemState.Completed), rig.Emulator.PredictionsCreated);
    }
}
