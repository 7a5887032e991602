using System;
using System.Collections.Generic;
using System.IO;
using FaceCompliance.Sqlite;
using Microsoft.Data.Sqlite;

namespace FaceCompliance.Browser.Tests;

/// <summary>Reads the running app's SQLite files directly, to check what the page claims against what is stored.</summary>
internal sealed class StoreFiles(string dataDirectory)
{
    public string GatePath => Path.Combine(dataDirectory, "gate.db");

    public string ResidentsPath => Path.Combine(dataDirectory, "residents.db");

    /// <summary>A value from the FaceCompliance store (read-only connection).</summary>
    public object? Gate(string sql, params (string Name, object Value)[] parameters) => Scalar(GatePath, sql, parameters);

    /// <summary>A value from the gate's resident directory (read-only connection).</summary>
    public object? Residents(string sql, params (string Name, object Value)[] parameters) => Scalar(ResidentsPath, sql, parameters);

    /// <summary>The number of rows the query counts.</summary>
    public long CountGate(string sql, params (string Name, object Value)[] parameters) => Convert.ToInt64(Gate(sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The store opened with the app's own master key, to verify and read the audit chain as the operator would.</summary>
    public SqliteFacialDataStore OpenStore() => SqliteFacialDataStore.Open(GatePath,
        new FacialDataStoreOptions(new FacialDataKeys(File.ReadAllBytes(Path.Combine(dataDirectory, "master.key")))) { Actor = "browser-test" });

    /// <summary>The bytes of the store's file and its write-ahead log, as a disk image would hold them.</summary>
    public IEnumerable<byte[]> RawFiles()
    {
        foreach (string path in new[] { GatePath, GatePath + "-wal" })
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                yield return copy.ToArray();
            }
        }
    }

    private static object? Scalar(string path, string sql, (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        object? result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }
}
