using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using FaceCompliance.Storage;

namespace FaceCompliance.Sqlite;

/// <summary>
/// The audit table: appends records to the hash chain inside the caller's write transaction (so the record and the
/// change it describes commit together), reads them back and verifies the chain.
/// </summary>
internal sealed class SqliteAuditTrail(SqliteDatabase database, AuditChain chain, string actor, TimeProvider clock) : IAuditTrail
{
    private const string Columns = "sequence, time, actor, action, subject_id, purpose_id, receipt_id, outcome, detail, previous_hash, hash";

    /// <summary>The chain's key, for the health check's look at the chain's head.</summary>
    public AuditChain Chain => chain;

    /// <summary>Appends one record in the open write transaction.</summary>
    public AuditRecord Append(SqliteConnection connection, SqliteTransaction transaction, AuditAction action, string? subjectId,
        string? purposeId, string? receiptId, AuditOutcome outcome, string? detail)
    {
        AuditRecord? last = null;
        using (var command = SqliteDatabase.Command(connection, transaction, $"SELECT {Columns} FROM audit ORDER BY sequence DESC LIMIT 1"))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                last = ReadRecord(reader);
            }
        }

        var anchor = last is null ? ReadAnchor(connection, transaction) : null;
        var now = clock.GetUtcNow();
        var record = anchor is { } purged
            ? chain.Append(purged.Sequence, purged.Hash, now, actor, action, subjectId, purposeId, receiptId, outcome, detail)
            : chain.Append(last, now, actor, action, subjectId, purposeId, receiptId, outcome, detail);
        SqliteDatabase.Execute(connection, transaction,
            $"INSERT INTO audit ({Columns}) VALUES ($sequence, $time, $actor, $action, $subject, $purpose, $receipt, $outcome, $detail, $previous, $hash)",
            ("$sequence", record.Sequence), ("$time", record.Time.UtcTicks), ("$actor", record.Actor), ("$action", (int)record.Action),
            ("$subject", record.SubjectId), ("$purpose", record.PurposeId), ("$receipt", record.ReceiptId), ("$outcome", (int)record.Outcome),
            ("$detail", record.Detail), ("$previous", record.PreviousHash), ("$hash", record.Hash));
        return record;
    }

    /// <summary>Appends one record in a transaction of its own.</summary>
    public AuditRecord Append(AuditAction action, string? subjectId, string? purposeId, string? receiptId, AuditOutcome outcome, string? detail) =>
        database.Write((connection, transaction) => Append(connection, transaction, action, subjectId, purposeId, receiptId, outcome, detail));

    public IReadOnlyList<AuditRecord> Read(long afterSequence = 0, int max = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        using var connection = database.Open();
        using var command = SqliteDatabase.Command(connection, null,
            $"SELECT {Columns} FROM audit WHERE sequence > $after ORDER BY sequence LIMIT $max", ("$after", afterSequence), ("$max", max));
        using var reader = command.ExecuteReader();
        var records = new List<AuditRecord>();
        while (reader.Read())
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }

    public IReadOnlyList<AuditRecord> Query(AuditQuery query)
    {
        var (sql, parameters) = QuerySql(query);
        using var connection = database.Open();
        using var command = SqliteDatabase.Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var records = new List<AuditRecord>();
        while (reader.Read())
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }

    /// <summary>The statement and parameters of <paramref name="query"/>, after checking it; the indexes of schema version 4 serve each condition.</summary>
    internal static (string Sql, (string Name, object? Value)[] Parameters) QuerySql(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.AfterSequence, nameof(query));
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"An audit query returns 1 to {AuditQuery.MaxLimit} records at a time; read further pages with AfterSequence.");
        }

        var conditions = new List<string> { "sequence > $after" };
        var parameters = new List<(string Name, object? Value)> { ("$after", query.AfterSequence), ("$limit", query.Limit) };
        if (query.SubjectId is { } subject)
        {
            SubjectId.Validate(subject, nameof(query));
            conditions.Add("subject_id = $subject");
            parameters.Add(("$subject", subject));
        }

        if (query.Action is { } action)
        {
            if (!Enum.IsDefined(action))
            {
                throw new ArgumentOutOfRangeException(nameof(query), action, $"{action} is not a defined AuditAction.");
            }

            conditions.Add("action = $action");
            parameters.Add(("$action", (int)action));
        }

        if (query.From is { } from)
        {
            conditions.Add("time >= $from");
            parameters.Add(("$from", from.UtcTicks));
        }

        if (query.Until is { } until)
        {
            conditions.Add("time < $until");
            parameters.Add(("$until", until.UtcTicks));
        }

        return ($"SELECT {Columns} FROM audit WHERE {string.Join(" AND ", conditions)} ORDER BY sequence LIMIT $limit", parameters.ToArray());
    }

    public AuditRecord RecordApplicationEvent(string? subjectId, AuditOutcome outcome, string detail)
    {
        if (subjectId is not null)
        {
            SubjectId.Validate(subjectId, nameof(subjectId));
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"{outcome} is not a defined AuditOutcome.");
        }

        SqliteLifecycle.Reason(detail, nameof(detail));
        return Append(AuditAction.ApplicationEvent, subjectId, null, null, outcome, detail);
    }

    public AuditVerification Verify()
    {
        // One read transaction: the anchor and the records come from the same snapshot, even while a purge runs.
        using var connection = database.Open();
        using var snapshot = connection.BeginTransaction(deferred: true);
        var anchor = ReadAnchor(connection, snapshot);
        return anchor is { } purged
            ? chain.Verify(ReadAll(connection, snapshot), purged.Hash, purged.Sequence + 1)
            : chain.Verify(ReadAll(connection, snapshot));
    }

    public int PurgeRecordsBefore(DateTimeOffset cutoff)
    {
        var now = clock.GetUtcNow();
        if (!AuditRetention.MayPurge(cutoff, now))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff,
                $"Audit records are kept at least 3 years (Measures Art. 9): records written before {cutoff:u} may not be deleted at {now:u}.");
        }

        return database.Write((connection, transaction) =>
        {
            // Only a prefix of the chain can go: stop at the first record written at or after the cutoff.
            var last = Convert.ToInt64(SqliteDatabase.Scalar(connection, transaction,
                "SELECT COALESCE((SELECT MIN(sequence) FROM audit WHERE time >= $cutoff), (SELECT MAX(sequence) + 1 FROM audit), 1) - 1",
                ("$cutoff", cutoff.UtcTicks)), System.Globalization.CultureInfo.InvariantCulture);
            if (SqliteDatabase.Scalar(connection, transaction, "SELECT hash FROM audit WHERE sequence = $last", ("$last", last)) is not byte[] hash)
            {
                return 0;
            }

            var deleted = SqliteDatabase.Execute(connection, transaction, "DELETE FROM audit WHERE sequence <= $last", ("$last", last));
            SqliteDatabase.Execute(connection, transaction, "INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_anchor_sequence', $sequence), ('audit_anchor_hash', $hash)",
                ("$sequence", last), ("$hash", hash));
            return deleted;
        });
    }

    /// <summary>
    /// Whether the last record's hash verifies with <paramref name="chain"/>'s key (true when there is no record): how
    /// a file written before the key check value was recorded tells whether a master key is its own.
    /// </summary>
    public static bool LastRecordVerifies(SqliteConnection connection, SqliteTransaction transaction, AuditChain chain)
    {
        using var command = SqliteDatabase.Command(connection, transaction, $"SELECT {Columns} FROM audit ORDER BY sequence DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return true;
        }

        var last = ReadRecord(reader);
        return chain.Verify([last], last.PreviousHash, last.Sequence).IsValid;
    }

    /// <summary>The sequence and hash of the last record purged, from which the remaining chain continues.</summary>
    private static (long Sequence, byte[] Hash)? ReadAnchor(SqliteConnection connection, SqliteTransaction? transaction) =>
        SqliteDatabase.Scalar(connection, transaction, "SELECT value FROM meta WHERE key = 'audit_anchor_sequence'") is long sequence
        && SqliteDatabase.Scalar(connection, transaction, "SELECT value FROM meta WHERE key = 'audit_anchor_hash'") is byte[] hash
            ? (sequence, hash)
            : null;

    private static IEnumerable<AuditRecord> ReadAll(SqliteConnection connection, SqliteTransaction snapshot)
    {
        using var command = SqliteDatabase.Command(connection, snapshot, $"SELECT {Columns} FROM audit ORDER BY sequence");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRecord(reader);
        }
    }

    private static AuditRecord ReadRecord(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
        reader.GetString(2),
        (AuditAction)reader.GetInt32(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        (AuditOutcome)reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        (byte[])reader.GetValue(9),
        (byte[])reader.GetValue(10));
}
