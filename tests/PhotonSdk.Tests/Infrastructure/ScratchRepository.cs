using System.Diagnostics;

namespace PhotonSdk.Tests.Infrastructure;

/// <summary>
/// A copy of the SDK's build inputs (props, spec, generators, <c>src/PhotonSdk</c>) in a temporary folder, built with
/// the real <c>dotnet</c> as a user's machine would, so that a test can change a copy, or build a program against it,
/// without touching the repository's own build output.
/// </summary>
public sealed class ScratchRepository : IDisposable
{
    public ScratchRepository(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), $"photon-{name}-{Guid.NewGuid():N}");
        var repo = RepositoryRoot();
        Directory.CreateDirectory(Root);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig" })
            File.Copy(Path.Combine(repo, file), Path.Combine(Root, file));
        foreach (var folder in new[] { "openapi", "generators", Path.Combine("src", "PhotonSdk") })
            CopyFolder(Path.Combine(repo, folder), Path.Combine(Root, folder));
    }

    /// <summary>The copy's root, which holds the repository's props and an <c>src/PhotonSdk</c>.</summary>
    public string Root { get; }

    /// <summary>The copy's SDK project, for a <c>ProjectReference</c>.</summary>
    public string SdkProject => Path.Combine(Root, "src", "PhotonSdk", "PhotonSdk.csproj");

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PhotonSdk.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("The repository root (PhotonSdk.sln) is not above the test's folder.");
    }

    /// <summary>Runs <c>dotnet</c> with the arguments, bounded at 8 minutes; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunDotnetAsync(
        string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within 8 minutes.");
        }

        return (process.ExitCode, await output + await error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the machine.
        }
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, directory);
            if (IsBuildOutput(relative)) continue;
            Directory.CreateDirectory(Path.Combine(target, relative));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (IsBuildOutput(relative)) continue;
            File.Copy(file, Path.Combine(target, relative));
        }
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
