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
    /// emulator on the shared clock, which holds a request while its own delay runs (a sync-mode window). Not while a
    /// request that a timeout cut short is still ending, so that no move overtakes its cancellation on the way to the
    /// server.
    /// </summary>
    WithServer,

    /// <summary>
    /// As <see cref="WithServer"/>, and besides by a step each time the raw server trickles another byte of an answer:
    /// for a server that trickles a response in real time, so that the client's attempt timeout can pass meanwhile.
    /// </summary>
    Always,
}
