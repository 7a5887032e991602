using System;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommunityAccess.Residents;

/// <summary>
/// Where <see cref="ResidentDirectory"/> keeps its tables: the SQLite file residents.db beside gate.db, or the PostgreSQL
/// database that holds the FaceCompliance store, so that every gate instance on that database shares residents, cards
/// and passwords. The directory's queries are the same on both (ADO.NET, <c>@name</c> parameters); only opening a
/// connection and creating the tables differ.
/// </summary>
public abstract class ResidentDatabase
{
    /// <summary>Where the tables are, for messages (a path, or host, port and database; never a password).</summary>
    public abstract string Name { get; }

    /// <summary>The SQLite file <paramref name="path"/>.</summary>
    /// <param name="path">The file, created when missing.</param>
    /// <returns>The database.</returns>
    public static ResidentDatabase Sqlite(string path) => new SqliteResidents(path);

    /// <summary>The PostgreSQL database of <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The database.</returns>
    public static ResidentDatabase PostgreSql(string connectionString) => new PostgreSqlResidents(connectionString);

    /// <summary>An open connection.</summary>
    /// <returns>The connection; the caller disposes it.</returns>
    public abstract DbConnection Open();

    /// <summary>Creates the tables <c>residents</c> and <c>operators</c> when missing, and refuses data of an older version of the sample.</summary>
    public abstract void CreateTables();

    private sealed class SqliteResidents : ResidentDatabase
    {
        private const int SchemaVersion = 2;
        private readonly string connectionString;

        public SqliteResidents(string path)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path);
            Name = path;
            connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        }

        public override string Name { get; }

        public override DbConnection Open()
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            return connection;
        }

        public override void CreateTables()
        {
            using DbConnection connection = Open();
            long version = (long)ResidentDirectory.Scalar(connection, null, "PRAGMA user_version")!;
            if (version == 0 && ResidentDirectory.Scalar(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'residents'") is long and > 0)
            {
                throw new InvalidOperationException(
                    $"{Name} was written by an older version of this sample (card hashes without a pepper, receipt tokens kept beside the store). "
                    + "Move it aside and register the residents again; gate.db keeps their consents and templates.");
            }

            using DbTransaction transaction = connection.BeginTransaction();
            ResidentDirectory.Execute(connection, transaction, $"""
                CREATE TABLE IF NOT EXISTS residents (
                    resident_id TEXT PRIMARY KEY, card_salt BLOB NOT NULL, card_hash BLOB NOT NULL, password_hash TEXT NOT NULL,
                    registered_at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS operators (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
                PRAGMA user_version = {SchemaVersion};
                """);
            transaction.Commit();
            ResidentDirectory.Execute(connection, null, "PRAGMA journal_mode = WAL;");
        }
    }

    private sealed class PostgreSqlResidents : ResidentDatabase
    {
        // Any fixed number: held while the tables are created, so that gate instances starting together create them once.
        private const long CreateTablesLock = 0x436F6D6D41636300;
        private readonly NpgsqlDataSource dataSource;

        public PostgreSqlResidents(string connectionString)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            Name = $"{builder.Host}:{builder.Port}/{builder.Database}";
            dataSource = NpgsqlDataSource.Create(builder);
        }

        public override string Name { get; }

        public override DbConnection Open() => dataSource.OpenConnection();

        public override void CreateTables()
        {
            using DbConnection connection = Open();
            using DbTransaction transaction = connection.BeginTransaction();
            ResidentDirectory.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("@key", CreateTablesLock));
            ResidentDirectory.Execute(connection, transaction, """
                CREATE TABLE IF NOT EXISTS residents (
                    resident_id text PRIMARY KEY, card_salt bytea NOT NULL, card_hash bytea NOT NULL, password_hash text NOT NULL,
                    registered_at bigint NOT NULL);
                CREATE TABLE IF NOT EXISTS operators (name text PRIMARY KEY, password_hash text NOT NULL, created_at bigint NOT NULL);
                """);
            transaction.Commit();
        }
    }
}
