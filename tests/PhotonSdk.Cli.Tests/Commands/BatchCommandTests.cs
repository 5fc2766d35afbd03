using System.Text.Json;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;
using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary>
/// <c>photon batch</c> against one emulator for every run of a test, so that what it created is counted across runs.
/// </summary>
public sealed class BatchCommandTests : IAsyncLifetime, IDisposable
{
    private const string Key = "test-key";
    private readonly CliRunner _cli = new();
    private WaveSpeedEmulator _emulator = null!;

    /// <summary>Prompts with "forbidden" in them are moderated, as the real service would refuse some.</summary>
    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { LatencyScale = 0 };
        options.Faults.ModerationWords.Add("forbidden");
        _emulator = await WaveSpeedEmulator.StartAsync(options);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Every_prompt_becomes_a_png_named_after_its_line_and_words_and_comments_are_skipped()
    {
        _cli.WriteFile("prompts.txt", "# city scenes\nA tram at night\n\n   \nA harbour at dawn\n# done\nA rooftop garden\n");

        var run = await Run(["batch", "prompts.txt", "--concurrency", "2"]);

        AssertExit(run, ExitCodes.Success);
        var folder = _cli.BatchFolder("prompts.txt");
        Assert.Equal(["2-a-tram-at-night.png", "5-a-harbour-at-dawn.png", "7-a-rooftop-garden.png"], _cli.SavedImages().Select(Path.GetFileName));
        Assert.All(_cli.SavedImages(), image => Assert.True(Images.IsPng(image), image));
        Assert.All(_cli.SavedImages(), image => Assert.Equal(folder, Path.GetDirectoryName(image)));
        Assert.StartsWith("3 prompts: 3 saved, 0 failed in ", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("cost 0.015 USD", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains($"line 2: saved {Path.Combine("photon-output", "prompts", "2-a-tram-at-night.png")}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task The_manifest_has_every_row_in_file_order_with_its_id_file_cost_and_status()
    {
        _cli.WriteFile("prompts.txt", "A quiet lake\nA forbidden temple\nA mountain hut\n");

        var run = await Run(["batch", "prompts.txt", "--model", "photon"]);

        AssertExit(run, ExitCodes.SomeBatchPromptsFailed);
        var rows = Manifest("prompts.txt");
        Assert.Equal(["1", "2", "3"], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(["saved", "failed", "saved"], rows.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("A forbidden temple", rows[1].GetProperty("prompt").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("file").ValueKind);
        Assert.Contains("moderation", rows[1].GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        foreach (var row in new[] { rows[0], rows[2] })
        {
            Assert.Equal("luma/photon", row.GetProperty("model").GetString());
            Assert.Equal(0.015m, row.GetProperty("cost_usd").GetDecimal());
            Assert.True(File.Exists(Path.Combine(_cli.BatchFolder("prompts.txt"), row.GetProperty("file").GetString()!)));
            Assert.Matches("^[0-9a-f]{16,}$", row.GetProperty("prediction_id").GetString());
        }

        Assert.StartsWith("3 prompts: 2 saved, 1 failed in ", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("cost 0.03 USD", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("line 2: failed: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Prompts without an image", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contact_sheet_shows_each_image_with_its_prompt_and_encodes_what_the_file_says()
    {
        _cli.WriteFile("prompts.txt", "A <script>alert(1)</script> fox & hare\nA forbidden door\n");

        await Run(["batch", "prompts.txt"]);

        var html = await File.ReadAllTextAsync(Path.Combine(_cli.BatchFolder("prompts.txt"), "index.html"));
        Assert.Contains("<img loading=\"lazy\" src=\"1-a-script-alert-1-script-fox-hare.png\"", html, StringComparison.Ordinal);
        Assert.Contains("A &lt;script&gt;alert(1)&lt;/script&gt; fox &amp; hare", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("A forbidden door", html, StringComparison.Ordinal);
        Assert.Contains("class=\"card problem\"", html, StringComparison.Ordinal);
        Assert.Contains("0.005 USD", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_it_again_resumes_and_submits_only_what_is_left()
    {
        _cli.WriteFile("prompts.txt", "A fox\nA hare\nA lynx\nA stoat\n");

        var capped = await Run(["batch", "prompts.txt", "--max-cost", "0.01", "--concurrency", "1"]);
        var resumed = await Run(["batch", "prompts.txt", "--max-cost", "1"]);
        var again = await Run(["batch", "prompts.txt"]);

        AssertExit(capped, ExitCodes.SomeBatchPromptsFailed);
        Assert.Contains("2 skipped by --max-cost", capped.StdoutLines[0], StringComparison.Ordinal);
        AssertExit(resumed, ExitCodes.Success);
        Assert.Contains("resuming: 2 done, 0 waiting on ids, 0 uncertain, 2 to go", resumed.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("4 prompts: 4 saved (2 by an earlier run), 0 failed", resumed.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("cost 0.02 USD", resumed.StdoutLines[0], StringComparison.Ordinal);
        AssertExit(again, ExitCodes.Success);
        Assert.Contains("resuming: 4 done", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, _emulator.PredictionsCreated);
        Assert.Equal(4, _cli.SavedImages().Length);
        Assert.All(Manifest("prompts.txt"), row => Assert.Equal("saved", row.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Max_cost_counts_what_earlier_runs_spent()
    {
        _cli.WriteFile("prompts.txt", "A fox\nA hare\nA lynx\n");

        await Run(["batch", "prompts.txt", "--max-cost", "0.005"]);
        var second = await Run(["batch", "prompts.txt", "--max-cost", "0.01"]);

        AssertExit(second, ExitCodes.SomeBatchPromptsFailed);
        Assert.Equal(2, _emulator.PredictionsCreated);
        Assert.Contains("1 skipped by --max-cost", second.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_file_is_refused_against_the_old_journal_and_nothing_is_sent()
    {
        _cli.WriteFile("prompts.txt", "A fox\nA hare\n");
        await Run(["batch", "prompts.txt"]);
        _cli.WriteFile("prompts.txt", "A fox\nA hare in the snow\n");

        var run = await Run(["batch", "prompts.txt"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains($"{Path.Combine("photon-output", "prompts", "batch.photon-journal")} records another batch", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was submitted", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task An_existing_file_with_the_same_name_is_kept_and_the_image_takes_the_next_name()
    {
        _cli.WriteFile("prompts.txt", "A fox\n");
        var folder = Directory.CreateDirectory(_cli.BatchFolder("prompts.txt")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "1-a-fox.png"), "somebody else's file");

        var run = await Run(["batch", "prompts.txt"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Equal("somebody else's file", await File.ReadAllTextAsync(Path.Combine(folder, "1-a-fox.png")));
        Assert.True(Images.IsPng(Path.Combine(folder, "1-a-fox-2.png")));
        Assert.Equal("1-a-fox-2.png", Manifest("prompts.txt")[0].GetProperty("file").GetString());
    }

    [Fact]
    public async Task A_billed_image_that_cannot_be_saved_counts_in_the_cost_and_the_next_run_fetches_it_by_id()
    {
        _cli.WriteFile("prompts.txt", "A fox\nA hare\n");
        var folder = Directory.CreateDirectory(_cli.BatchFolder("prompts.txt")).FullName;
        var blocker = Directory.CreateDirectory(Path.Combine(folder, "2-a-hare.png")).FullName;

        var first = await Run(["batch", "prompts.txt"]);
        Directory.Delete(blocker);
        var second = await Run(["batch", "prompts.txt"]);

        AssertExit(first, ExitCodes.SomeBatchPromptsFailed);
        Assert.StartsWith("2 prompts: 1 saved, 0 failed, 1 billed but not saved in ", first.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("cost 0.01 USD", first.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("run the same command again to fetch them by id", first.Stderr, StringComparison.Ordinal);
        var id = Manifest("prompts.txt")[1].GetProperty("prediction_id").GetString();
        AssertExit(second, ExitCodes.Success);
        Assert.Contains("resuming: 1 done, 1 waiting on ids, 0 uncertain, 0 to go", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, _emulator.PredictionsCreated);
        Assert.Equal(id, Manifest("prompts.txt")[1].GetProperty("prediction_id").GetString());
        Assert.True(Images.IsPng(Path.Combine(folder, "2-a-hare.png")));
    }

    [Fact]
    public async Task Csv_rows_carry_their_own_keys_and_models_and_files_are_named_by_key()
    {
        _cli.WriteFile("shots.csv", "key,prompt,model\nfox-01,\"A fox, red, in snow\",photon\nhare-02,A hare,\n\"lynx 03\",\"A lynx said \"\"hi\"\"\",flash\n");

        var run = await Run(["batch", "shots.csv"]);

        AssertExit(run, ExitCodes.Success);
        var rows = Manifest("shots.csv");
        Assert.Equal(["fox-01", "hare-02", "lynx 03"], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(["A fox, red, in snow", "A hare", "A lynx said \"hi\""], rows.Select(r => r.GetProperty("prompt").GetString()));
        Assert.Equal(["luma/photon", "luma/photon-flash", "luma/photon-flash"], rows.Select(r => r.GetProperty("model").GetString()));
        Assert.Equal(["fox-01.png", "hare-02.png", "lynx-03.png"], rows.Select(r => r.GetProperty("file").GetString()));
        Assert.Equal([2, 3, 4], rows.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Contains("fox-01 (line 2): saved", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_rows_carry_their_own_keys_and_models()
    {
        _cli.WriteFile("shots.jsonl", "{\"key\": 7, \"prompt\": \"A fox\", \"model\": \"photon\"}\n\n{\"prompt\": \"A hare\"}\n");

        var run = await Run(["batch", "shots.jsonl"]);

        AssertExit(run, ExitCodes.Success);
        var rows = Manifest("shots.jsonl");
        Assert.Equal(["7", "3"], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(["luma/photon", "luma/photon-flash"], rows.Select(r => r.GetProperty("model").GetString()));
        Assert.Equal(["7.png", "3-a-hare.png"], rows.Select(r => r.GetProperty("file").GetString()));
    }

    [Theory]
    [InlineData("shots.csv", "name,model\nA fox,flash\n", "shots.csv, line 1: a CSV batch file starts with a header naming a 'prompt' column")]
    [InlineData("shots.csv", "prompt\nA fox\n\"A hare\n", "shots.csv, line 3: not valid CSV")]
    [InlineData("shots.csv", "prompt,model\nA fox,dall-e\n", "shots.csv, line 2: unknown model 'dall-e'")]
    [InlineData("shots.csv", "key,prompt\na,A fox\na,A hare\n", "shots.csv: lines 2 and 3 have the same key 'a'")]
    [InlineData("shots.jsonl", "{\"prompt\": \"A fox\"}\n{\"prompt\": \"A hare\"\n", "shots.jsonl, line 2: not valid JSON")]
    [InlineData("shots.jsonl", "{\"prompt\": \"A fox\"}\n[\"A hare\"]\n", "shots.jsonl, line 2: each line must be a JSON object")]
    [InlineData("shots.jsonl", "{\"text\": \"A fox\"}\n", "shots.jsonl, line 1: the object has no \"prompt\"")]
    [InlineData("shots.jsonl", "{\"prompt\": 42}\n", "shots.jsonl, line 1: \"prompt\" must be a string (was number)")]
    [InlineData("prompts.txt", "# nothing yet\n\n", "prompts.txt holds no prompts")]
    [InlineData("prompts.txt", "", "prompts.txt holds no prompts")]
    public async Task Bad_input_is_refused_naming_the_file_and_line_and_nothing_is_sent(string name, string contents, string message)
    {
        _cli.WriteFile(name, contents);

        var run = await Run(["batch", name]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was submitted", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.PredictionsCreated);
        Assert.False(Directory.Exists(_cli.OutputFolder));
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var run = await Run(["batch", "no-such-file.txt"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("no-such-file.txt", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_count_cost_and_time_at_the_tier_and_sends_and_creates_nothing()
    {
        _cli.WriteFile("prompts.txt", string.Join('\n', Enumerable.Range(1, 600).Select(i => $"Prompt number {i}")));

        var run = await Run(["batch", "prompts.txt", "--model", "photon", "--tier", "silver", "--dry-run"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Equal("600 of 600 prompts to submit: estimated cost 9.00 USD, about 1m 12s at Silver (500 images/min)", run.StdoutLines[0]);
        Assert.Equal("Dry run: nothing was sent.", run.StdoutLines[^1]);
        Assert.Equal(0, _emulator.PredictionsCreated);
        Assert.False(Directory.Exists(_cli.OutputFolder));
    }

    [Fact]
    public async Task A_dry_run_after_a_partial_run_estimates_only_what_is_left()
    {
        _cli.WriteFile("prompts.txt", "A fox\nA hare\nA lynx\n");
        await Run(["batch", "prompts.txt", "--max-cost", "0.005"]);

        var run = await Run(["batch", "prompts.txt", "--dry-run"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Contains("resuming: 1 done, 0 waiting on ids, 0 uncertain, 2 to go", run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("2 of 3 prompts to submit: estimated cost 0.01 USD, about bronze 1m 00s, silver 1s", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal(1, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_costly_batch_without_yes_is_refused_when_nobody_can_answer_and_nothing_is_sent()
    {
        _cli.WriteFile("prompts.txt", string.Join('\n', Enumerable.Range(1, 80).Select(i => $"Prompt number {i}")));

        var run = await Run(["batch", "prompts.txt", "--model", "photon"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("This batch may spend up to 1.20 USD, more than the 1.00 USD that needs consent. Nothing was submitted; rerun with --yes", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_costly_batch_asks_and_a_no_sends_nothing()
    {
        _cli.WriteFile("prompts.txt", "A fox\nA hare\n");
        string? asked = null;

        var run = await _cli.RunAsync(["batch", "prompts.txt", "--confirm-above", "0.001"], apiKey: Key, baseUrl: _emulator.BaseUrl.ToString(),
            confirm: question => { asked = question; return false; });

        AssertExit(run, ExitCodes.Cancelled);
        Assert.Equal("This batch may spend up to 0.01 USD, more than 0.001 USD. Go on?", asked);
        Assert.Contains("Nothing was submitted.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task Yes_or_a_cap_under_the_threshold_needs_no_question()
    {
        _cli.WriteFile("prompts.txt", "A fox\nA hare\n");

        var withYes = await Run(["batch", "prompts.txt", "--confirm-above", "0", "--yes", "--out", "a"]);
        var capped = await Run(["batch", "prompts.txt", "--confirm-above", "0.005", "--max-cost", "0.005", "--out", "b"]);

        AssertExit(withYes, ExitCodes.Success);
        AssertExit(capped, ExitCodes.SomeBatchPromptsFailed);
        Assert.Equal(3, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_refused_key_stops_the_batch_with_exit_3_and_counts_what_did_not_run()
    {
        var options = new EmulatorOptions { LatencyScale = 0 };
        options.ApiKeys.Add("the-right-key");
        await using var emulator = await WaveSpeedEmulator.StartAsync(options);
        _cli.WriteFile("prompts.txt", "one\ntwo\nthree\nfour\n");

        var run = await _cli.RunAsync(["batch", "prompts.txt", "--concurrency", "1"], apiKey: "wrong", baseUrl: emulator.BaseUrl.ToString());

        AssertExit(run, ExitCodes.Authentication);
        Assert.StartsWith("4 prompts: 0 saved, 1 failed, 3 not run in ", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Empty(_cli.SavedImages());
    }

    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--concurrency", "10001")]
    [InlineData("--concurrency", "many")]
    [InlineData("--tier", "platinum")]
    [InlineData("--max-cost", "-1")]
    public async Task An_option_out_of_range_is_a_usage_error(string option, string value)
    {
        _cli.WriteFile("prompts.txt", "A tram at night\n");

        var run = await Run(["batch", "prompts.txt", option, value]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.PredictionsCreated);
    }

    private Task<CliResult> Run(string[] args) => _cli.RunAsync(args, apiKey: Key, baseUrl: _emulator.BaseUrl.ToString());

    private List<JsonElement> Manifest(string inputFileName) =>
        File.ReadAllLines(Path.Combine(_cli.BatchFolder(inputFileName), "manifest.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();

    public void Dispose() => _cli.Dispose();
}
