using PhotonSdk.Cli.Errors;

namespace PhotonSdk.Cli.Tests.Infrastructure;

public static class CliAssert
{
    /// <summary>Fails unless the run ended with <paramref name="expected"/>, naming both codes and showing what the tool said.</summary>
    public static void AssertExit(CliResult run, int expected)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.ExitCode != expected)
            Assert.Fail($"Expected exit code {Describe(expected)}; the tool exited with {Describe(run.ExitCode)}.\n{run}");
    }

    private static string Describe(int code) =>
        ExitCodes.All.FirstOrDefault(c => c.Code == code).Meaning is { } meaning ? $"{code} ({meaning})" : $"{code}";
}
