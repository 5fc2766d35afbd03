using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary><c>photon mcp</c>'s own options and environment: bad values are refused with a message that names them, before any server starts.</summary>
public sealed class McpCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task A_budget_variable_that_is_not_a_number_is_named()
    {
        var run = await _cli.RunAsync(["mcp"], variables: new Dictionary<string, string> { ["PHOTON_MCP_MAX_IMAGES"] = "lots" });

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("PHOTON_MCP_MAX_IMAGES must be a whole number (was 'lots')", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_negative_budget_is_refused_with_the_option_named()
    {
        var run = await _cli.RunAsync(["mcp", "--max-images", "-1"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("MaxImages must not be negative", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task The_command_line_wins_over_the_environment()
    {
        var run = await _cli.RunAsync(["mcp", "--max-cost", "-2"], variables: new Dictionary<string, string> { ["PHOTON_MCP_MAX_COST_USD"] = "0.50" });

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("MaxCostUsd must not be negative (was -2)", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
