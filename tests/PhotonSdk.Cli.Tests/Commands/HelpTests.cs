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

    /// <summary>The README's command table names exactly the options each command's help lists.</summary>
    [Theory]
    [InlineData("generate")]
    [InlineData("batch")]
    [InlineData("get")]
    [InlineData("history")]
    [InlineData("upload")]
    [InlineData("mcp")]
    public async Task The_readme_command_table_matches_each_commands_help(string command)
    {
        var readme = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot(), "README.md"));
        var rows = readme.Where(line => line.StartsWith("| `photon ", StringComparison.Ordinal)).Select(line => line.Split("` |")[0]).ToList();
        var row = Assert.Single(rows, r => r.StartsWith($"| `photon {command} ", StringComparison.Ordinal) || r.Contains($"`photon {command} ", StringComparison.Ordinal));

        var run = await _cli.RunAsync([command, "--help"]);

        AssertExit(run, ExitCodes.Success);
        var documented = Options(row.Contains($"`photon {command} ", StringComparison.Ordinal) && !row.StartsWith($"| `photon {command} ", StringComparison.Ordinal)
            ? row[row.IndexOf($"`photon {command} ", StringComparison.Ordinal)..]
            : row);
        // An option's own line in the help starts with its names; other mentions are in descriptions.
        var helped = run.StdoutLines
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^(?:-\w, |-\?, -\w, )?(--[a-z][a-z0-9-]*)"))
            .Where(m => m.Success && m.Groups[1].Value != "--help")
            .Select(m => m.Groups[1].Value)
            .ToHashSet();
        Assert.Equal(helped.Order(), documented.Order());
    }

    private static HashSet<string> Options(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"(?<![\w-])--[a-z][a-z0-9-]*").Select(m => m.Value).ToHashSet();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PhotonSdk.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (PhotonSdk.sln) was not found above the test's folder.");
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
