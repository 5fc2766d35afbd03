using System.Globalization;

namespace PhotonSdk.CrashHarness.Tests;

/// <summary>What a crash scenario left behind, and the figures of its line in the harness's table.</summary>
public sealed class ScenarioOutcome(int seed, int prompts, decimal? maxCost)
{
    public int Seed { get; } = seed;

    public int Prompts { get; } = prompts;

    public decimal? MaxCost { get; } = maxCost;

    public int Runs { get; set; }

    public int Kills { get; set; }

    public int Interrupts { get; set; }

    public List<int> InterruptExitCodes { get; } = [];

    public bool ManifestAfterEveryInterrupt { get; set; } = true;

    /// <summary>SIGKILLs right after a submit's answer that left rows "about to submit" in the journal: the id was on the wire, not on disk.</summary>
    public int KillsBetweenAnswerAndJournal { get; set; }

    public int FinalExitCode { get; set; }

    public string FinalOutput { get; set; } = "";

    public List<ManifestRow> Rows { get; set; } = [];

    public List<string> ImageFiles { get; set; } = [];

    public List<(string Id, string? Prompt)> Predictions { get; set; } = [];

    public decimal SpentUsd { get; set; }

    public int FilesMatchingTheirPrediction { get; set; }

    public int? ResubmitExitCode { get; set; }

    public List<(string Id, string? Prompt)>? PredictionsAfterResubmit { get; set; }

    public List<ManifestRow>? RowsAfterResubmit { get; set; }

    public int Saved => Rows.Count(r => r.Status == "saved");

    public int Uncertain => Rows.Count(r => r.Status == "uncertain");

    /// <summary>Predictions beyond one per prompt.</summary>
    public int Duplicates => Predictions.GroupBy(p => p.Prompt).Sum(g => g.Count() - 1);

    /// <summary>Predictions the emulator made (and billed) whose id the manifest does not carry.</summary>
    public int Lost => Predictions.Count(p => !Rows.Any(r => r.PredictionId == p.Id));

    public static string Header =>
        "| seed | prompts | cap USD | runs | SIGKILL | SIGINT | killed between answer and journal | predictions | saved | uncertain | duplicates | lost | spent USD |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"| {Seed} | {Prompts} | {(MaxCost is { } cap ? cap.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | {Runs} | {Kills} | {Interrupts} | {KillsBetweenAnswerAndJournal} | {Predictions.Count} | {Saved} | {Uncertain} | {Duplicates} | {Lost} | {SpentUsd:0.000} |");
}
