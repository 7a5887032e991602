using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using Microsoft.Data.Sqlite;
using Npgsql;
using FaceCompliance.PostgreSql;
using FaceCompliance.Sqlite;

namespace FaceCompliance.Stores.Tests;

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>How a test wants its store.</summary>
public sealed record StoreSettings(int MaxTemplatesPerSubject = 10, int MaxConsentsPerSubjectAndPurpose = 10, FilingThresholdOptions? Filing = null, byte[]? MasterKey = null);

/// <summary>A second store instance on the same storage.</summary>
public sealed record OpenedStore(IConsentRegistry Consents, IFaceTemplateStore Templates, IAuditTrail Audit, IDisposable Store) : IDisposable
{
    public void Dispose() => Store.Dispose();
}

/// <summary>
/// A store of one kind in fresh storage of its own (a new SQLite file, or a new PostgreSQL database), with a known
/// master key and a manual clock, and the ways a test reaches under it (damage a row, alter a record); deleted after the test.
/// </summary>
public abstract class StoreUnderTest : IDisposable
{
    public static readonly byte[] MasterKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    public const int Dimension = 8;

    protected StoreUnderTest(StoreSettings settings)
    {
        Settings = settings;
        OwnMasterKey = settings.MasterKey ?? MasterKey;
        Keys = new FacialDataKeys(OwnMasterKey);
    }

    public StoreSettings Settings { get; }

    /// <summary>The master key this store was opened with: <see cref="MasterKey"/> unless the settings name another.</summary>
    public byte[] OwnMasterKey { get; }

    /// <summary>The keys of <see cref="OwnMasterKey"/>, the store's own.</summary>
    public FacialDataKeys Keys { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public abstract IConsentRegistry Consents { get; }

    public abstract IFaceTemplateStore Templates { get; }

    public abstract IAuditTrail Audit { get; }

    public abstract ILegalBasisRegistry LegalBases { get; }

    public abstract IFacialDataLifecycle Lifecycle { get; }

    public abstract IDataSubjectRequests Requests { get; }

    /// <summary>Opens the same storage again with <paramref name="masterKey"/> (a second store instance, as another node or a restart would).</summary>
    public abstract OpenedStore OpenAgain(byte[] masterKey, string actor = "test-gate-2", EventHandler<FilingThresholdEventArgs>? filingThresholdReached = null);

    /// <summary>
    /// Writes people straight into storage in one transaction (a template and a data key each, first stored at the
    /// given time), as a store filled by an earlier version or another node would hold them.
    /// </summary>
    public abstract void InsertPeople(int count, Func<int, DateTimeOffset> storedAt, string prefix = "person");

    /// <summary>The id of the <paramref name="index"/>th person <see cref="InsertPeople"/> writes.</summary>
    protected static string InsertedPerson(string prefix, int index) => prefix + "-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>When an inserted template expires: ten years after it was stored, in ticks.</summary>
    protected const long InsertedTemplateLifetime = 864000000000L * 3650;

    /// <summary>Flips a byte of a template's stored ciphertext.</summary>
    public void DamageCiphertext(string templateId) => FlipByte("templates", "ciphertext", "template_id", templateId);

    /// <summary>Flips a byte of a person's stored wrapped data key.</summary>
    public void DamageSubjectKey(string subjectId) => FlipByte("subject_keys", "wrapped_key", "subject_id", subjectId);

    private void FlipByte(string table, string column, string keyColumn, string key)
    {
        var value = ReadBytes($"SELECT {column} FROM {table} WHERE {keyColumn} = @key", key);
        value[20] ^= 1;
        WriteBytes($"UPDATE {table} SET {column} = @value WHERE {keyColumn} = @key", key, value);
    }

    /// <summary>Runs a query of one bytes value with the parameter <c>@key</c>, outside the store.</summary>
    protected abstract byte[] ReadBytes(string sql, string key);

    /// <summary>Runs an update of one row with the parameters <c>@key</c> and <c>@value</c>, outside the store.</summary>
    protected abstract void WriteBytes(string sql, string key, byte[] value);

    /// <summary>Runs a statement (the same SQL for both stores, parameters named <c>@name</c>) outside the store; returns the rows changed.</summary>
    public abstract int ExecuteRaw(string sql, params (string Name, object Value)[] parameters);

    /// <summary>Reads the first row of a query (the same SQL for both stores) outside the store, each column as a 64-bit integer.</summary>
    public abstract long[] ReadRow(string sql, params (string Name, object Value)[] parameters);

    /// <summary>Every row of a query (the same SQL for both stores), read outside the store, as the provider returns the values.</summary>
    public abstract List<object[]> ReadRows(string sql);

    /// <summary>Checks the storage's own integrity where the engine offers a check (SQLite's integrity_check); PostgreSQL checks its pages itself.</summary>
    public virtual void AssertStorageIntact()
    {
    }

    /// <summary>A template's stored ciphertext.</summary>
    public byte[] TemplateCiphertext(string templateId) => ReadBytes("SELECT ciphertext FROM templates WHERE template_id = @key", templateId);

    /// <summary>Overwrites the hash that anchors the audit chain after old records were purged, as someone without the audit key could.</summary>
    public abstract void ZeroAuditAnchor();

    /// <summary>The number of rows in <paramref name="table"/>, read outside the store.</summary>
    public abstract long Count(string table);

    /// <summary>Rewrites an audit record's detail in storage, as someone without the audit key could.</summary>
    public abstract void AlterAuditDetail(long sequence, string detail);

    public FacialDataStoreOptions Options(byte[] masterKey, string actor = "test-gate", EventHandler<FilingThresholdEventArgs>? filingThresholdReached = null) => new(new FacialDataKeys(masterKey))
    {
        FilingThresholdReached = filingThresholdReached,
        Actor = actor,
        TemplateDimension = Dimension,
        TimeProvider = Clock,
        MaxTemplatesPerSubject = Settings.MaxTemplatesPerSubject,
        MaxConsentsPerSubjectAndPurpose = Settings.MaxConsentsPerSubjectAndPurpose,
        Filing = Settings.Filing ?? new FilingThresholdOptions(),
    };

    /// <summary>The cosine similarity the stores compute (the same library function), computed here rather than by the store under test.</summary>
    public static float Cosine(FaceTemplate a, FaceTemplate b) => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a.Values, b.Values);

    /// <summary>A template of the store's dimension (or another), different for each seed.</summary>
    public static FaceTemplate Template(int seed, int dimension = Dimension)
    {
        var values = new float[dimension];
        var random = new Random(seed);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return new FaceTemplate(values);
    }

    /// <summary>Rotates the master key of this storage (<c>RotateMasterKey</c> of the store's kind); the store already open keeps the old key.</summary>
    public abstract MasterKeyRotation RotateMasterKey(byte[] currentKey, byte[] newKey, string actor = "key-rotation");

    /// <summary>A person's wrapped data key as stored, read outside the store.</summary>
    public byte[] WrappedKey(string subjectId) => ReadBytes("SELECT wrapped_key FROM subject_keys WHERE subject_id = @key", subjectId);

    public abstract void Dispose();

    /// <summary>Reads every row of <paramref name="reader"/> and disposes it.</summary>
    protected static List<object[]> Rows(System.Data.Common.DbDataReader reader)
    {
        using (reader)
        {
            var rows = new List<object[]>();
            while (reader.Read())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }

            return rows;
        }
    }
}

/// <summary>The SQLite store in a new file.</summary>
public sealed class SqliteStoreUnderTest : StoreUnderTest
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-stores-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteFacialDataStore _store;

    public SqliteStoreUnderTest(StoreSettings settings)
        : base(settings)
    {
        Directory.CreateDirectory(_directory);
        _store = SqliteFacialDataStore.Open(FilePath, Options(OwnMasterKey));
    }

    private string FilePath => Path.Combine(_directory, "faces.db");

    public SqliteFacialDataStore Store => _store;

    public override IConsentRegistry Consents => _store.Consents;

    public override IFaceTemplateStore Templates => _store.Templates;

    public override IAuditTrail Audit => _store.Audit;

    public override ILegalBasisRegistry LegalBases => _store.LegalBases;

    public override IFacialDataLifecycle Lifecycle => _store.Lifecycle;

    public override IDataSubjectRequests Requests => _store.Requests;

    public override OpenedStore OpenAgain(byte[] masterKey, string actor = "test-gate-2", EventHandler<FilingThresholdEventArgs>? filingThresholdReached = null)
    {
        var store = SqliteFacialDataStore.Open(FilePath, Options(masterKey, actor, filingThresholdReached));
        return new OpenedStore(store.Consents, store.Templates, store.Audit, store);
    }

    public override void InsertPeople(int count, Func<int, DateTimeOffset> storedAt, string prefix = "person")
    {
        using var connection = Raw();
        using var transaction = connection.BeginTransaction();
        using var key = connection.CreateCommand();
        key.CommandText = "INSERT INTO subject_keys (subject_id, wrapped_key, created_at) VALUES (@subject, x'00', @at)";
        using var template = connection.CreateCommand();
        template.CommandText = "INSERT INTO templates (template_id, subject_id, purpose_id, receipt_id, collected_at, expires_at, ciphertext) VALUES (@id, @subject, @purpose, 'r', @at, @expires, x'00')";
        for (var i = 0; i < count; i++)
        {
            var subject = InsertedPerson(prefix, i);
            var at = storedAt(i).UtcTicks;
            key.Parameters.Clear();
            key.Parameters.AddWithValue("@subject", subject);
            key.Parameters.AddWithValue("@at", at);
            key.ExecuteNonQuery();
            template.Parameters.Clear();
            template.Parameters.AddWithValue("@id", subject + "-t");
            template.Parameters.AddWithValue("@subject", subject);
            template.Parameters.AddWithValue("@purpose", GateEntry.Info.Id);
            template.Parameters.AddWithValue("@at", at);
            template.Parameters.AddWithValue("@expires", at + InsertedTemplateLifetime);
            template.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public override MasterKeyRotation RotateMasterKey(byte[] currentKey, byte[] newKey, string actor = "key-rotation") =>
        SqliteFacialDataStore.RotateMasterKey(FilePath, new FacialDataKeys(currentKey), new FacialDataKeys(newKey), actor);

    protected override byte[] ReadBytes(string sql, string key)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@key", key);
        return (byte[])command.ExecuteScalar()!;
    }

    protected override void WriteBytes(string sql, string key, byte[] value) => Execute(sql, ("@key", key), ("@value", value));

    public override void AlterAuditDetail(long sequence, string detail) =>
        Execute("UPDATE audit SET detail = @detail WHERE sequence = @sequence", ("@detail", detail), ("@sequence", sequence));

    public override int ExecuteRaw(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    public override long[] ReadRow(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("The query returned no row: " + sql);
        }

        var row = new long[reader.FieldCount];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = reader.GetInt64(i);
        }

        return row;
    }

    public override void ZeroAuditAnchor() => Execute("UPDATE meta SET value = zeroblob(32) WHERE key = 'audit_anchor_hash'");

    public override List<object[]> ReadRows(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Rows(command.ExecuteReader());
    }

    public override void AssertStorageIntact() => Xunit.Assert.Equal("ok", ReadRows("PRAGMA integrity_check").Single()[0]);

    public override long Count(string table)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public override void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException("The test meant to change one row: " + sql);
        }
    }
}

/// <summary>The PostgreSQL store in a new database (CREATE DATABASE with a random name), dropped after the test.</summary>
public sealed class PostgreSqlStoreUnderTest : StoreUnderTest
{
    private readonly PostgreSqlFacialDataStore _store;

    public PostgreSqlStoreUnderTest(StoreSettings settings)
        : base(settings)
    {
        ConnectionString = TestServer.CreateDatabase();
        _store = PostgreSqlFacialDataStore.Open(ConnectionString, Options(OwnMasterKey));
    }

    /// <summary>The test's own database on the test server.</summary>
    public string ConnectionString { get; }

    public PostgreSqlFacialDataStore Store => _store;

    public override IConsentRegistry Consents => _store.Consents;

    public override IFaceTemplateStore Templates => _store.Templates;

    public override IAuditTrail Audit => _store.Audit;

    public override ILegalBasisRegistry LegalBases => _store.LegalBases;

    public override IFacialDataLifecycle Lifecycle => _store.Lifecycle;

    public override IDataSubjectRequests Requests => _store.Requests;

    public override OpenedStore OpenAgain(byte[] masterKey, string actor = "test-gate-2", EventHandler<FilingThresholdEventArgs>? filingThresholdReached = null)
    {
        var store = PostgreSqlFacialDataStore.Open(ConnectionString, Options(masterKey, actor, filingThresholdReached));
        return new OpenedStore(store.Consents, store.Templates, store.Audit, store);
    }

    /// <summary>Copies the people in with COPY, in one transaction.</summary>
    public override void InsertPeople(int count, Func<int, DateTimeOffset> storedAt, string prefix = "person")
    {
        using var connection = Raw();
        using var transaction = connection.BeginTransaction();
        var people = new (string Subject, long At)[count];
        for (var i = 0; i < count; i++)
        {
            people[i] = (InsertedPerson(prefix, i), storedAt(i).UtcTicks);
        }

        using (var keys = connection.BeginBinaryImport("COPY subject_keys (subject_id, wrapped_key, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (subject, at) in people)
            {
                keys.WriteRow(subject, new byte[1], at);
            }

            keys.Complete();
        }

        using (var templates = connection.BeginBinaryImport("COPY templates (template_id, subject_id, purpose_id, receipt_id, collected_at, expires_at, ciphertext) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (subject, at) in people)
            {
                templates.WriteRow(subject + "-t", subject, GateEntry.Info.Id, "r", at, at + InsertedTemplateLifetime, new byte[1]);
            }

            templates.Complete();
        }

        transaction.Commit();
    }

    /// <summary>Another store instance on the same database, with a connection pool of its own: another application node.</summary>
    public PostgreSqlFacialDataStore OpenNode(byte[] masterKey, string actor) => PostgreSqlFacialDataStore.Open(ConnectionString, Options(masterKey, actor));

    public override MasterKeyRotation RotateMasterKey(byte[] currentKey, byte[] newKey, string actor = "key-rotation") =>
        PostgreSqlFacialDataStore.RotateMasterKey(ConnectionString, new FacialDataKeys(currentKey), new FacialDataKeys(newKey), actor);

    protected override byte[] ReadBytes(string sql, string key)
    {
        using var connection = Raw();
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("@key", key);
        return (byte[])command.ExecuteScalar()!;
    }

    protected override void WriteBytes(string sql, string key, byte[] value) => Execute(sql, ("@key", key), ("@value", value));

    public override void AlterAuditDetail(long sequence, string detail) =>
        Execute("UPDATE audit SET detail = @detail WHERE sequence = @sequence", ("@detail", detail), ("@sequence", sequence));

    public override int ExecuteRaw(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Raw();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    public override long[] ReadRow(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Raw();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("The query returned no row: " + sql);
        }

        var row = new long[reader.FieldCount];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        }

        return row;
    }

    public override void ZeroAuditAnchor() => Execute("UPDATE audit_chain SET anchor_hash = @value WHERE id = 1", ("@value", new byte[32]));

    public override List<object[]> ReadRows(string sql)
    {
        using var connection = Raw();
        using var command = new NpgsqlCommand(sql, connection);
        return Rows(command.ExecuteReader());
    }

    public override long Count(string table)
    {
        using var connection = Raw();
        using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {table}", connection);
        return (long)command.ExecuteScalar()!;
    }

    public override void Dispose()
    {
        _store.Dispose();
        TestServer.DropDatabase(ConnectionString);
    }

    private NpgsqlConnection Raw()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Raw();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException("The test meant to change one row: " + sql);
        }
    }
}

/// <summary>The PostgreSQL server the tests use: the one ./test.sh starts (or any named by FACECOMPLIANCE_TEST_POSTGRES).</summary>
public static class TestServer
{
    public const string Variable = "FACECOMPLIANCE_TEST_POSTGRES";

    /// <summary>The server's connection string, of a role that may create databases.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set: the PostgreSQL tests fail, they do not skip.</exception>
    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{Variable} is not set, so the PostgreSQL store's tests have no server. Run the tests with ./test.sh (README's test command), "
            + "which starts a throw-away PostgreSQL server and sets it, or set it to an Npgsql connection string of a role that may CREATE DATABASE.");

    /// <summary>Creates a database with a random name; returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "facecompliance_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing its connections.</summary>
    public static void DropDatabase(string connectionString) =>
        Execute($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
