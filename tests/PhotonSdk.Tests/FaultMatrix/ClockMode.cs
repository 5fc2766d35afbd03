namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>When the fault matrix moves the fake clock on.</summary>
public enum ClockMode
{
    /// <summary>
    /// Only while no request is in flight and the client waits on a delay (a poll interval, a backoff), and then
    /// straight to the next timer due.
    /// </summary>
    WhileIdle,

    /// <summary>
    /// Whenever something waits on a delay, requests in flight or not, and then straight to the next timer due: for an
    /// emulator on the shared clock, which holds a request while its own delay runs (a sync-mode window).
    /// </summary>
    WithServer,

    /// <summary>
    /// Step by step, also while a request is in flight: for a server that holds or trickles a response in real time, so
    /// that the client's attempt timeout can pass; and for an emulator delay that the client's timeout cuts short,
    /// where a jump to the next timer could overtake the cancellation on its way to the server.
    /// </summary>
    Always,
}
