using System;
using Npgsql;

namespace FaceCompliance.PostgreSql.Tests;

/// <summary>The PostgreSQL server the tests use: the one ./test.sh starts (or any named by FACECOMPLIANCE_TEST_POSTGRES).</summary>
public static class TestServer
{
    public const string Variable = "FACECOMPLIANCE_TEST_POSTGRES";

    /// <summary>The server's connection string, of a role that may create databases.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set: the PostgreSQL tests fail, they do not skip.</exception>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{Variable} is not set, so the PostgreSQL store's hosting tests have no server. Run the tests with ./test.sh (README's test command), "
            + "which starts a throw-away PostgreSQL server and sets it, or set it to an Npgsql connection string of a role that may CREATE DATABASE.");

    /// <summary>Creates a database with a random name; returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "facecompliance_test_" + Guid.NewGuid().ToString("N");
        Execute(ConnectionString, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing its connections.</summary>
    public static void DropDatabase(string connectionString) =>
        Execute(ConnectionString, $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connectionString"/>'s database; returns the rows changed.</summary>
    public static int Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteNonQuery();
    }

    /// <summary>A value of <paramref name="sql"/> on <paramref name="connectionString"/>'s database.</summary>
    public static object? Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
