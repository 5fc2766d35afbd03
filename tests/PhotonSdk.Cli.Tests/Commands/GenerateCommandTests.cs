using System.Text.Json;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

public sealed class GenerateCommandTests : IDisposable
{
    private const string Prompt = "A cinematic shot of a city at sunset, soft golden light";
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Without_a_key_it_uses_the_emulator_saves_a_png_under_photon_output_and_prints_what_it_did()
    {
        var run = await _cli.RunAsync(["generate", Prompt]);

        AssertExit(run, ExitCodes.Success);
        var image = Assert.Single(_cli.SavedImages());
        Assert.True(Images.IsPng(image), image);
        var id = Path.GetFileNameWithoutExtension(image);
        Assert.Equal($"Saved {Path.Combine("photon-output", id + ".png")}", run.StdoutLines[0]);
        Assert.Contains($"prediction  {id}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("model       luma/photon-flash", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("cost        0.005 USD", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(", total ", Assert.Single(run.StdoutLines, line => line.StartsWith("timings     ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(2, run.StderrLines.Length);
        Assert.Equal($"No WAVESPEED_API_KEY set: using the local WaveSpeed emulator (placeholder images, nothing billed; predictions kept in {Path.Combine(_cli.WorkingDirectory, ".photon", "emulator-state.jsonl")}).", run.StderrLines[0]);
        Assert.Equal($"Submitted prediction {id} (luma/photon-flash); waiting for it.", run.StderrLines[1]);
    }

    [Fact]
    public async Task Json_prints_exactly_one_object_with_the_documented_fields_and_keeps_the_notice_on_stderr()
    {
        var run = await _cli.RunAsync(["generate", Prompt, "--model", "photon", "--json"]);

        AssertExit(run, ExitCodes.Success);
        var line = Assert.Single(run.StdoutLines);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var path = root.GetProperty("path").GetString()!;
        Assert.True(Images.IsPng(path), path);
        Assert.Equal("luma/photon", root.GetProperty("model").GetString());
        var id = root.GetProperty("predictionId").GetString()!;
        Assert.Equal(Path.Combine(_cli.OutputFolder, id + ".png"), path);
        Assert.Equal(0.015m, root.GetProperty("costUsd").GetDecimal());
        Assert.True(root.GetProperty("timings").GetProperty("elapsedMs").GetDouble() > 0);
        Assert.True(root.GetProperty("timings").TryGetProperty("createdAt", out _));
        // The emulator inside the command stops with it, so its URL would not be fetchable: none is printed.
        Assert.Equal(JsonValueKind.Null, root.GetProperty("url").ValueKind);
        Assert.All(run.StderrLines, line => Assert.DoesNotContain("{", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Base64_output_is_decoded_and_saved_to_the_file_given_with_out_and_has_no_url()
    {
        var run = await _cli.RunAsync(["generate", Prompt, "--base64", "--sync", "--out", "images/city.png", "--json"]);

        AssertExit(run, ExitCodes.Success);
        using var json = JsonDocument.Parse(Assert.Single(run.StdoutLines));
        var expected = Path.Combine(_cli.WorkingDirectory, "images", "city.png");
        Assert.Equal(expected, json.RootElement.GetProperty("path").GetString());
        Assert.True(Images.IsPng(expected));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("url").ValueKind);
    }

    [Fact]
    public async Task A_prompt_with_a_moderated_word_exits_5_and_prints_nothing_on_stdout()
    {
        var run = await _cli.RunAsync(["generate", "a forbidden scene", "--json"], options => options.Faults.ModerationWords.Add("forbidden"));

        AssertExit(run, ExitCodes.ContentModeration);
        Assert.Empty(run.Stdout);
        Assert.Contains("content moderation", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_cli.SavedImages());
    }

    [Fact]
    public async Task A_prediction_that_fails_on_the_server_exits_6()
    {
        var run = await _cli.RunAsync(["generate", Prompt], options => options.Faults.FailureRate = 1);

        AssertExit(run, ExitCodes.PredictionFailed);
        Assert.Contains("Error: Prediction ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_answered_with_a_server_error_exits_8_because_the_prediction_may_exist()
    {
        var run = await _cli.RunAsync(["generate", Prompt], options => options.Faults.ServerErrorRate = 1);

        AssertExit(run, ExitCodes.SubmissionUncertain);
        Assert.Contains("photon history", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_prompt_exits_2(string prompt)
    {
        var run = await _cli.RunAsync(["generate", prompt]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("prompt is empty", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_cli.SavedImages());
    }

    [Fact]
    public async Task An_unknown_model_exits_2_before_any_emulator_is_started()
    {
        var run = await _cli.RunAsync(["generate", Prompt, "--model", "dall-e"]);

        AssertExit(run, ExitCodes.InvalidInput);
        var error = Assert.Single(run.StderrLines);
        Assert.Contains("Unknown model 'dall-e'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_prompt_is_a_usage_error_with_exit_2()
    {
        var run = await _cli.RunAsync(["generate"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("photon generate --help", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    public void Dispose() => _cli.Dispose();
}
