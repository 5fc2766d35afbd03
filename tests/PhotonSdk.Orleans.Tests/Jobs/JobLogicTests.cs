using PhotonSdk.Orleans.Tests.Support;

namespace PhotonSdk.Orleans.Tests.Jobs;

/// <summary>
/// A job's rules, on one silo with in-memory storage and reminders (the logic, not the storage), against the
/// emulator and its real signed webhooks through MapPhotonWebhooks on 127.0.0.1.
/// </summary>
public sealed class JobLogicTests
{
    [Fact]
    public async Task Starting_a_job_twice_returns_the_same_job_and_submits_once()
    {
        await using var context = await JobTestContext.StartAsync(redis: false);
        var job = context.Grains.GetImageJob("job-1");

        var first = await job.StartAsync(new PhotonImageJobRequest("A lighthouse at dawn"));
        var second = await job.StartAsync(new PhotonImageJobRequest("Something else entirely"));
        var done = await context.WaitAsync("job-1");
        var third = await job.StartAsync(new PhotonImageJobRequest("A lighthouse at dawn"));

        Assert.Equal(PhotonImageJobStatus.Pending, first.Status);
        Assert.Equal("A lighthouse at dawn", second.Request!.Prompt);
        Assert.Equal(PhotonImageJobStatus.Completed, done.Status);
        Assert.Equal(done.PredictionId, third.PredictionId);
        Assert.Equal(PhotonImageJobStatus.Completed, third.Status);
        Assert.Equal(1, context.Emulator.PredictionsCreated);
    }

    [Fact]
    public async Task The_webhook_completes_the_job_with_its_outputs_and_cost()
    {
        await using var context = await JobTestContext.StartAsync(redis: false);

        await context.Grains.GetImageJob("a").StartAsync(new PhotonImageJobRequest("A fox in the snow", "luma/photon"));
        var done = await context.WaitAsync("a");

        Assert.Equal(PhotonImageJobStatus.Completed, done.Status);
        Assert.Equal(PhotonImageJobCompletionSource.Webhook, done.CompletedBy);
        Assert.Equal("luma/photon", done.ModelId);
        Assert.Equal(PhotonModels.Get("luma/photon").PricePerImageUsd, done.CostUsd);
        Assert.StartsWith(context.Emulator.BaseUrl.AbsoluteUri, Assert.Single(done.Outputs), StringComparison.Ordinal);
        Assert.NotNull(done.PredictionId);
        Assert.Single(Assert.Contains("a", context.Finished));
    }

    [Fact]
    public async Task Without_a_webhook_the_reminder_polls_the_job_to_completion()
    {
        await using var context = await JobTestContext.StartAsync(redis: false, emulator: o => o.Faults.WebhookDropRate = 1);

        await context.Grains.GetImageJob("b").StartAsync(new PhotonImageJobRequest("A hare at dusk"));
        var done = await context.WaitAsync("b");

        Assert.Equal(PhotonImageJobStatus.Completed, done.Status);
        Assert.Equal(PhotonImageJobCompletionSource.Poll, done.CompletedBy);
        Assert.Single(done.Outputs);
        Assert.Equal(1, context.Emulator.WebhooksDropped);
    }

    [Fact]
    public async Task A_webhook_delivered_twice_finishes_the_job_once()
    {
        await using var context = await JobTestContext.StartAsync(redis: false, emulator: o =>
        {
            o.Faults.WebhookDuplicateRate = 1;
            o.Faults.WebhookDuplicateDelay = TimeSpan.FromMilliseconds(100);
        });

        for (var i = 0; i < 5; i++) await context.Grains.GetImageJob($"d{i}").StartAsync(new PhotonImageJobRequest($"Kite {i}"));
        for (var i = 0; i < 5; i++) Assert.Equal(PhotonImageJobStatus.Completed, (await context.WaitAsync($"d{i}")).Status);
        // The second deliveries come 100 ms after the first; wait until the emulator has made them all.
        await WaitUntilAsync(() => context.Emulator.WebhooksDuplicated == 5);
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(5, context.Finished.Count);
        Assert.All(context.Finished.Values, f => Assert.Single(f));
        Assert.Equal(5, context.Emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_submit_whose_answer_was_lost_is_completed_by_the_webhook_that_names_the_job_and_never_sent_again()
    {
        // Every API request is handled and its connection then dropped: the submit creates its prediction, the client sees a reset.
        await using var context = await JobTestContext.StartAsync(redis: false, emulator: o => o.Faults.ConnectionResetRate = 1);

        await context.Grains.GetImageJob("lost").StartAsync(new PhotonImageJobRequest("A heron in the reeds"));
        var done = await context.WaitAsync("lost");

        Assert.Equal(PhotonImageJobStatus.Completed, done.Status);
        Assert.Equal(PhotonImageJobCompletionSource.Webhook, done.CompletedBy);
        Assert.NotNull(done.PredictionId);
        Assert.Equal(1, context.Emulator.PredictionsCreated);
    }

    [Fact]
    public async Task The_budget_stops_submits_that_would_pass_the_cap()
    {
        var price = PhotonModels.PhotonFlash.PricePerImageUsd;
        await using var context = await JobTestContext.StartAsync(redis: false, settings: s => s with { MaxCostUsd = price * 3 });

        for (var i = 0; i < 5; i++) await context.Grains.GetImageJob($"c{i}").StartAsync(new PhotonImageJobRequest($"Cloud {i}"));
        var jobs = new List<PhotonImageJob>();
        for (var i = 0; i < 5; i++) jobs.Add(await context.WaitAsync($"c{i}"));

        Assert.Equal(3, jobs.Count(j => j.Status == PhotonImageJobStatus.Completed));
        Assert.All(jobs.Where(j => j.Status != PhotonImageJobStatus.Completed), j =>
        {
            Assert.Equal(PhotonImageJobStatus.Failed, j.Status);
            Assert.Null(j.PredictionId);
            Assert.Contains("budget", j.Error, StringComparison.Ordinal);
        });
        Assert.Equal(3, context.Emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_job_never_started_reads_as_none_and_a_bad_request_is_refused_before_anything_is_kept()
    {
        await using var context = await JobTestContext.StartAsync(redis: false);
        var job = context.Grains.GetImageJob("x");

        Assert.Equal(PhotonImageJobStatus.None, (await job.GetAsync()).Status);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => job.StartAsync(new PhotonImageJobRequest(" ")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => job.StartAsync(new PhotonImageJobRequest("A cat", "no/such-model")));
        Assert.Equal(PhotonImageJobStatus.None, (await job.GetAsync()).Status);
        Assert.Equal(0, context.Emulator.PredictionsCreated);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var guard = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < guard, "The condition did not hold within 20 s.");
            await Task.Delay(50);
        }
    }
}
