using System.Text.Json;
using PhotonSdk.Cli.Errors;
using PhotonSdk.Cli.Tests.Infrastructure;
using PhotonSdk.Emulator;
using static PhotonSdk.Cli.Tests.Infrastructure.CliAssert;

namespace PhotonSdk.Cli.Tests.Commands;

/// <summary><c>generate --image</c> reaches the modify models; uploads take only non-empty images of a type the API takes.</summary>
public sealed class ModifyImageTests : IAsyncLifetime, IDisposable
{
    private const string Key = "modify-key";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];
    private readonly CliRunner _cli = new();
    private WaveSpeedEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await WaveSpeedEmulator.StartAsync(new EmulatorOptions { LatencyScale = 0 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("auto", "luma/photon-flash-modify")]
    [InlineData("flash", "luma/photon-flash-modify")]
    [InlineData("photon", "luma/photon-modify")]
    public async Task A_local_image_is_uploaded_and_the_tiers_modify_model_makes_the_new_one(string model, string modifyModel)
    {
        await File.WriteAllBytesAsync(Path.Combine(_cli.WorkingDirectory, "fox.png"), Png);

        var run = await Run(["generate", "The same fox at night", "--image", "fox.png", "--model", model, "--json"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Equal(modifyModel, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("model").GetString());
        Assert.Contains("Uploaded fox.png (20 bytes).", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.PredictionsCreated);
    }

    [Fact]
    public async Task An_image_url_is_passed_as_it_is()
    {
        await File.WriteAllBytesAsync(Path.Combine(_cli.WorkingDirectory, "fox.png"), Png);
        var upload = await Run(["upload", "fox.png"]);
        var url = upload.StdoutLines[1].Split("url  ")[1];

        var run = await Run(["generate", "The same fox at night", "--image", url, "--model", "photon", "--json"]);

        AssertExit(run, ExitCodes.Success);
        Assert.Equal("luma/photon-modify", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("model").GetString());
        Assert.DoesNotContain("Uploaded", run.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[], byte[], string> Refusals => new()
    {
        { ["generate", "A fox", "--image", "notes.txt"], "some notes"u8.ToArray(), "notes.txt is not a PNG, JPEG or WebP image. Nothing was uploaded or submitted." },
        { ["generate", "A fox", "--image", "notes.txt"], [], "notes.txt is empty. Nothing was uploaded or submitted." },
        { ["upload", "notes.txt"], "some notes"u8.ToArray(), "notes.txt is not a PNG, JPEG or WebP image. Nothing was uploaded." },
        { ["upload", "notes.txt"], [], "notes.txt is empty. Nothing was uploaded." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_file_that_is_not_an_image_is_refused_before_anything_is_sent(string[] args, byte[] content, string message)
    {
        await File.WriteAllBytesAsync(Path.Combine(_cli.WorkingDirectory, "notes.txt"), content);

        var run = await Run(args);

        AssertExit(run, ExitCodes.InvalidInput);
        Assert.Equal($"Error: {message}", run.StderrLines[^1]);
        Assert.Equal(0, _emulator.PredictionsCreated);
    }

    private Task<CliResult> Run(string[] args) => _cli.RunAsync(args, apiKey: Key, baseUrl: _emulator.BaseUrl.ToString());

    public void Dispose() => _cli.Dispose();
}
