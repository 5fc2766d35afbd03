namespace PhotonSdk.Tests.FaultMatrix;

/// <summary>
/// One row of the fault matrix: a server that misbehaves in one way, a call, and everything the call must end in:
/// the outcome, how many requests of each method reached a server, and how much fake time passed.
/// </summary>
public sealed record FaultCase(FaultStage Stage, string Name)
{
    /// <summary>Sets up the servers and the client options.</summary>
    public required Func<FaultRig, Task> Arrange { get; init; }

    /// <summary>The call under test; it returns what the SDK returned.</summary>
    public required Func<FaultRig, CancellationToken, Task<object?>> Act { get; init; }

    public required Outcome Expect { get; init; }

    public int Posts { get; init; }

    public int Gets { get; init; }

    public int Puts { get; init; }

    /// <summary>The fake time the call took, in seconds, from its start to its end.</summary>
    public required (double Min, double Max) Seconds { get; init; }

    public ClockMode Clock { get; init; } = ClockMode.WhileIdle;

    /// <summary>How far the fake clock moves per byte the raw server trickles in <see cref="ClockMode.Always"/>.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// When set, the call is cancelled as soon as this holds (checked before the call starts and before each move of the
    /// clock); it must
    /// then end within 100 ms of fake and real time, the fake clock standing still.
    /// </summary>
    public Func<FaultRig, bool>? CancelWhen { get; init; }

    /// <summary>
    /// The fault proves that the server did not take the submit (HTTP 429, a refused connection, a name that does not
    /// resolve), so the SDK may send it again. For every other fault a submit reaches the server at most once.
    /// </summary>
    public bool SubmitProvablyNotTaken { get; init; }

    /// <summary>Checks particular to the case, after the common ones; it gets the outcome (a result or the exception).</summary>
    public Func<FaultRig, object?, Task>? Then { get; init; }

    public string Id => $"{Stage switch { FaultStage.SyncMode => "sync mode", _ => Stage.ToString().ToLowerInvariant() }}: {Name}";

    public override string ToString() => Id;
}
