namespace PhotonSdk.Tests.Infrastructure;

/// <summary>
/// Tests that must not share the process with other tests running: those that bound real time (a cancelled call must
/// end within 100 ms, which a busy machine could make late) and those that listen to process-wide traces, metrics and
/// logs (which other tests' predictions would pollute). xUnit runs this collection alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
