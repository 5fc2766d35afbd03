using System.Text;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;
using PhotonSdk.Emulator;

namespace PhotonSdk.Cli.Tests.Security;

/// <summary>Whatever the tool prints or writes, with a key that works and with one that is refused, holds no key.</summary>
public sealed class ApiKeyLeakTests : IAsyncLifetime, IDisposable
{
    private const string RightKey = "ws-right-key-5f0c9a1e77d24b31";
    private const string WrongKey = "ws-wrong-key-90ab4c2d11e5f603";
    private readonly CliRunner _cli = new();
    private WaveSpeedEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0, ApiKeys = { RightKey } });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(RightKey, ExitCodes.Success)]
    [InlineData(WrongKey, ExitCodes.Authentication)]
    public async Task No_command_prints_or_writes_the_key(string key, int generateExitCode)
    {
        var upload = _cli.WriteFile("note.txt", "a small file to upload");
        var prompts = _cli.WriteFile("prompts.txt", "A red fox\nA lighthouse at dawn\n");
        var runs = new List<CliResult>();
        foreach (var args in new[]
        {
            new[] { "generate", "A lighthouse at dawn" },
            ["generate", "A lighthouse at dawn", "--json"],
            ["batch", prompts],
            ["balance"],
            ["history"],
            ["upload", upload],
        })
        {
            runs.Add(await _cli.RunAsync(args, apiKey: key, baseUrl: _emulator.BaseUrl.ToString()));
        }

        AssertExit(runs[0], generateExitCode);
        var written = Directory.EnumerateFiles(_cli.WorkingDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Encoding.Latin1.GetString(File.ReadAllBytes(path)));
        var everything = runs.SelectMany(run => new[] { run.Stdout, run.Stderr }).Concat(written).ToList();
        Assert.Contains(everything, text => text.Length > 0);
        Assert.DoesNotContain(everything, text => text.Contains(RightKey, StringComparison.Ordinal) || text.Contains(WrongKey, StringComparison.Ordinal));
    }

    public void Dispose() => _cli.Dispose();
}
