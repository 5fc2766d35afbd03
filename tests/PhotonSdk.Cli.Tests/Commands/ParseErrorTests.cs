using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary>Mistakes on the command line are answered in the user's terms: options as typed, no .NET names, a suggestion where one helps.</summary>
public sealed class ParseErrorTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["genrate", "a fox"], "Error: 'genrate' is not a photon command. Did you mean 'generate'?" },
        { ["paint"], "Error: 'paint' is not a photon command. The commands are: generate, batch, get, balance, history, upload, mcp, emulator." },
        { ["generate", "a", "red", "fox"], "Error: Unexpected 'red' 'fox' after the prompt. Quote a prompt of several words: photon generate \"a red fox in the snow\"" },
        { ["history", "--page", "0"], "Error: --page must be at least 1 (was 0)." },
        { ["history", "--page", "abc"], "Error: --page takes a whole number (was 'abc')." },
        { ["history", "--page-size", "500"], "Error: --page-size must be between 1 and 100 (was 500)." },
        { ["mcp", "--max-cost", "lots"], "Error: --max-cost takes a number such as 2.50 (was 'lots')." },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_gets_a_message_a_person_can_act_on(string[] args, string message)
    {
        var run = await _cli.RunAsync(args);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Equal(message, run.StderrLines[0]);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task An_invalid_argument_from_the_sdk_loses_its_dotnet_parameter_name()
    {
        var run = await _cli.RunAsync(["generate", "A fox", "--model", "luma/unknown"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.DoesNotContain("(Parameter '", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Unknown model 'luma/unknown'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_prompt_is_refused_before_any_emulator_or_api_is_reached()
    {
        var run = await _cli.RunAsync(["generate", "  "]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Equal(["Error: The prompt is empty; describe the image to generate. Nothing was submitted."], run.StderrLines);
    }

    [Fact]
    public async Task An_unknown_prediction_is_named_once_with_what_to_do()
    {
        var run = await _cli.RunAsync(["get", "0123456789abcdef"]);

        AssertExit(run, ExitCodes.PredictionNotFound);
        Assert.Equal("Error: No prediction '0123456789abcdef' exists (HTTP 404); predictions are kept for 7 days.", run.StderrLines[^1]);
    }

    public void Dispose() => _cli.Dispose();
}
