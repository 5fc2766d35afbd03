using StackExchange.Redis;

namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>
/// The Redis server the storage tests use. Each cluster keeps its keys under its own service id, and removes them when
/// it is disposed.
/// </summary>
public static class RedisServer
{
    /// <summary>The environment variable with the server's StackExchange.Redis configuration, e.g. <c>127.0.0.1:6390</c>.</summary>
    public const string ConfigurationVariable = "PHOTON_ORLEANS_REDIS";

    public static string? Configuration => Environment.GetEnvironmentVariable(ConfigurationVariable) is { Length: > 0 } value ? value : null;

    public static bool RequiredByCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's configuration; throws, naming the variable, when there is none.</summary>
    public static string Require() => Configuration ?? throw new InvalidOperationException(
        $"Redis is required: {ConfigurationVariable} is not set. .ci/run starts a server and sets it.");

    /// <summary>Deletes every key of one cluster (Orleans' Redis providers put its service id in each of them).</summary>
    public static async Task DeleteKeysOfAsync(string serviceId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Require());
        var database = redis.GetDatabase();
        foreach (var endpoint in redis.GetEndPoints())
        {
            await foreach (var key in redis.GetServer(endpoint).KeysAsync(database.Database, $"*{serviceId}*"))
                await database.KeyDeleteAsync(key);
        }
    }
}
