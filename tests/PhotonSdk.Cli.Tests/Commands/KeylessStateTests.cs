using Microsoft.Extensions.Time.Testing;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary>
/// Without a key each command starts its own emulator; the emulator's state file makes them one account, so that what
/// a command prints as advice works in the next one.
/// </summary>
public sealed class KeylessStateTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task After_Ctrl_C_the_printed_get_command_works_in_the_next_run()
    {
        var stderr = new WatchedWriter();
        using var ctrlC = new CancellationTokenSource();
        var generate = _cli.RunAsync(["generate", "A lighthouse at dawn"], OnFakeClock, stderr: stderr, cancellationToken: ctrlC.Token);
        var submitted = await stderr.WhenWrittenAsync("waiting for it.").WaitAsync(TimeSpan.FromSeconds(10));
        var id = submitted.Split("Submitted prediction ")[1].Split(' ')[0];
        await ctrlC.CancelAsync();
        var cancelled = await generate;
        _time.Advance(TimeSpan.FromMinutes(1));

        var resumed = await _cli.RunAsync(["get", id], OnFakeClock);

        AssertExit(cancelled, ExitCodes.Cancelled);
        Assert.Contains($"photon get {id}", cancelled.Stderr, StringComparison.Ordinal);
        AssertExit(resumed, ExitCodes.Success);
        Assert.True(Images.IsPng(Assert.Single(_cli.SavedImages())));
    }

    [Fact]
    public async Task Getting_an_image_saved_before_says_so_and_what_to_do_and_fetches_nothing()
    {
        var generate = await _cli.RunAsync(["generate", "A red fox", "--json"]);
        var id = IdOf(generate);

        var again = await _cli.RunAsync(["get", id]);
        var forced = await _cli.RunAsync(["get", id, "--force"]);

        AssertExit(again, ExitCodes.InvalidInput);
        var saved = Path.Combine(_cli.OutputFolder, id + ".png");
        Assert.Contains($"{saved} exists: prediction {id} was saved there before. Nothing was fetched; pass --force to save it again, or choose another --out.", again.Stderr, StringComparison.Ordinal);
        // The advice works.
        AssertExit(forced, ExitCodes.Success);
        Assert.True(Images.IsPng(saved));
    }

    [Fact]
    public async Task An_image_that_cannot_be_saved_is_not_pointed_at_a_url_that_dies_with_the_command()
    {
        // A folder where the image's file should go: the move into place fails after the download.
        var generate = await _cli.RunAsync(["generate", "A red fox", "--json"]);
        var id = IdOf(generate);
        Directory.CreateDirectory(Path.Combine(_cli.WorkingDirectory, "taken", id + ".png"));

        var get = await _cli.RunAsync(["get", id, "--out", "taken/"]);

        AssertExit(get, ExitCodes.NotSaved);
        Assert.DoesNotContain("http://127.0.0.1", get.Stderr, StringComparison.Ordinal);
        Assert.Contains("The emulator keeps the prediction.", get.Stderr, StringComparison.Ordinal);
        Assert.Contains($"photon get {id} --out", get.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_and_balance_reflect_earlier_runs()
    {
        var first = await _cli.RunAsync(["generate", "A red fox", "--json"]);
        var second = await _cli.RunAsync(["generate", "A grey wolf", "--model", "photon", "--json"]);

        var history = await _cli.RunAsync(["history"]);
        var balance = await _cli.RunAsync(["balance"]);

        AssertExit(first, ExitCodes.Success);
        AssertExit(second, ExitCodes.Success);
        Assert.Contains(IdOf(first), history.Stdout, StringComparison.Ordinal);
        Assert.Contains(IdOf(second), history.Stdout, StringComparison.Ordinal);
        Assert.Equal("Balance: 9.98 USD", Assert.Single(balance.StdoutLines));
    }

    [Fact]
    public async Task A_keyless_batch_cut_off_while_predictions_run_resumes_by_id_in_the_next_run()
    {
        _cli.WriteFile("prompts.txt", "A fox\nA hare\n");
        var bothSubmitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;
        using var ctrlC = new CancellationTokenSource();
        var batch = _cli.RunAsync(["batch", "prompts.txt", "--concurrency", "2"], options =>
        {
            OnFakeClock(options);
            options.OnRequest = request =>
            {
                if (request.IsSubmit && request.IsAnswered && Interlocked.Increment(ref answered) == 2) bothSubmitted.TrySetResult();
            };
        }, cancellationToken: ctrlC.Token);
        // The predictions stay in progress on the fake clock until the test moves it.
        await bothSubmitted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await ctrlC.CancelAsync();
        var cancelled = await batch;
        _time.Advance(TimeSpan.FromMinutes(1));

        var resumed = await _cli.RunAsync(["batch", "prompts.txt"], OnFakeClock);

        AssertExit(cancelled, ExitCodes.Cancelled);
        AssertExit(resumed, ExitCodes.Success);
        Assert.Contains("resuming: 0 done, 2 waiting on ids", resumed.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, _cli.SavedImages().Length);
    }

    private void OnFakeClock(PhotonSdk.Emulator.EmulatorOptions options) => options.TimeProvider = _time;

    private static string IdOf(CliResult run) =>
        System.Text.Json.JsonDocument.Parse(run.StdoutLines[0]).RootElement.GetProperty("predictionId").GetString()!;

    public void Dispose() => _cli.Dispose();
}
