using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using PhotonSdk.Emulator;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary>Before anything is submitted and billed, the output can be written and a batch's input is text; otherwise nothing is sent.</summary>
public sealed class PreflightTests : IAsyncLifetime, IDisposable
{
    private const string Key = "preflight-key";
    private readonly CliRunner _cli = new();
    private WaveSpeedEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public static TheoryData<string[]> OutputCommands => new()
    {
        { ["generate", "A fox", "--out", "blocker/fox.png"] },
        { ["generate", "A fox", "--out", "blocker/images/"] },
        { ["get", "some-id", "--out", "blocker/fox.png"] },
    };

    [Theory]
    [MemberData(nameof(OutputCommands))]
    public async Task An_output_that_cannot_be_written_is_refused_before_anything_is_sent(string[] args)
    {
        _cli.WriteFile("blocker", "a file where a folder should be");

        var run = await Run(args);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains($"Cannot write images to {Path.Combine(_cli.WorkingDirectory, "blocker")}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was submitted or billed; choose another --out.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_batch_into_a_folder_that_cannot_be_written_sends_nothing()
    {
        _cli.WriteFile("prompts.txt", "A fox\nA hare\n");
        _cli.WriteFile("blocker", "a file where a folder should be");

        var run = await Run(["batch", "prompts.txt", "--out", "blocker/out"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains("Cannot write images to", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task An_image_given_as_a_batch_file_is_refused_and_nothing_is_sent()
    {
        var png = Path.Combine(_cli.WorkingDirectory, "photo.png");
        await File.WriteAllBytesAsync(png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xFE, 0x0A, 0x41]);

        var run = await Run(["batch", "photo.png"]);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Contains($"{png} is not a text file of prompts (it holds binary data, e.g. an image). Nothing was submitted", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task A_text_file_with_a_byte_order_mark_and_windows_line_ends_is_read_as_prompts()
    {
        await File.WriteAllBytesAsync(Path.Combine(_cli.WorkingDirectory, "prompts.txt"), [0xEF, 0xBB, 0xBF, .. "A fox\r\n# a comment\r\nA hare, übermütig\r\n"u8.ToArray()]);

        var run = await Run(["batch", "prompts.txt", "--concurrency", "1"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Equal(2, _emulator.PredictionsCreated);
        Assert.Equal(2, _cli.SavedImages().Length);
    }

    private Task<CliResult> Run(string[] args) => _cli.RunAsync(args, apiKey: Key, baseUrl: _emulator.BaseUrl.ToString());

    public void Dispose() => _cli.Dispose();
}
