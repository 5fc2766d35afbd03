using PhotonSdk.Orleans.Tests.Support;

namespace PhotonSdk.Orleans.Tests.Cluster;

/// <summary>Jobs on two silos whose clustering, grain state and reminders are in Redis, through Orleans' Redis providers.</summary>
[Collection(RunsAlone.Name)]
public sealed class RedisStorageTests
{
    [RedisFact]
    public async Task Finished_jobs_and_their_results_are_read_back_after_the_whole_cluster_restarts()
    {
        const int Jobs = 20;
        await using var context = await JobTestContext.StartAsync(redis: true, silos: 2);
        for (var i = 0; i < Jobs; i++) await context.Grains.GetImageJob($"r{i}").StartAsync(new PhotonImageJobRequest($"A boat {i}"));
        var before = new List<PhotonImageJob>();
        for (var i = 0; i < Jobs; i++) before.Add(await context.WaitAsync($"r{i}"));

        await context.RestartClusterAsync();
        var after = new List<PhotonImageJob>();
        for (var i = 0; i < Jobs; i++) after.Add(await context.Grains.GetImageJob($"r{i}").StartAsync(new PhotonImageJobRequest("started again")));

        Assert.All(before, j => Assert.Equal(PhotonImageJobStatus.Completed, j.Status));
        for (var i = 0; i < Jobs; i++)
        {
            Assert.Equal(PhotonImageJobStatus.Completed, after[i].Status);
            Assert.Equal(before[i].PredictionId, after[i].PredictionId);
            Assert.Equal(before[i].Outputs, after[i].Outputs);
            Assert.Equal($"A boat {i}", after[i].Request!.Prompt);
        }

        Assert.Equal(Jobs, context.Emulator.PredictionsCreated);
    }

    [RedisFact]
    public async Task A_job_submitted_before_a_full_restart_whose_webhook_is_lost_is_polled_to_completion_by_its_reminder_afterwards()
    {
        // Predictions take 3 s (scale 1): the cluster is restarted while they run, and their webhooks are all dropped.
        await using var context = await JobTestContext.StartAsync(redis: true, silos: 2, emulator: o =>
        {
            o.LatencyScale = 1;
            o.Faults.WebhookDropRate = 1;
        });
        for (var i = 0; i < 10; i++) await context.Grains.GetImageJob($"p{i}").StartAsync(new PhotonImageJobRequest($"A bridge {i}"));
        for (var i = 0; i < 10; i++)
            await WaitForStatusAsync(context, $"p{i}", PhotonImageJobStatus.Submitted);

        await context.RestartClusterAsync();
        var jobs = new List<PhotonImageJob>();
        for (var i = 0; i < 10; i++) jobs.Add(await context.WaitAsync($"p{i}"));

        Assert.All(jobs, j =>
        {
            Assert.Equal(PhotonImageJobStatus.Completed, j.Status);
            Assert.Equal(PhotonImageJobCompletionSource.Poll, j.CompletedBy);
        });
        Assert.Equal(10, context.Emulator.PredictionsCreated);
    }

    private static async Task WaitForStatusAsync(JobTestContext context, string jobId, PhotonImageJobStatus status)
    {
        var guard = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await context.Grains.GetImageJob(jobId).GetAsync()).Status != status)
        {
            Assert.True(DateTime.UtcNow < guard, $"{jobId} did not reach {status} within 20 s.");
            await Task.Delay(50);
        }
    }
}
