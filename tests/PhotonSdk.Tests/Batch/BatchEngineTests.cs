using System.Text.Json;
using PhotonSdk.Batch;

namespace PhotonSdk.Tests.Batch;

/// <summary>The engine's order of acts, its identity checks, its fatal stops and its reading of the history, with a scripted client.</summary>
public sealed class BatchEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly ScriptedBatchClient _client = new();
    private readonly LoggingJournal _journal;

    public BatchEngineTests() => _journal = new LoggingJournal(_client.Log);

    [Fact]
    public async Task The_journal_hears_of_each_act_before_it_happens()
    {
        var results = await RunAsync([new PhotonBatchItem("a", "A red fox")]);

        Assert.Equal(PhotonBatchOutcome.Completed, Assert.Single(results).Outcome);
        Assert.Equal(
            ["journal a Submitting", "submit A red fox", "journal a Submitted pred-001", "wait pred-001", "journal a Completed pred-001"],
            _client.Log);
    }

    [Fact]
    public async Task A_journal_that_cannot_be_written_stops_the_run_and_the_results_still_carry_the_id()
    {
        _journal.FailWrite = 2;
        var results = new List<PhotonBatchResult>();
        var batch = await OpenAsync([new PhotonBatchItem("a", "A red fox"), new PhotonBatchItem("b", "A grey wolf")], concurrency: 1);

        var error = await Assert.ThrowsAsync<PhotonBatchJournalException>(async () =>
        {
            await foreach (var result in batch.RunAsync()) results.Add(result);
        });

        var stopped = Assert.Single(results);
        Assert.Equal(PhotonBatchOutcome.Cancelled, stopped.Outcome);
        Assert.Equal("pred-001", stopped.PredictionId);
        Assert.Contains("the only record of the prediction id", stopped.Error, StringComparison.Ordinal);
        Assert.Equal(PhotonBatchJournalProblem.Unwritable, error.Problem);
        // Nothing more was submitted, nor waited on.
        Assert.Equal(["journal a Submitting", "submit A red fox", "journal a Submitted FAILED"], [.. _client.Log.Select(l => l.Replace(" pred-001", "", StringComparison.Ordinal))]);
    }

    [Fact]
    public async Task A_refused_api_key_stops_the_batch_and_the_item_stays_pending()
    {
        _client.SubmitFails = _ => new PhotonAuthenticationException("Submitting failed with HTTP 401.") { StatusCode = 401 };
        var results = new List<PhotonBatchResult>();
        var batch = await OpenAsync([new PhotonBatchItem("a", "A red fox"), new PhotonBatchItem("b", "A grey wolf")], concurrency: 1);

        await Assert.ThrowsAsync<PhotonAuthenticationException>(async () =>
        {
            await foreach (var result in batch.RunAsync()) results.Add(result);
        });

        Assert.Equal(PhotonBatchOutcome.Failed, Assert.Single(results).Outcome);
        Assert.Single(_client.Log, l => l.StartsWith("submit", StringComparison.Ordinal));
        Assert.Equal(PhotonBatchItemState.Pending, Assert.Single(_journal.Inner.Entries).State);
        Assert.Equal(0m, _journal.Inner.Entries.Single().SpentUsd);
    }

    [Fact]
    public async Task A_submit_refused_for_its_input_fails_the_item_and_gives_the_price_back()
    {
        _client.SubmitFails = p => p.Contains("bad", StringComparison.Ordinal) ? new PhotonInvalidRequestException("HTTP 400: prompt refused.") { StatusCode = 400 } : null;
        var options = new PhotonBatchOptions { MaxCostUsd = 0.005m };

        var results = await RunAsync([new PhotonBatchItem("a", "A bad prompt"), new PhotonBatchItem("b", "A good prompt")], options);

        Assert.Equal(PhotonBatchOutcome.Failed, results.Single(r => r.Key == "a").Outcome);
        Assert.Equal(PhotonBatchOutcome.Completed, results.Single(r => r.Key == "b").Outcome);
        Assert.Equal(PhotonBatchItemState.Failed, _journal.Inner.Entries.Single(e => e.Key == "a").State);
    }

    [Fact]
    public async Task Opening_refuses_duplicate_keys_and_unknown_models_naming_the_item_and_sends_nothing()
    {
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() =>
            PhotonBatch.OpenAsync(_client, [new PhotonBatchItem("a", "x"), new PhotonBatchItem("a", "y")]));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() =>
            PhotonBatch.OpenAsync(_client, [new PhotonBatchItem("line-3", "x") { Model = "dall-e" }]));

        Assert.Contains("Two items have the key 'a'", duplicate.Message, StringComparison.Ordinal);
        Assert.StartsWith("Item 'line-3': Unknown model 'dall-e'", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(_client.Log);
    }

    [Fact]
    public async Task The_batch_identity_follows_keys_prompts_models_and_order()
    {
        PhotonBatchItem[] items = [new("a", "A red fox"), new("b", "A grey wolf")];
        var same = await IdAsync([new("a", "A red fox"), new("b", "A grey wolf") { Model = "flash" }]);

        Assert.Equal(await IdAsync(items), same);
        Assert.NotEqual(await IdAsync(items), await IdAsync([items[1], items[0]]));
        Assert.NotEqual(await IdAsync(items), await IdAsync([items[0], new("b", "A grey wolf") { Quality = PhotonQuality.Final }]));
        Assert.NotEqual(await IdAsync(items), await IdAsync([items[0], new("b", "A grey wolf.")]));
        Assert.NotEqual(await IdAsync(items), await IdAsync([items[0]]));
    }

    [Fact]
    public async Task Without_an_echoed_input_a_history_match_is_taken_only_when_it_is_unambiguous()
    {
        var flash = PhotonModels.PhotonFlash.Id;
        PhotonBatchItem[] items = [new("early", "A red fox"), new("late-1", "A grey wolf"), new("late-2", "A brown bear")];
        // Cut off about to submit: "early" alone at 09:00; "late-1" and "late-2" a second apart at 11:00.
        await SeedAsync(items, ("early", Now.AddHours(-3)), ("late-1", Now.AddHours(-1)), ("late-2", Now.AddHours(-1).AddSeconds(1)));
        _client.History.Add(PhotonModelFactory.PredictionSummary("hist-early", flash, PredictionStatus.Completed, Now.AddHours(-3).AddSeconds(2)));
        _client.History.Add(PhotonModelFactory.PredictionSummary("hist-late", flash, PredictionStatus.Completed, Now.AddHours(-1).AddSeconds(2)));

        var results = await RunAsync(items);

        Assert.Equal("hist-early", results.Single(r => r.Key == "early").PredictionId);
        Assert.Equal(PhotonBatchOutcome.Completed, results.Single(r => r.Key == "early").Outcome);
        Assert.All(results.Where(r => r.Key.StartsWith("late", StringComparison.Ordinal)), r =>
        {
            Assert.Equal(PhotonBatchOutcome.Uncertain, r.Outcome);
            Assert.Contains("do not echo their input", r.Error, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(_client.Log, l => l.StartsWith("submit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_echoed_input_the_prompt_tells_predictions_apart()
    {
        var flash = PhotonModels.PhotonFlash.Id;
        PhotonBatchItem[] items = [new("wolf", "A grey wolf"), new("bear", "A brown bear"), new("owl", "A snowy owl")];
        var at = Now.AddMinutes(-30);
        await SeedAsync(items, ("wolf", at), ("bear", at), ("owl", at));
        _client.History.Add(PhotonModelFactory.PredictionSummary("hist-bear", flash, PredictionStatus.Completed, at.AddSeconds(1), input: Input("A brown bear")));
        _client.History.Add(PhotonModelFactory.PredictionSummary("hist-wolf", flash, PredictionStatus.Completed, at.AddSeconds(1), input: Input("A grey wolf")));
        _client.History.Add(PhotonModelFactory.PredictionSummary("hist-other", flash, PredictionStatus.Completed, at.AddSeconds(1), input: Input("Someone else's cat")));

        var results = await RunAsync(items);

        Assert.Equal("hist-wolf", results.Single(r => r.Key == "wolf").PredictionId);
        Assert.Equal("hist-bear", results.Single(r => r.Key == "bear").PredictionId);
        Assert.Equal(PhotonBatchOutcome.Uncertain, results.Single(r => r.Key == "owl").Outcome);
        Assert.DoesNotContain(_client.Log, l => l.StartsWith("submit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_batch_id_is_a_sha256_of_every_items_length_prefixed_fields_however_long_they_are()
    {
        var longPrompt = string.Concat(Enumerable.Repeat("Ünïcödé fox, ", 3_000));
        PhotonBatchItem[] items =
        [
            new("a", "A red fox"),
            new("b", longPrompt) { Quality = PhotonQuality.Final },
            new("c", "The same fox at night") { InputImage = new Uri("https://example.com/fox.png") },
            .. Enumerable.Range(0, 5_000).Select(i => new PhotonBatchItem($"k{i}", $"prompt {i}")),
        ];

        // Written out field by field, as a journal made by any earlier version of the engine recorded it.
        using var expected = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Field(string text)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            expected.AppendData(BitConverter.GetBytes(bytes.Length));
            expected.AppendData(bytes);
        }

        Field("photon-batch/1");
        foreach (var item in items)
        {
            Field(item.Key);
            Field(item.Prompt);
            Field(item.Key switch { "b" => "luma/photon", "c" => "luma/photon-flash-modify", _ => "luma/photon-flash" });
            Field(item.InputImage?.AbsoluteUri ?? "");
        }

        Assert.True(BitConverter.IsLittleEndian);
        Assert.Equal(Convert.ToHexStringLower(expected.GetHashAndReset()), await IdAsync(items));
    }

    private static JsonElement Input(string prompt) => JsonSerializer.SerializeToElement(new { prompt });

    [Fact]
    public async Task The_plan_prices_what_is_left_to_submit_and_uncertain_items_only_when_they_will_be_resubmitted()
    {
        PhotonBatchItem[] items = [new("a", "A red fox") { Model = "photon" }, new("b", "A grey wolf") { Model = "photon" }, new("c", "A hare")];
        await SeedAsync(items, ("a", Now.AddMinutes(-1)));

        var leftAlone = await OpenAsync(items);
        var resubmitted = await OpenAsync(items, new PhotonBatchOptions { ResubmitUncertain = true });

        Assert.Equal(PhotonModels.Photon.PricePerImageUsd + PhotonModels.PhotonFlash.PricePerImageUsd, leftAlone.Plan.CostToGoUsd);
        Assert.Equal((2 * PhotonModels.Photon.PricePerImageUsd) + PhotonModels.PhotonFlash.PricePerImageUsd, resubmitted.Plan.CostToGoUsd);
    }

    [Fact]
    public async Task In_flight_counts_the_items_holding_a_slot_and_is_zero_before_and_after()
    {
        var bothWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        _client.BeforeWait = _ =>
        {
            if (Interlocked.Increment(ref waiting) == 2) bothWaiting.SetResult();
            return release.Task;
        };
        var batch = await OpenAsync([new PhotonBatchItem("a", "A red fox"), new PhotonBatchItem("b", "A grey wolf"), new PhotonBatchItem("c", "A hare")], concurrency: 2);
        var before = batch.InFlight;

        var run = Task.Run(async () =>
        {
            var results = new List<PhotonBatchResult>();
            await foreach (var result in batch.RunAsync()) results.Add(result);
            return results;
        });
        await bothWaiting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var during = batch.InFlight;
        release.SetResult();
        var results = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, before);
        Assert.Equal(2, during);
        Assert.Equal(3, results.Count);
        Assert.Equal(0, batch.InFlight);
    }

    private async Task<string> IdAsync(PhotonBatchItem[] items) => (await PhotonBatch.OpenAsync(_client, items)).Descriptor.Id;

    private async Task SeedAsync(PhotonBatchItem[] items, params (string Key, DateTimeOffset At)[] submitting)
    {
        await _journal.OpenAsync((await PhotonBatch.OpenAsync(_client, items)).Descriptor);
        foreach (var (key, at) in submitting)
        {
            await _journal.Inner.WriteAsync(new PhotonBatchJournalEntry(key, PhotonBatchItemState.Submitting)
            {
                SubmittingAt = at, ModelId = PhotonModels.PhotonFlash.Id, SpentUsd = 0.005m, UpdatedAt = at,
            });
        }
    }

    private Task<PhotonBatch> OpenAsync(PhotonBatchItem[] items, PhotonBatchOptions? options = null, int concurrency = 4)
    {
        options ??= new PhotonBatchOptions();
        options.Journal = _journal;
        options.MaxConcurrency = concurrency;
        options.TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        return PhotonBatch.OpenAsync(_client, items, options);
    }

    private async Task<List<PhotonBatchResult>> RunAsync(PhotonBatchItem[] items, PhotonBatchOptions? options = null)
    {
        var batch = await OpenAsync(items, options);
        var results = new List<PhotonBatchResult>();
        await foreach (var result in batch.RunAsync()) results.Add(result);
        return results;
    }
}
