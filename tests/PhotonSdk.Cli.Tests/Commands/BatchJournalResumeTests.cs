using System.Text.Json;
using PhotonSdk.Batch;
using PhotonSdk.Batch.Sqlite;
using PhotonSdk.Cli.Commands;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;
using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary>
/// What <c>photon batch</c> does with a journal an earlier run left cut off: the journal is written here as that run
/// would have left it, next to predictions that exist in the emulator, and the command is run on it.
/// </summary>
public sealed class BatchJournalResumeTests : IAsyncLifetime, IDisposable
{
    private const string Key = "test-key";
    private readonly CliRunner _cli = new();
    private WaveSpeedEmulator _emulator = null!;
    private PhotonClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });
        _client = new PhotonClient(new PhotonClientOptions { ApiKey = Key, BaseUrl = _emulator.BaseUrl });
        _cli.WriteFile("prompts.txt", "A fox\nA hare\n");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_row_with_an_id_is_waited_on_by_that_id_and_never_submitted_again()
    {
        var earlier = await _client.SubmitAsync("A fox");
        await SeedJournalAsync(new PhotonBatchJournalEntry("1", PhotonBatchItemState.Submitted) { PredictionId = earlier.Id, SpentUsd = 0.005m });

        var run = await Run(["batch", "prompts.txt"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Contains("resuming: 0 done, 1 waiting on ids, 0 uncertain, 1 to go", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, _emulator.PredictionsCreated);
        Assert.Equal(earlier.Id, Manifest()[0].GetProperty("prediction_id").GetString());
        Assert.Contains("cost 0.01 USD", run.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_cut_off_while_submitting_is_found_in_the_history_and_one_not_found_is_left_alone_unless_asked()
    {
        var earlier = await _client.SubmitAsync("A fox");
        var cutOffAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        await SeedJournalAsync(
            new PhotonBatchJournalEntry("1", PhotonBatchItemState.Submitting) { SubmittingAt = cutOffAt, SpentUsd = 0.005m },
            new PhotonBatchJournalEntry("2", PhotonBatchItemState.Submitting) { SubmittingAt = cutOffAt, SpentUsd = 0.005m });

        var run = await Run(["batch", "prompts.txt"]);
        var resubmitted = await Run(["batch", "prompts.txt", "--resubmit-uncertain"]);

        AssertExit(run, ExitCodes.SomeBatchPromptsFailed);
        Assert.Contains("resuming: 0 done, 0 waiting on ids, 2 uncertain, 0 to go", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(earlier.Id, Manifest()[0].GetProperty("prediction_id").GetString());
        Assert.Equal("saved", Manifest()[0].GetProperty("status").GetString());
        Assert.Contains("rerun with --resubmit-uncertain", run.Stderr, StringComparison.Ordinal);
        AssertExit(resubmitted, ExitCodes.Success);
        Assert.Equal(2, _emulator.PredictionsCreated);
        Assert.Equal("saved", Manifest()[1].GetProperty("status").GetString());
    }

    /// <summary>Writes the journal an earlier run of <c>photon batch prompts.txt</c> would have left.</summary>
    private async Task SeedJournalAsync(params PhotonBatchJournalEntry[] entries)
    {
        var folder = Directory.CreateDirectory(_cli.BatchFolder("prompts.txt")).FullName;
        await using var journal = new SqliteBatchJournal(Path.Combine(folder, BatchCommand.JournalFileName));
        await PhotonBatch.OpenAsync(_client, [new PhotonBatchItem("1", "A fox"), new PhotonBatchItem("2", "A hare")], new PhotonBatchOptions { Journal = journal });
        foreach (var entry in entries) await journal.WriteAsync(entry with { ModelId = "luma/photon-flash", UpdatedAt = DateTimeOffset.UtcNow });
    }

    private Task<CliResult> Run(string[] args) => _cli.RunAsync(args, apiKey: Key, baseUrl: _emulator.BaseUrl.ToString());

    private List<JsonElement> Manifest() =>
        File.ReadAllLines(Path.Combine(_cli.BatchFolder("prompts.txt"), "manifest.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();

    public void Dispose() => _cli.Dispose();
}
