using System;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using FaceCompliance.Storage;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// The PostgreSQL change feed: a trigger on the audit table calls <c>pg_notify</c> with each record's sequence number,
/// which PostgreSQL delivers to listeners when the writing transaction commits (so on every node, for a write of any
/// node). This listener holds a connection of its own with <c>LISTEN</c>, waits for notifications (Npgsql's
/// <c>WaitAsync</c>), and after each one (and after every connect, before reporting current) reads the records after
/// the last delivered. Every <see cref="Heartbeat"/> without a notification it runs a query on its connection, so a
/// connection that died silently is found within a heartbeat plus <see cref="AliveTimeout"/>.
/// </summary>
internal sealed class PostgreSqlAuditListener : AuditFollower
{
    /// <summary>The channel the audit trigger notifies; the payload is the record's sequence number.</summary>
    public const string Channel = "facecompliance_audit";

    /// <summary>The <c>application_name</c> prefix of listener connections (pg_stat_activity shows which node's is which).</summary>
    public const string ApplicationNamePrefix = "facecompliance-listener:";

    /// <summary>How long the listener waits for a notification before checking its connection.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    /// <summary>How long the check may take before the connection is taken as lost.</summary>
    public static readonly TimeSpan AliveTimeout = TimeSpan.FromSeconds(3);

    // Any fixed number: held while the trigger is installed, so that nodes starting together install it once.
    private const long TriggerLockKey = 0x46436E6F7469;

    private readonly PostgreSqlDatabase _database;
    private readonly string _applicationName;
    private NpgsqlConnection? _connection;
    private long _notified;

    public PostgreSqlAuditListener(PostgreSqlDatabase database, RelationalAuditTrail audit, string actor, long afterSequence, IAuditChangeObserver observer)
        : base((after, max) => audit.Read(after, max), afterSequence, observer)
    {
        _database = database;
        var name = ApplicationNamePrefix + actor;
        _applicationName = name.Length > 63 ? name[..63] : name;
    }

    protected override async Task ConnectAsync(CancellationToken cancellation)
    {
        var connection = (NpgsqlConnection)_database.OpenConnection();
        try
        {
            connection.Notification += (_, e) =>
            {
                if (long.TryParse(e.Payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
                    && sequence > Volatile.Read(ref _notified))
                {
                    Volatile.Write(ref _notified, sequence);
                }
            };
            EnsureTrigger(connection);
            await using (var command = new NpgsqlCommand($"SET application_name = '{_applicationName.Replace("'", "''", StringComparison.Ordinal)}'; LISTEN {Channel}", connection))
            {
                await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            }

            _connection = connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override async Task<bool> WaitAsync(CancellationToken cancellation)
    {
        var connection = _connection!;
        while (true)
        {
            if (!await connection.WaitAsync(Heartbeat, cancellation).ConfigureAwait(false))
            {
                return false;
            }

            // A notification of a record already read (a page ahead of its notification) needs no read.
            if (Volatile.Read(ref _notified) > Delivered)
            {
                return true;
            }
        }
    }

    protected override async Task CheckAliveAsync(CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("SELECT 1", _connection) { CommandTimeout = (int)AliveTimeout.TotalSeconds };
        await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false);
    }

    protected override void Disconnect()
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        try
        {
            connection?.Dispose();
        }
#pragma warning disable CA1031 // Closing a connection that is already broken may fail; there is nothing left to do with it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// Installs the audit table's notification trigger if the database has none (a database created before this
    /// version, or by a store that never followed its changes). Idempotent; nodes starting together take turns.
    /// </summary>
    private static void EnsureTrigger(NpgsqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        if (RelationalDatabase.Scalar(connection, transaction,
            "SELECT 1 FROM pg_trigger WHERE tgname = 'facecompliance_audit_notify' AND tgrelid = 'audit'::regclass") is null)
        {
            RelationalDatabase.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("@key", TriggerLockKey));
            RelationalDatabase.Execute(connection, transaction, $"""
                CREATE OR REPLACE FUNCTION facecompliance_audit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{Channel}', NEW.sequence::text);
                    RETURN NULL;
                END
                $$;
                CREATE OR REPLACE TRIGGER facecompliance_audit_notify AFTER INSERT ON audit
                    FOR EACH ROW EXECUTE FUNCTION facecompliance_audit_notify();
                """);
        }

        transaction.Commit();
    }
}
