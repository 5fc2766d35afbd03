using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PhotonSdk.Emulator;

namespace PhotonSdk.CrashHarness.Tests;

/// <summary>
/// One seeded scenario: an emulator with faults (5xx whose submits were kept, dropped connections, 429 storms, slow
/// answers), a file of prompts, and <c>photon batch</c> on it killed at a seeded list of points, then run again until
/// it finishes. What it leaves — the manifest, the files, the emulator's predictions and balance — is gathered for the
/// test to judge.
/// </summary>
public sealed class CrashScenario
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private const int MaxFinishingRuns = 6;
    private const decimal InitialBalance = 100m;

    private readonly int _seed;
    private readonly int _prompts;
    private readonly decimal? _maxCost;
    private readonly int _kills;
    private readonly Action<string> _log;

    /// <param name="kills">How many SIGKILLs to land (SIGINTs come on top); fewer when the batch finishes first.</param>
    public CrashScenario(int seed, int prompts, decimal? maxCost, int kills, Action<string> log)
    {
        _seed = seed;
        _prompts = prompts;
        _maxCost = maxCost;
        _kills = kills;
        _log = log;
    }

    public async Task<ScenarioOutcome> RunAsync()
    {
        var killSwitch = new KillSwitch();
        var options = new EmulatorOptions { Seed = _seed, LatencyScale = 0.02, LatencyJitter = 0.2, InitialBalance = InitialBalance, OnRequest = killSwitch.Observe };
        options.Faults.ServerErrorRate = 0.04;
        options.Faults.ServerErrorKeepsSubmission = true;
        options.Faults.ConnectionResetRate = 0.03;
        options.Faults.RateLimitedRate = 0.05;
        options.Faults.RateLimitedRetryAfter = TimeSpan.FromSeconds(1);
        options.Faults.SlowResponseRate = 0.05;
        options.Faults.SlowResponseDelay = TimeSpan.FromMilliseconds(300);
        await using var emulator = await WaveSpeedEmulator.StartAsync(options);

        var work = Directory.CreateTempSubdirectory("photon-crash-").FullName;
        try
        {
            var prompts = Enumerable.Range(1, _prompts).Select(i => $"Scenario {_seed}, image {i}: a lighthouse on a cliff at dusk").ToList();
            await File.WriteAllLinesAsync(Path.Combine(work, "prompts.txt"), prompts);
            List<string> arguments = ["batch", "prompts.txt", "--out", "out", "--concurrency", "6", "--yes"];
            if (_maxCost is { } cap) arguments.AddRange(["--max-cost", cap.ToString(CultureInfo.InvariantCulture)]);
            var outcome = new ScenarioOutcome(_seed, _prompts, _maxCost);

            var random = new Random(_seed);
            var journal = Path.Combine(work, "out", "batch.photon-journal");
            while (outcome.Kills < _kills)
            {
                var point = NextKillPoint(random, JournalStates(journal));
                using var run = PhotonRun.Start(work, arguments, emulator.BaseUrl);
                killSwitch.Arm(point, run.Process);
                var exit = await run.WaitAsync(RunTimeout);
                killSwitch.Disarm();
                outcome.Runs++;
                if (!killSwitch.Fired)
                {
                    // The batch finished before the point came: nothing is left to cut off.
                    _log($"seed {_seed}: {point} not reached; the run ended with {exit}");
                    break;
                }

                var states = JournalStates(journal);
                if (point.Interrupt)
                {
                    outcome.Interrupts++;
                    outcome.InterruptExitCodes.Add(exit);
                    outcome.ManifestAfterEveryInterrupt &= File.Exists(Path.Combine(work, "out", "manifest.jsonl"));
                }
                else
                {
                    outcome.Kills++;
                    if (point.Event == KillEvent.SubmitAnswered && states.GetValueOrDefault("Submitting") > 0) outcome.KillsBetweenAnswerAndJournal++;
                }

                _log($"seed {_seed}: {point} -> exit {exit}; journal {string.Join(", ", states.Select(s => $"{s.Key}={s.Value}"))}");
            }

            for (var i = 0; i < MaxFinishingRuns; i++)
            {
                using var run = PhotonRun.Start(work, arguments, emulator.BaseUrl);
                var exit = await run.WaitAsync(RunTimeout);
                outcome.Runs++;
                outcome.FinalExitCode = exit;
                outcome.FinalOutput = run.Output;
                if (exit == 0 || (exit == 11 && Manifest(work).All(r => r.Status is "saved" or "uncertain" or "skipped_by_budget"))) break;
            }

            outcome.Rows = Manifest(work);
            outcome.ImageFiles = Directory.GetFiles(Path.Combine(work, "out"), "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;
            using (var client = new PhotonClient(new PhotonClientOptions { ApiKey = "crash-harness", BaseUrl = emulator.BaseUrl }))
            {
                outcome.Predictions = await PredictionsAsync(client);
                outcome.SpentUsd = InitialBalance - await client.GetBalanceAsync();
                using var http = new HttpClient();
                foreach (var row in outcome.Rows.Where(r => r.Status == "saved"))
                {
                    var served = await http.GetByteArrayAsync(row.Url);
                    var saved = await File.ReadAllBytesAsync(Path.Combine(work, "out", row.File!));
                    if (served.AsSpan().SequenceEqual(saved)) outcome.FilesMatchingTheirPrediction++;
                }
            }

            // Rows still uncertain: submitted again on request, to show whether a prediction had existed for them. The
            // faults go on, so a resubmit can itself be cut off and leave its row uncertain again: asked again until
            // none is (a row whose resubmit did create a prediction must then be found, not submitted a third time).
            if (_maxCost is null && outcome.Rows.Any(r => r.Status == "uncertain"))
            {
                for (var i = 0; i < MaxFinishingRuns; i++)
                {
                    using var run = PhotonRun.Start(work, [.. arguments, "--resubmit-uncertain"], emulator.BaseUrl);
                    outcome.ResubmitExitCode = await run.WaitAsync(RunTimeout);
                    outcome.Runs++;
                    _log($"seed {_seed}: --resubmit-uncertain -> exit {outcome.ResubmitExitCode}");
                    if (outcome.ResubmitExitCode == 0) break;
                }

                using var client = new PhotonClient(new PhotonClientOptions { ApiKey = "crash-harness", BaseUrl = emulator.BaseUrl });
                outcome.PredictionsAfterResubmit = await PredictionsAsync(client);
                outcome.RowsAfterResubmit = Manifest(work);
            }

            return outcome;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The next seeded kill point: mostly right after a submit's answer, the window a journal exists for; a history
    /// answer only when the journal holds rows a run would look for in the history.
    /// </summary>
    private static KillPoint NextKillPoint(Random random, Dictionary<string, int> journal)
    {
        KillEvent[] events = [KillEvent.SubmitAnswered, KillEvent.SubmitAnswered, KillEvent.SubmitArrived, KillEvent.ResultAnswered, KillEvent.OutputServed, KillEvent.HistoryAnswered];
        var kind = events[random.Next(events.Length)];
        if (kind == KillEvent.HistoryAnswered && journal.GetValueOrDefault("submitting") + journal.GetValueOrDefault("uncertain") == 0) kind = KillEvent.SubmitAnswered;
        return new KillPoint(kind, random.Next(1, 5), Interrupt: random.NextDouble() < 0.2);
    }

    private static Dictionary<string, int> JournalStates(string path)
    {
        var states = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return states;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, count(*) FROM photon_batch_item GROUP BY state ORDER BY state";
        using var reader = command.ExecuteReader();
        while (reader.Read()) states[reader.GetString(0)] = reader.GetInt32(1);
        return states;
    }

    private static List<ManifestRow> Manifest(string work)
    {
        var path = Path.Combine(work, "out", "manifest.jsonl");
        if (!File.Exists(path)) return [];
        return File.ReadAllLines(path).Select(line =>
        {
            using var row = JsonDocument.Parse(line);
            var root = row.RootElement;
            return new ManifestRow(
                root.GetProperty("key").GetString()!, root.GetProperty("prompt").GetString()!, root.GetProperty("status").GetString()!,
                root.GetProperty("prediction_id").GetString(), root.GetProperty("file").GetString(), root.GetProperty("url").GetString());
        }).ToList();
    }

    private static async Task<List<(string Id, string? Prompt)>> PredictionsAsync(PhotonClient client)
    {
        var all = new List<(string, string?)>();
        for (var page = 1; ; page++)
        {
            var items = (await client.GetHistoryAsync(new PredictionHistoryQuery { Page = page, PageSize = 100 })).Items;
            all.AddRange(items.Select(p => (p.Id, p.Prompt)));
            if (items.Count < 100) return all;
        }
    }
}
