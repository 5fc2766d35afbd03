namespace PhotonSdk.LoadHarness;

/// <summary>The HTTP stack every mode's client uses, so that the modes differ only in what they measure.</summary>
internal static class HarnessHttp
{
    public const string ApiKey = "load-harness-key";

    /// <summary>
    /// As the SDK's own client does, plus a bound on connections: loopback HTTP/1.1 would otherwise open one socket per
    /// request in flight, and a burst of thousands would exhaust file descriptors on either side.
    /// </summary>
    public static SocketsHttpHandler Handler(int maxConnections) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = maxConnections,
    };
}
