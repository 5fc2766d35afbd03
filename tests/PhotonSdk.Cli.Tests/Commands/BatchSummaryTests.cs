using PhotonSdk.Cli.Commands;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Hosting;
using PhotonSdk.Cli.Output;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary>The batch summary's cost is what was billed, images that could not be saved included.</summary>
public sealed class BatchSummaryTests
{
    [Fact]
    public async Task A_billed_image_that_could_not_be_saved_counts_in_the_cost()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CommandContext(new Terminal(stdout, stderr, isInteractive: false), new CliEnvironment { WorkingDirectory = Path.GetTempPath() });
        var notSaved = Failure.From(new PhotonImageSaveException("not saved", null, "out/") { PredictionId = "p2" });
        BatchOutcome[] outcomes =
        [
            new(new BatchPrompt(1, "A fox"), "out/p1.png", 0.005m, null),
            new(new BatchPrompt(2, "A hare"), null, 0.005m, notSaved),
            new(new BatchPrompt(3, "A forbidden owl"), null, null, Failure.From(new PhotonContentModerationException("moderated"))),
        ];

        await BatchSummaryWriter.WriteAsync(context, 3, outcomes, TimeSpan.FromSeconds(2), Path.Combine(Path.GetTempPath(), "out"));

        var summary = stdout.ToString().Split('\n')[0];
        Assert.StartsWith("3 prompts: 1 succeeded, 2 failed in ", summary, StringComparison.Ordinal);
        Assert.Contains("cost 0.01 USD", summary, StringComparison.Ordinal);
        Assert.Contains("photon get p2 --out out/", stdout.ToString().ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
