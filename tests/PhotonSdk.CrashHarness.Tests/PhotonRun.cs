using System.Diagnostics;
using System.Text;

namespace PhotonSdk.CrashHarness.Tests;

/// <summary>One run of the built <c>photon</c> tool as a child process, keyless against a loopback emulator, with its output kept.</summary>
public sealed class PhotonRun : IDisposable
{
    private static readonly Lazy<string> PhotonDll = new(FindPhotonDll);
    private readonly StringBuilder _output = new();

    private PhotonRun(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>What the run printed, stdout and stderr interleaved as they came.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static PhotonRun Start(string workingDirectory, IEnumerable<string> arguments, Uri emulator)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(PhotonDll.Value);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Keyless, with a loopback base URL: the documented way to use a running emulator across runs.
        start.Environment.Remove("WAVESPEED_API_KEY");
        start.Environment["WAVESPEED_BASE_URL"] = emulator.ToString();
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start };
        var run = new PhotonRun(process);
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits for the run to end and returns its exit code; a run that hangs is killed and fails the test.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"photon did not end within {timeout}. It printed:\n{Output}");
        }

        Process.WaitForExit();
        return Process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
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

    public void Dispose() => Process.Dispose();
}
