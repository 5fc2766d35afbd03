using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

public sealed class AccountCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Balance_prints_the_emulated_accounts_balance()
    {
        var run = await _cli.RunAsync(["balance"], options => options.InitialBalance = 3.25m);

        AssertExit(run, ExitCodes.Success);
        Assert.Equal("Balance: 3.25 USD", Assert.Single(run.StdoutLines));
    }

    [Fact]
    public async Task History_of_a_fresh_emulator_says_there_is_nothing()
    {
        var run = await _cli.RunAsync(["history"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Equal("No predictions in the last 7 days.", Assert.Single(run.StdoutLines));
    }

    [Fact]
    public async Task Upload_prints_a_url_that_serves_the_file()
    {
        var png = Path.Combine(_cli.WorkingDirectory, "cat.png");
        await File.WriteAllBytesAsync(png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]);

        var run = await _cli.RunAsync(["upload", "cat.png"]);

        AssertExit(run, ExitCodes.Success);
        Assert.StartsWith("Uploaded cat.png (12 bytes", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.StartsWith("url  http://127.0.0.1:", run.StdoutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_of_a_missing_file_exits_2()
    {
        var run = await _cli.RunAsync(["upload", "missing.png"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("No file 'missing.png'", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
