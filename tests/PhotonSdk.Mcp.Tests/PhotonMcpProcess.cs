using System.Collections.Concurrent;
using ModelContextProtocol.Client;
using PhotonSdk.Emulator;

namespace PhotonSdk.Mcp.Tests;

/// <summary>
/// The built <c>photon mcp</c> started as a child process and connected to with the official C# MCP client over stdio,
/// as an MCP host does. By default it talks to an emulator in this test process (through
/// <c>WAVESPEED_API_KEY</c> and <c>WAVESPEED_BASE_URL</c>, the path real keys take), so that tests can inject faults and
/// count what was submitted.
/// </summary>
public sealed class PhotonMcpProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stderr;

    private PhotonMcpProcess(McpClient client, WaveSpeedEmulator? emulator, ConcurrentQueue<string> stderr)
    {
        Client = client;
        Emulator = emulator;
        _stderr = stderr;
    }

    public McpClient Client { get; }

    /// <summary>The emulator the process talks to; <see langword="null"/> when it runs keyless, with its own.</summary>
    public WaveSpeedEmulator? Emulator { get; }

    /// <summary>What the process wrote to stderr so far.</summary>
    public IReadOnlyList<string> Stderr => _stderr.ToList();

    /// <summary>
    /// The tool as the project reference built it, in its own output folder: the copy beside the tests would run with
    /// the tests' dependencies (ASP.NET Core's shared framework here), not with the tool's own.
    /// </summary>
    public static string PhotonDll { get; } = FindPhotonDll();

    public static async Task<PhotonMcpProcess> StartAsync(
        Action<EmulatorOptions>? configureEmulator = null, bool keyless = false, params string[] arguments)
    {
        WaveSpeedEmulator? emulator = null;
        var environment = new Dictionary<string, string?>
        {
            [PhotonClientOptions.ApiKeyEnvironmentVariable] = null,
            [PhotonClientOptions.BaseUrlEnvironmentVariable] = null,
            ["DOTNET_NOLOGO"] = "1",
            // A keyless server's emulator keeps nothing between runs: the tests' predictions stay out of the user's state file.
            ["PHOTON_EMULATOR_STATE"] = "none",
        };
        if (!keyless)
        {
            var options = new EmulatorOptions { LatencyScale = 0.05 };
            configureEmulator?.Invoke(options);
            emulator = await WaveSpeedEmulator.StartAsync(options);
            environment[PhotonClientOptions.ApiKeyEnvironmentVariable] = "test-key";
            environment[PhotonClientOptions.BaseUrlEnvironmentVariable] = emulator.BaseUrl.ToString();
        }

        var stderr = new ConcurrentQueue<string>();
        try
        {
            var transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "photon",
                Command = "dotnet",
                Arguments = [PhotonDll, "mcp", .. arguments],
                EnvironmentVariables = environment,
                StandardErrorLines = stderr.Enqueue,
            });
            var client = await McpClient.CreateAsync(transport);
            return new PhotonMcpProcess(client, emulator, stderr);
        }
        catch
        {
            if (emulator is not null) await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many predictions the emulator was asked to make.</summary>
    public async Task<int> PredictionsSubmittedAsync()
    {
        using var photon = new PhotonClient(new PhotonClientOptions { ApiKey = "test-key", BaseUrl = Emulator!.BaseUrl });
        var page = await photon.GetHistoryAsync(new PredictionHistoryQuery { PageSize = 100 });
        return page.Items.Count;
    }

    private static string FindPhotonDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "PhotonSdk.Cli", "bin", configuration, framework, "photon.dll");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"photon.dll was not found under src/PhotonSdk.Cli/bin/{configuration}/{framework} above {output.FullName}.");
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (Emulator is not null) await Emulator.DisposeAsync();
    }
}
