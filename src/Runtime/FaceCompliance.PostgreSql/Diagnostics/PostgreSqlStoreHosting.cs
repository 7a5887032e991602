using System;
using System.Globalization;
using System.IO;
using FaceCompliance.Storage;
using Npgsql;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// The store as <c>.AddPostgreSqlStore(…)</c> runs it: opened with the log events every store writes (1001-1003), the
/// instruments of the meter "FaceCompliance" (the gauges of people and templates stored, filing levels) and event
/// 1006, and the quick check behind the health check "facecompliance.postgresql".
/// </summary>
/// <remarks>
/// The store's own classes do not log yet (consent refused or withdrawn, quarantine, purge, and their counters): when
/// they take a <see cref="StoreTelemetry"/> as the SQLite store's do, the metrics and event 1006 here go.
/// </remarks>
internal sealed class PostgreSqlStoreHosting : IDisposable
{
    private readonly PostgreSqlDatabase _checkDatabase;
    private readonly StoreMetrics _metrics;
    private readonly byte[] _keyCheckValue;
    private readonly AuditChain _chain;

    private PostgreSqlStoreHosting(PostgreSqlFacialDataStore store, string connectionString, FacialDataStoreOptions options, StoreTelemetry telemetry)
    {
        Store = store;
        _metrics = telemetry.Metrics;
        // The health check reads the key check value and the chain's head on a small pool of its own (the last record through the store).
        _checkDatabase = new PostgreSqlDatabase(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 2 }.ConnectionString);
        _keyCheckValue = PostgreSqlDatabase.KeyCheckValue(options.Keys);
        // The schema exists (the store just opened): this only checks the key again and unseals the audit key.
        _chain = new AuditChain(_checkDatabase.CreateSchema(options.Keys));
        var templates = (PostgreSqlTemplateStore)store.Templates;
        templates.FilingThresholdReached += (_, reached) =>
        {
            StoreLog.FilingThresholdReached(telemetry.Logger, reached.Level, reached.Threshold, reached.Count,
                reached.FilingDeadline is { } deadline ? deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (reached.FilingDeadlineIsEstimate ? " (estimate)" : "") : "none");
            telemetry.Metrics.FilingLevelReached(reached.Level);
        };
    }

    /// <summary>The store; the container disposes it.</summary>
    public PostgreSqlFacialDataStore Store { get; }

    /// <summary>Opens the store, logging that it opened or why it was refused.</summary>
    public static PostgreSqlStoreHosting Open(string connectionString, FacialDataStoreOptions options)
    {
        var logger = StoreTelemetry.CreateLogger(options, StoreTelemetry.PostgreSqlCategory);
        PostgreSqlFacialDataStore store;
        try
        {
            store = PostgreSqlFacialDataStore.Open(connectionString, options);
        }
        catch (MasterKeyMismatchException refused)
        {
            StoreLog.MasterKeyRefused(logger, refused.Database);
            throw;
        }
        catch (InvalidDataException damaged)
        {
            StoreLog.StoreDamaged(logger, DatabaseName(connectionString), damaged);
            throw;
        }

        StoreLog.StoreOpened(logger, store.Database, PostgreSqlDatabase.SchemaVersion, store.Templates.PeopleStored);
        var templates = (PostgreSqlTemplateStore)store.Templates;
        var metrics = new StoreMetrics(options.MeterFactory, () => templates.PeopleStored, () => templates.TemplatesStored);
        return new PostgreSqlStoreHosting(store, connectionString, options, new StoreTelemetry(logger, metrics));
    }

    /// <summary>
    /// Null when all is well, otherwise what is wrong: the database answers, its key check value is the store's key's,
    /// and the last audit record is the chain's head and verifies. Two queries, whatever the database's size
    /// (<see cref="IAuditTrail.Verify"/> reads every record).
    /// </summary>
    public string? Check()
    {
        try
        {
            long headSequence;
            byte[] headHash;
            using (var connection = _checkDatabase.Open())
            {
                if (PostgreSqlDatabase.Scalar(connection, null, "SELECT value FROM meta WHERE key = 'master_key_check'") is not byte[] recorded)
                {
                    return $"{Store.Database} has no key check value.";
                }

                if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(recorded, _keyCheckValue))
                {
                    return $"The master key does not match the key check value of {Store.Database}.";
                }

                using var command = PostgreSqlDatabase.Command(connection, null, "SELECT head_sequence, head_hash FROM audit_chain WHERE id = 1");
                using var reader = command.ExecuteReader();
                reader.Read();
                headSequence = reader.GetInt64(0);
                headHash = (byte[])reader.GetValue(1);
            }

            if (headSequence == 0)
            {
                return null;
            }

            var last = Store.Audit.Read(headSequence - 1, 1);
            if (last.Count != 1 || last[0].Sequence != headSequence || !last[0].Hash.AsSpan().SequenceEqual(headHash))
            {
                return $"The last audit record of {Store.Database} is not the chain's head (record {headSequence}): records were cut from the end, or the head was altered.";
            }

            return _chain.Verify(last, last[0].PreviousHash, last[0].Sequence).IsValid
                ? null
                : $"The last audit record of {Store.Database} does not verify (the chain's head was altered).";
        }
        catch (Exception e) when (e is MasterKeyMismatchException or InvalidDataException or InvalidOperationException)
        {
            return e.Message;
        }
        catch (NpgsqlException e)
        {
            return $"{Store.Database} cannot be read: {e.Message}";
        }
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _checkDatabase.Dispose();
    }

    private static string DatabaseName(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
