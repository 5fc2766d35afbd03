using System.Globalization;
using Npgsql;

namespace PhotonSdk.LoadHarness;

/// <summary>A PostgreSQL database made for one run from Orleans' scripts (src/PhotonSdk.Orleans/Sql), dropped afterwards.</summary>
internal sealed class JobsDatabase : IAsyncDisposable
{
    public const string ServerVariable = "PHOTON_ORLEANS_POSTGRES";
    private readonly string _server;
    private readonly string _name;

    private JobsDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<JobsDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Set {ServerVariable} to a PostgreSQL server's connection string.");
        var name = "photon_harness_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            foreach (var script in new[] { "Main", "Clustering", "Persistence", "Reminders" })
            {
                await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine(SqlFolder(), $"PostgreSQL-{script}.sql")), connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        return new JobsDatabase(server, name, connectionString);
    }

    /// <summary>Rows inserted, updated and deleted in this database's tables so far, and its committed transactions.</summary>
    public async Task<(long Rows, long Commits)> WritesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var rows = new NpgsqlCommand("SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables", connection);
        var rowCount = Convert.ToInt64(await rows.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var commits = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        return (rowCount, Convert.ToInt64(await commits.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string SqlFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "PhotonSdk.Orleans", "Sql");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("src/PhotonSdk.Orleans/Sql was not found above the harness.");
    }
}
