using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;
using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Tests.Commands;

public sealed class BatchCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Every_prompt_becomes_a_png_and_comments_and_blank_lines_are_skipped()
    {
        _cli.WriteFile("prompts.txt", "# city scenes\nA tram at night\n\n   \nA harbour at dawn\n# done\nA rooftop garden\n");

        var run = await _cli.RunAsync(["batch", "prompts.txt", "--concurrency", "2"]);

        AssertExit(run, ExitCodes.Success);
        var images = _cli.SavedImages();
        Assert.Equal(3, images.Length);
        Assert.All(images, image => Assert.True(Images.IsPng(image), image));
        Assert.StartsWith("3 prompts: 3 succeeded, 0 failed in ", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("cost 0.015 USD", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("line 2: saved photon-output", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 7: saved photon-output", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_prompts_are_reported_the_rest_go_on_and_the_exit_code_says_some_failed()
    {
        _cli.WriteFile("prompts.txt", "A quiet lake\nA forbidden temple\nA mountain hut\nAnother forbidden door\nA city park\n");

        var run = await _cli.RunAsync(["batch", "prompts.txt", "--model", "photon"], options => options.Faults.ModerationWords.Add("forbidden"));

        AssertExit(run, ExitCodes.SomeBatchPromptsFailed);
        Assert.Equal(3, _cli.SavedImages().Length);
        Assert.StartsWith("5 prompts: 3 succeeded, 2 failed in ", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("cost 0.045 USD", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("line 2: moderation: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 4: moderation: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Prompts without an image", run.Stdout, StringComparison.Ordinal);
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
        Assert.StartsWith("4 prompts: 0 succeeded, 1 failed, 3 not run in ", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Empty(_cli.SavedImages());
    }

    [Fact]
    public async Task A_file_without_prompts_exits_2()
    {
        _cli.WriteFile("prompts.txt", "# nothing yet\n\n");

        var run = await _cli.RunAsync(["batch", "prompts.txt"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("holds no prompts", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var run = await _cli.RunAsync(["batch", "no-such-file.txt"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("no-such-file.txt", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("33")]
    [InlineData("many")]
    public async Task A_concurrency_out_of_range_is_a_usage_error(string concurrency)
    {
        _cli.WriteFile("prompts.txt", "A tram at night\n");

        var run = await _cli.RunAsync(["batch", "prompts.txt", "--concurrency", concurrency]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Empty(_cli.SavedImages());
    }

    public void Dispose() => _cli.Dispose();
}
