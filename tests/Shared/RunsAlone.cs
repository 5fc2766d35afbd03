namespace PhotonSdk.Testing;

/// <summary>
/// Tests that must not share the process with other tests running: those that bound real time (a cancelled call must
/// end within 100 ms, which a busy machine could make late), those that listen to process-wide traces, metrics and
/// logs (which other tests' predictions would pollute), and those that set process-wide environment variables (which
/// other tests' clients would read). xUnit runs this collection alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
