namespace PhotonSdk.CrashHarness.Tests;

/// <summary>Where one run of the tool is stopped: at the <see cref="Ordinal"/>-th <see cref="Event"/> of that run, by SIGKILL or SIGINT.</summary>
public sealed record KillPoint(KillEvent Event, int Ordinal, bool Interrupt)
{
    public override string ToString() => $"{(Interrupt ? "SIGINT" : "SIGKILL")} at {Event} #{Ordinal}";
}
