using Npgsql;

namespace PhotonSdk.Orleans.Tests.Support;

/// <summary>
/// The PostgreSQL server tests use: each cluster gets a database of its own, made from Orleans' ADO.NET scripts
/// (src/PhotonSdk.Orleans/Sql) and dropped afterwards.
/// </summary>
public static class PostgresServer
{
    /// <summary>The environment variable with a connection string to the server (any database; new ones are made beside it).</summary>
    public const string ConnectionStringVariable = "PHOTON_ORLEANS_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value ? value : null;

    public static bool RequiredByCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] Scripts = ["PostgreSQL-Main.sql", "PostgreSQL-Clustering.sql", "PostgreSQL-Persistence.sql", "PostgreSQL-Reminders.sql"];

    /// <summary>Makes a new database with Orleans' tables and returns its connection string.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var server = ConnectionString ?? throw new InvalidOperationException(
            $"PostgreSQL is required: {ConnectionStringVariable} is not set. .ci/run starts a server and sets it.");
        var name = "photon_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 40 }.ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            foreach (var script in Scripts)
            {
                await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine(SqlFolder(), script)), connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        return new TestDatabase(server, name, connectionString);
    }

    private static string SqlFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "PhotonSdk.Orleans", "Sql");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("src/PhotonSdk.Orleans/Sql was not found above the test's folder.");
    }
}

/// <summary>A database made for one test; dropped on disposal.</summary>
public sealed class TestDatabase(string server, string name, string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>Rows written to the jobs' storage so far (inserts and updates, from PostgreSQL's statistics).</summary>
    public async Task<long> StorageWritesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
