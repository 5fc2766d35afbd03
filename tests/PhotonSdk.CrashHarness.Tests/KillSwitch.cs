using System.Diagnostics;
using System.Runtime.InteropServices;
using PhotonSdk.Emulator;

namespace PhotonSdk.CrashHarness.Tests;

/// <summary>
/// Stops the armed process at its kill point, from inside the emulator's request observer: the request's answer has
/// been sent, and the tool has had no time to act on it.
/// </summary>
public sealed partial class KillSwitch
{
    private const int SigInt = 2;
    private readonly Lock _gate = new();
    private (KillPoint Point, Process Process)? _armed;
    private int _seen;

    /// <summary>Whether the last armed point was reached and the signal sent.</summary>
    public bool Fired { get; private set; }

    public void Arm(KillPoint point, Process process)
    {
        lock (_gate)
        {
            _armed = (point, process);
            _seen = 0;
            Fired = false;
        }
    }

    public void Disarm()
    {
        lock (_gate) _armed = null;
    }

    public void Observe(EmulatorRequest request)
    {
        lock (_gate)
        {
            if (_armed is not { } armed || !armed.Point.Event.Matches(request) || ++_seen != armed.Point.Ordinal) return;
            _armed = null;
            Fired = true;
            try
            {
                if (armed.Point.Interrupt) _ = Kill(armed.Process.Id, SigInt);
                else armed.Process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
