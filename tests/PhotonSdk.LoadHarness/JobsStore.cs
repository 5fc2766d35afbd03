using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace PhotonSdk.LoadHarness;

/// <summary>
/// A Redis server of the run's own (redis-server from the machine's packages, its append-only file synced on every
/// write, in a temporary folder removed afterwards), so that its counters are the cluster's alone.
/// </summary>
internal sealed class JobsStore : IAsyncDisposable
{
    private readonly Process _server;
    private readonly string _folder;
    private readonly ConnectionMultiplexer _redis;

    private JobsStore(Process server, string folder, ConnectionMultiplexer redis, string configuration)
    {
        _server = server;
        _folder = folder;
        _redis = redis;
        Configuration = configuration;
    }

    /// <summary>The server's address for StackExchange.Redis, e.g. <c>127.0.0.1:40123</c>.</summary>
    public string Configuration { get; }

    public static async Task<JobsStore> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("photon-harness-redis-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", folder, "--save", "", "--appendonly", "yes", "--appendfsync", "always" })
            start.ArgumentList.Add(arg);
        Process server;
        try
        {
            server = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("orleans-jobs needs redis-server on the PATH (apt-get install -y redis-server).", e);
        }

        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var configuration = $"127.0.0.1:{port}";
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.AllowAdmin = true;
        var redis = await ConnectionMultiplexer.ConnectAsync(options);
        for (var i = 0; i < 100 && !redis.IsConnected; i++) await Task.Delay(100);
        return new JobsStore(server, folder, redis, configuration);
    }

    /// <summary>Writes (keys changed, Redis' own count) and commands of any kind the server has run so far.</summary>
    public async Task<(long Writes, long Commands)> CountersAsync()
    {
        var server = _redis.GetServer(_redis.GetEndPoints()[0]);
        var info = (await server.InfoAsync()).SelectMany(group => group).ToDictionary(p => p.Key, p => p.Value);
        return (long.Parse(info["rdb_changes_since_last_save"], CultureInfo.InvariantCulture), long.Parse(info["total_commands_processed"], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        await _redis.DisposeAsync();
        if (!_server.HasExited) _server.Kill();
        await _server.WaitForExitAsync();
        _server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
