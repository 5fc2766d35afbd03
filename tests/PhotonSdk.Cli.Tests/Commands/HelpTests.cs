using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

public sealed class HelpTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task The_top_level_help_lists_every_exit_code()
    {
        var run = await _cli.RunAsync(["--help"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Contains("Exit codes:", run.Stdout, StringComparison.Ordinal);
        foreach (var (code, meaning) in ExitCodes.All)
        {
            Assert.Contains($"  {code,-5}{meaning}", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("generate", "--help")]
    [InlineData("batch", "-h")]
    [InlineData("mcp", "--help")]
    [InlineData("emulator", "--help")]
    public async Task A_commands_help_points_to_the_exit_codes_instead_of_repeating_them(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        AssertExit(run, ExitCodes.Success);
        Assert.Contains("Exit codes: see photon --help.", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain($"  {ExitCodes.SubmissionUncertain,-5}", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("additional arguments", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_help_lists_the_emulators_own_options()
    {
        var run = await _cli.RunAsync(["emulator", "--help"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Contains("--moderation-word <word>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--urls <urls>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[default: http://127.0.0.1:5599]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(" emulator [options]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("additional arguments", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var run = await _cli.RunAsync(["paint", "a fox"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("photon --help", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
