using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using PhotonSdk.Emulator;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary>The rules of <c>--out</c>: the extension tells the truth, <c>-</c> is stdout, an existing file is kept unless <c>--force</c>.</summary>
public sealed class OutRulesTests : IAsyncLifetime, IDisposable
{
    private const string Key = "out-key";
    private readonly CliRunner _cli = new();
    private WaveSpeedEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("fox.jpg", "fox.png")]
    [InlineData("fox", "fox.png")]
    [InlineData("fox.png", "fox.png")]
    [InlineData("fox.image", "fox.image")]
    public async Task The_file_written_has_the_extension_of_its_content(string named, string written)
    {
        var run = await Run(["generate", "A fox", "--out", named]);

        AssertExit(run, ExitCodes.Success);
        var path = Path.Combine(_cli.WorkingDirectory, written);
        Assert.True(Images.IsPng(path), path);
        Assert.Equal($"Saved {written}", run.StdoutLines[0]);
        Assert.Equal(named == written, File.Exists(Path.Combine(_cli.WorkingDirectory, named)));
    }

    [Fact]
    public async Task An_existing_file_is_kept_and_nothing_is_sent_unless_force()
    {
        _cli.WriteFile("fox.png", "precious");

        var kept = await Run(["generate", "A fox", "--out", "fox.png"]);
        var created = _emulator.PredictionsCreated;
        var replaced = await Run(["generate", "A fox", "--out", "fox.png", "--force"]);

        AssertExit(kept, ExitCodes.InvalidInput);
        Assert.Contains("fox.png exists. Nothing was submitted or billed; pass --force to replace it", kept.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, created);
        AssertExit(replaced, ExitCodes.Success);
        Assert.True(Images.IsPng(Path.Combine(_cli.WorkingDirectory, "fox.png")));
    }

    [Fact]
    public async Task A_dash_writes_the_image_to_stdout_and_no_file()
    {
        var run = await Run(["generate", "A fox", "--out", "-"]);

        AssertExit(run, ExitCodes.Success);
        var bytes = _cli.LastStdoutBytes.ToArray();
        Assert.True(bytes.Length > 100 && bytes.AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]), $"{bytes.Length} bytes");
        Assert.Empty(run.Stdout);
        Assert.Contains($"Wrote {bytes.Length} bytes (image/png) of prediction ", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cli.WorkingDirectory, "-")));
        Assert.Empty(_cli.SavedImages());
    }

    [Fact]
    public async Task A_dash_with_json_is_refused_before_anything_is_sent()
    {
        var run = await Run(["generate", "A fox", "--out", "-", "--json"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("--json and --out - both write to stdout; choose one.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.PredictionsCreated);
    }

    private Task<CliResult> Run(string[] args) => _cli.RunAsync(args, apiKey: Key, baseUrl: _emulator.BaseUrl.ToString());

    public void Dispose() => _cli.Dispose();
}
