namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>
/// A test that needs Redis (<see cref="RedisServer.ConfigurationVariable"/>). Without one it is skipped locally, with a
/// message that says how to run it; under CI (<c>CI=true</c>) it runs and fails, since <c>.ci/run</c> starts the server
/// itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Configuration is null && !RedisServer.RequiredByCi)
            Skip = $"No Redis: set {RedisServer.ConfigurationVariable} to a server's address, e.g. 127.0.0.1:6379 (see .ci/run), or run .ci/run.";
    }
}
