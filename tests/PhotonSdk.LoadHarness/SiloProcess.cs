using System.Diagnostics;
using System.Globalization;

namespace PhotonSdk.LoadHarness;

/// <summary>A node of samples/PhotonSdk.Samples.Jobs run as a child process: an Orleans silo with its webhook endpoint and front end.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static SiloProcess Start(int node, string redis, Uri emulator, string tier)
    {
        var port = 5200 + node;
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            NodeDll(), "--urls", baseUrl.AbsoluteUri.TrimEnd('/'),
            "--Jobs:Redis", redis,
            "--Jobs:SiloPort", (11210 + node).ToString(CultureInfo.InvariantCulture),
            "--Jobs:GatewayPort", (30210 + node).ToString(CultureInfo.InvariantCulture),
            // Each node gives WaveSpeed its own endpoint; a delivery reaches its job wherever the job lives.
            "--Jobs:WebhookUrl", new Uri(baseUrl, "photon/webhooks").AbsoluteUri,
            "--Jobs:Tier", tier,
            "--Jobs:MaxCostUsd", "1000000",
            "--Photon:BaseUrl", emulator.AbsoluteUri,
            "--Photon:ApiKey", HarnessHttp.ApiKey,
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The node did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"node {node}: {line}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"node {node}: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, baseUrl);
    }

    /// <summary>Kills the process at once with SIGKILL, as a machine dies: nothing of it runs after this returns.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The process's peak resident memory (VmHWM) and its resident memory now (VmRSS), in MB; zeros once it has exited.</summary>
    public (double PeakMb, double NowMb) Memory()
    {
        string[] status;
        try
        {
            if (_process.HasExited) return (0, 0);
            status = File.ReadAllLines($"/proc/{_process.Id}/status");
        }
        catch (IOException)
        {
            return (0, 0);   // it died and was reaped between the two lines
        }

        // A process killed but not yet reaped still has a status, without its memory lines.
        double Read(string key) => status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024
            : 0;
        return (Read("VmHWM"), Read("VmRSS"));
    }

    /// <summary>CPU time the process has used so far, user and system.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string NodeDll()
    {
        // The harness's own output folder tells the configuration (bin/Release/net10.0 or bin/Debug/net10.0).
        var own = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = own.Parent!.Name;
        for (var dir = own; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "PhotonSdk.Samples.Jobs", "bin", configuration, own.Name, "PhotonSdk.Samples.Jobs.dll");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("samples/PhotonSdk.Samples.Jobs is not built; build the harness, which builds it.");
    }
}
