namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>
/// A test that needs PostgreSQL (<see cref="PostgresServer.ConnectionStringVariable"/>). Without one it is skipped
/// locally, with a message that says how to run it; under CI (<c>CI=true</c>) it runs and fails, since <c>.ci/run</c>
/// starts the database itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is null && !PostgresServer.RequiredByCi)
            Skip = $"No PostgreSQL: set {PostgresServer.ConnectionStringVariable} to a server's connection string (see .ci/run), or run .ci/run.";
    }
}
