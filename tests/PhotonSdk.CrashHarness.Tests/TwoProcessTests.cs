using PhotonSdk.Emulator;

namespace PhotonSdk.CrashHarness.Tests;

/// <summary>Two <c>photon batch</c> processes on the same folder: the second is refused at once and sends nothing.</summary>
public sealed class TwoProcessTests
{
    [Fact]
    public async Task A_second_process_on_the_same_journal_is_refused_and_sends_nothing_while_the_first_finishes()
    {
        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var submits = 0;
        var options = new EmulatorOptions
        {
            LatencyScale = 0.2,
            OnRequest = request =>
            {
                if (!request.IsSubmit || !request.IsAnswered) return;
                Interlocked.Increment(ref submits);
                firstAnswered.TrySetResult();
            },
        };
        await using var emulator = await WaveSpeedEmulator.StartAsync(options);
        var work = Directory.CreateTempSubdirectory("photon-two-").FullName;
        try
        {
            await File.WriteAllLinesAsync(Path.Combine(work, "prompts.txt"), Enumerable.Range(1, 12).Select(i => $"A lighthouse, number {i}"));
            string[] arguments = ["batch", "prompts.txt", "--concurrency", "2"];

            using var first = PhotonRun.Start(work, arguments, emulator.BaseUrl);
            await firstAnswered.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var submitsBeforeSecond = Volatile.Read(ref submits);
            using var second = PhotonRun.Start(work, arguments, emulator.BaseUrl);
            var secondExit = await second.WaitAsync(TimeSpan.FromSeconds(60));
            var firstStillRunning = !first.Process.HasExited;
            var firstExit = await first.WaitAsync(TimeSpan.FromSeconds(120));

            Assert.Equal(2, secondExit);
            Assert.Contains("is in use by another photon batch on the same folder. Nothing was submitted", second.Output, StringComparison.Ordinal);
            Assert.True(firstStillRunning, "the first run ended before the second was refused; the test proved nothing");
            Assert.Equal(0, firstExit);
            Assert.Equal(12, emulator.PredictionsCreated);
            Assert.True(submitsBeforeSecond < 12);
            Assert.Equal(12, Directory.GetFiles(Path.Combine(work, "photon-output", "prompts"), "*.png").Length);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
