using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>A clock the tests move by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>A store in a fresh file of its own, with a known master key and a manual clock; deletes the file after the test.</summary>
internal sealed class TestStore : IDisposable
{
    public static readonly byte[] MasterKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    public TestStore(int dimension = 8, FilingThresholdOptions? filing = null, byte[]? masterKey = null, string? path = null,
        int maxTemplatesPerSubject = 10, int maxConsentsPerSubjectAndPurpose = 10)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "facecompliance-sqlite-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = path ?? System.IO.Path.Combine(Directory, "faces.db");
        Keys = new FacialDataKeys(masterKey ?? MasterKey);
        FilingOptions = filing ?? new FilingThresholdOptions();
        Store = SqliteFacialDataStore.Open(Path, new FacialDataStoreOptions(Keys)
        {
            Actor = "test-gate",
            TemplateDimension = dimension,
            TimeProvider = Clock,
            Filing = FilingOptions,
            MaxTemplatesPerSubject = maxTemplatesPerSubject,
            MaxConsentsPerSubjectAndPurpose = maxConsentsPerSubjectAndPurpose,
        });
    }

    public string Directory { get; }

    public string Path { get; }

    public FacialDataKeys Keys { get; }

    /// <summary>The filing levels and calendar the store was opened with.</summary>
    public FilingThresholdOptions FilingOptions { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public SqliteFacialDataStore Store { get; }

    public IConsentRegistry Consents => Store.Consents;

    public IFaceTemplateStore Templates => Store.Templates;

    public IAuditTrail Audit => Store.Audit;

    /// <summary>A template of the store's dimension, different for each seed.</summary>
    public static FaceTemplate Template(int seed, int dimension = 8)
    {
        var values = new float[dimension];
        var random = new Random(seed);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return new FaceTemplate(values);
    }

    /// <summary>A plain connection to the file, outside the store.</summary>
    public SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public long Count(string table)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
