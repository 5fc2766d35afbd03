using Microsoft.Extensions.AI;
using PhotonSdk.Testing.Fakes;

namespace PhotonSdk.Tests.AI;

/// <summary><see cref="ImageGenerationOptions.Count"/>: that many predictions, at most four at a time, results in order.</summary>
public sealed class CountMappingTests
{
    [Fact]
    public async Task Count_runs_that_many_predictions_with_the_same_options()
    {
        using var harness = new GeneratorHarness();

        var response = await harness.GenerateAsync(new ImageGenerationOptions { Count = 3, ModelId = "photon" });

        Assert.Equal(3, harness.Client.GenerateCalls.Count);
        Assert.All(harness.Client.GenerateCalls, call => Assert.Equal("luma/photon", call.Options!.Model));
        Assert.Equal(3, response.Contents.Count);
    }

    [Fact]
    public async Task Results_come_back_in_order_whatever_order_they_finish_in()
    {
        using var harness = new GeneratorHarness();
        var finish = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        harness.Client.OnGenerate = async (call, _) =>
        {
            await finish[call.Number].Task;
            return CannedResults.For(call);
        };

        var generation = harness.GenerateAsync(new ImageGenerationOptions { Count = 3 });
        finish[3].SetResult();
        finish[2].SetResult();
        finish[1].SetResult();
        var response = await generation;

        Assert.Equal(
            ["pred-001", "pred-002", "pred-003"],
            response.Contents.Select(c => (string)c.AdditionalProperties![PhotonImageGeneratorExtensions.PredictionIdProperty]!));
    }

    [Fact]
    public async Task At_most_four_predictions_run_at_once()
    {
        using var harness = new GeneratorHarness();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fourRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var mostRunning = 0;
        var sync = new Lock();
        harness.Client.OnGenerate = async (call, _) =>
        {
            lock (sync)
            {
                running++;
                mostRunning = Math.Max(mostRunning, running);
                if (running == 4) fourRunning.TrySetResult();
            }

            await release.Task;
            lock (sync) running--;
            return CannedResults.For(call);
        };

        var generation = harness.GenerateAsync(new ImageGenerationOptions { Count = 7 });
        await fourRunning.Task;
        var startedBeforeRelease = harness.Client.GenerateCalls.Count;
        release.SetResult();
        var response = await generation;

        Assert.Equal(4, startedBeforeRelease);
        Assert.Equal(4, mostRunning);
        Assert.Equal(7, response.Contents.Count);
        Assert.Equal(7, harness.Client.GenerateCalls.Count);
    }

    [Fact]
    public async Task A_failure_stops_predictions_not_yet_started_and_lets_running_ones_finish()
    {
        using var harness = new GeneratorHarness();
        var finishFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstObservedCancellation = true;
        harness.Client.OnGenerate = async (call, token) =>
        {
            if (call.Number == 2) throw PhotonErrors.ServerFailed("pred-002");
            await finishFirst.Task;
            firstObservedCancellation = token.IsCancellationRequested;
            return CannedResults.For(call);
        };

        var generation = harness.GenerateAsync(new ImageGenerationOptions { Count = 6 });
        Assert.False(generation.IsCompleted);
        finishFirst.SetResult();
        var error = await Assert.ThrowsAsync<PhotonServerException>(() => generation);

        Assert.Equal("pred-002", error.PredictionId);
        Assert.Equal(2, harness.Client.GenerateCalls.Count);
        Assert.False(firstObservedCancellation);
    }

    [Fact]
    public async Task The_callers_cancellation_surfaces_as_the_sdks_cancellation()
    {
        using var harness = new GeneratorHarness();
        using var cancellation = new CancellationTokenSource();
        harness.Client.OnGenerate = async (call, token) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException e)
            {
                throw new PhotonCanceledException("Stopped waiting.", CannedResults.IdFor(call.Number), predictionMayExist: true, e, token);
            }

            throw new InvalidOperationException("Unreachable.");
        };

        var generation = harness.Generator.GenerateImagesAsync("A fox", new ImageGenerationOptions { Count = 2 }, cancellation.Token);
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<PhotonCanceledException>(() => generation);

        Assert.Equal("pred-001", error.PredictionId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_count_below_one_throws_before_anything_is_sent(int count)
    {
        using var harness = new GeneratorHarness();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.GenerateAsync(new ImageGenerationOptions { Count = count }));

        Assert.Equal("options", error.ParamName);
        Assert.Equal(0, harness.Client.SentCount);
    }
}
