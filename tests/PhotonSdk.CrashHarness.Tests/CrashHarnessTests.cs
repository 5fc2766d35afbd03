using Xunit.Abstractions;

namespace PhotonSdk.CrashHarness.Tests;

/// <summary>
/// <c>photon batch</c>, killed (SIGKILL) and interrupted (SIGINT) at seeded points while the emulator injects faults, then
/// run again until it finishes: no paid image is lost, nothing is made twice, and spending stays under the cap.
/// </summary>
public sealed class CrashHarnessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killed_and_rerun_every_prompt_has_one_image_or_is_uncertain_nothing_is_lost_and_the_cap_holds()
    {
        CrashScenario[] scenarios =
        [
            new(seed: 1, prompts: 120, maxCost: null, kills: 9, output.WriteLine),
            new(seed: 2, prompts: 120, maxCost: null, kills: 9, output.WriteLine),
            new(seed: 3, prompts: 120, maxCost: 0.3m, kills: 9, output.WriteLine),
            new(seed: 4, prompts: 120, maxCost: null, kills: 9, output.WriteLine),
        ];
        var outcomes = new List<ScenarioOutcome>();
        foreach (var scenario in scenarios) outcomes.Add(await scenario.RunAsync());

        output.WriteLine(ScenarioOutcome.Header);
        foreach (var outcome in outcomes) output.WriteLine(outcome.ToString());

        Assert.True(outcomes.Sum(o => o.Kills) >= 20, $"only {outcomes.Sum(o => o.Kills)} SIGKILLs landed");
        Assert.True(outcomes.Sum(o => o.KillsBetweenAnswerAndJournal) >= 1, "no kill landed between a submit's answer and its journal write");
        Assert.True(outcomes.Sum(o => o.Interrupts) >= 1, "no SIGINT landed");
        foreach (var outcome in outcomes) Judge(outcome);
    }

    private static void Judge(ScenarioOutcome outcome)
    {
        var context = $"seed {outcome.Seed}; last run said:\n{outcome.FinalOutput}";
        Assert.True(outcome.FinalExitCode is 0 or 11, context);
        Assert.All(outcome.InterruptExitCodes, code => Assert.True(code is 130 or 0 or 11, $"SIGINT ended a run with {code}; {context}"));
        Assert.True(outcome.ManifestAfterEveryInterrupt, $"a run stopped by SIGINT left no manifest; {context}");

        // Every prompt has exactly one image, or is reported uncertain (or, under a cap, skipped with nothing sent).
        Assert.Equal(outcome.Prompts, outcome.Rows.Count);
        var allowed = outcome.MaxCost is null ? new[] { "saved", "uncertain" } : ["saved", "uncertain", "skipped_by_budget"];
        Assert.All(outcome.Rows, row => Assert.Contains(row.Status, allowed));
        Assert.Equal(outcome.Rows.Where(r => r.Status == "saved").Select(r => r.File!).Order(StringComparer.Ordinal), outcome.ImageFiles);
        Assert.Equal(outcome.Saved, outcome.FilesMatchingTheirPrediction);

        // The emulator made one prediction per saved prompt, at most one per uncertain one, none for a skipped one.
        foreach (var row in outcome.Rows)
        {
            var made = outcome.Predictions.Where(p => p.Prompt == row.Prompt).Select(p => p.Id).ToList();
            switch (row.Status)
            {
                case "saved": Assert.Equal([row.PredictionId!], made); break;
                case "uncertain": Assert.True(made.Count <= 1, $"{row.Key}: {made.Count} predictions; {context}"); break;
                default: Assert.Empty(made); break;
            }
        }

        Assert.Equal(0, outcome.Duplicates);
        Assert.Equal(0, outcome.Lost);
        if (outcome.MaxCost is { } cap) Assert.True(outcome.SpentUsd <= cap, $"spent {outcome.SpentUsd} over the cap {cap}");

        // Asked to, the uncertain rows are submitted again: each prompt then has exactly one prediction and one image.
        if (outcome.RowsAfterResubmit is { } after)
        {
            Assert.Equal(0, outcome.ResubmitExitCode);
            Assert.All(after, row => Assert.Equal("saved", row.Status));
            Assert.All(outcome.PredictionsAfterResubmit!.GroupBy(p => p.Prompt), g => Assert.Single(g));
        }
    }
}
