using System;
using System.Collections.Generic;
using Npgsql;
using FaceCompliance.Storage;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// The audit table: appends records to the one hash chain inside the caller's write transaction (so the record and the
/// change it describes commit together), reads them back and verifies the chain. The chain's head (last sequence and
/// hash) lives in the <c>audit_chain</c> row, locked by every write transaction before it appends: appends from every
/// node and thread take turns on it, so each record follows the last committed one: no fork, no gap.
/// </summary>
internal sealed class PostgreSqlAuditTrail(PostgreSqlDatabase database, AuditChain chain, string actor, TimeProvider clock) : IAuditTrail
{
    private const string Columns = "sequence, time, actor, action, subject_id, purpose_id, receipt_id, outcome, detail, previous_hash, hash";

    /// <summary>Appends one record in the open write transaction (which holds the lock on the chain's head).</summary>
    public AuditRecord Append(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditAction action, string? subjectId,
        string? purposeId, string? receiptId, AuditOutcome outcome, string? detail)
    {
        long headSequence;
        byte[] headHash;
        using (var command = PostgreSqlDatabase.Command(connection, transaction, "SELECT head_sequence, head_hash FROM audit_chain WHERE id = 1 FOR UPDATE"))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            headSequence = reader.GetInt64(0);
            headHash = (byte[])reader.GetValue(1);
        }

        var record = chain.Append(headSequence, headHash, clock.GetUtcNow(), actor, action, subjectId, purposeId, receiptId, outcome, detail);
        PostgreSqlDatabase.Execute(connection, transaction,
            $"INSERT INTO audit ({Columns}) VALUES (@sequence, @time, @actor, @action, @subject, @purpose, @receipt, @outcome, @detail, @previous, @hash)",
            ("@sequence", record.Sequence), ("@time", record.Time.UtcTicks), ("@actor", record.Actor), ("@action", (int)record.Action),
            ("@subject", record.SubjectId), ("@purpose", record.PurposeId), ("@receipt", record.ReceiptId), ("@outcome", (int)record.Outcome),
            ("@detail", record.Detail), ("@previous", record.PreviousHash), ("@hash", record.Hash));
        PostgreSqlDatabase.Execute(connection, transaction, "UPDATE audit_chain SET head_sequence = @sequence, head_hash = @hash WHERE id = 1",
            ("@sequence", record.Sequence), ("@hash", record.Hash));
        return record;
    }

    /// <summary>Appends one record in a transaction of its own.</summary>
    public AuditRecord Append(AuditAction action, string? subjectId, string? purposeId, string? receiptId, AuditOutcome outcome, string? detail) =>
        database.Write((connection, transaction) => Append(connection, transaction, action, subjectId, purposeId, receiptId, outcome, detail));

    public IReadOnlyList<AuditRecord> Read(long afterSequence = 0, int max = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return ReadList($"SELECT {Columns} FROM audit WHERE sequence > @after ORDER BY sequence LIMIT @max", ("@after", afterSequence), ("@max", max));
    }

    public IReadOnlyList<AuditRecord> Query(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.AfterSequence, nameof(query));
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"An audit query returns 1 to {AuditQuery.MaxLimit} records at a time; read further pages with AfterSequence.");
        }

        var conditions = new List<string> { "sequence > @after" };
        var parameters = new List<(string Name, object? Value)> { ("@after", query.AfterSequence), ("@limit", query.Limit) };
        if (query.SubjectId is { } subject)
        {
            SubjectId.Validate(subject, nameof(query));
            conditions.Add("subject_id = @subject");
            parameters.Add(("@subject", subject));
        }

        if (query.Action is { } action)
        {
            if (!Enum.IsDefined(action))
            {
                throw new ArgumentOutOfRangeException(nameof(query), action, $"{action} is not a defined AuditAction.");
            }

            conditions.Add("action = @action");
            parameters.Add(("@action", (int)action));
        }

        if (query.From is { } from)
        {
            conditions.Add("time >= @from");
            parameters.Add(("@from", from.UtcTicks));
        }

        if (query.Until is { } until)
        {
            conditions.Add("time < @until");
            parameters.Add(("@until", until.UtcTicks));
        }

        return ReadList($"SELECT {Columns} FROM audit WHERE {string.Join(" AND ", conditions)} ORDER BY sequence LIMIT @limit", parameters.ToArray());
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

        return Append(AuditAction.ApplicationEvent, subjectId, null, null, outcome, PostgreSqlLifecycle.Reason(detail, nameof(detail)));
    }

    public AuditVerification Verify()
    {
        // One snapshot: the anchor and the records are read as of the same moment, even while other nodes append or purge.
        using var connection = database.Open();
        using var snapshot = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        long? anchorSequence = null;
        byte[]? anchorHash = null;
        long headSequence;
        byte[] headHash;
        using (var command = PostgreSqlDatabase.Command(connection, snapshot, "SELECT anchor_sequence, anchor_hash, head_sequence, head_hash FROM audit_chain WHERE id = 1"))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            if (!reader.IsDBNull(0))
            {
                anchorSequence = reader.GetInt64(0);
                anchorHash = (byte[])reader.GetValue(1);
            }

            headSequence = reader.GetInt64(2);
            headHash = (byte[])reader.GetValue(3);
        }

        var records = new List<AuditRecord>();
        using (var command = PostgreSqlDatabase.Command(connection, snapshot, $"SELECT {Columns} FROM audit ORDER BY sequence"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                records.Add(ReadRecord(reader));
            }
        }

        var verification = anchorSequence is { } sequence ? chain.Verify(records, anchorHash, sequence + 1) : chain.Verify(records);
        if (!verification.IsValid)
        {
            return verification;
        }

        // The head row names the last record appended: records cut from the end of the chain are missing against it
        // (unless whoever cut them also rewrote the head, which the same database cannot rule out).
        var last = records.Count > 0 ? records[^1].Sequence : anchorSequence ?? 0;
        var lastHash = records.Count > 0 ? records[^1].Hash : anchorHash ?? new byte[AuditChain.HashSize];
        if (last != headSequence || !lastHash.AsSpan().SequenceEqual(headHash))
        {
            return AuditVerification.Invalid(last + 1,
                $"missing record: the chain's head is record {headSequence}, but the last record stored is {last} (records cut from the end, or the head altered)",
                verification.RecordsChecked);
        }

        return verification;
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
            var last = PostgreSqlDatabase.Count(connection, transaction,
                "SELECT COALESCE((SELECT MIN(sequence) FROM audit WHERE time >= @cutoff), (SELECT MAX(sequence) + 1 FROM audit), 1) - 1",
                ("@cutoff", cutoff.UtcTicks));
            if (PostgreSqlDatabase.Scalar(connection, transaction, "SELECT hash FROM audit WHERE sequence = @last", ("@last", last)) is not byte[] hash)
            {
                return 0;
            }

            var deleted = PostgreSqlDatabase.Execute(connection, transaction, "DELETE FROM audit WHERE sequence <= @last", ("@last", last));
            PostgreSqlDatabase.Execute(connection, transaction, "UPDATE audit_chain SET anchor_sequence = @sequence, anchor_hash = @hash WHERE id = 1",
                ("@sequence", last), ("@hash", hash));
            return deleted;
        });
    }

    private List<AuditRecord> ReadList(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = PostgreSqlDatabase.Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var records = new List<AuditRecord>();
        while (reader.Read())
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }

    private static AuditRecord ReadRecord(NpgsqlDataReader reader) => new(
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
