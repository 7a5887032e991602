using System;
using System.Collections.Generic;
using System.Data.Common;

namespace FaceCompliance.Storage;

/// <summary>
/// The audit table: appends records to the hash chain inside the caller's write transaction (so the record and the
/// change it describes commit together), reads them back and verifies the chain. The write transaction holds the
/// chain's head (<see cref="RelationalDatabase.ReadChainHead"/>), so appends from every thread, process or node take
/// turns and each record follows the last committed one: no fork, no gap.
/// </summary>
internal class RelationalAuditTrail(RelationalDatabase database, AuditChain chain, string actor, TimeProvider clock) : IAuditTrail
{
    private const string Columns = "sequence, time, actor, action, subject_id, purpose_id, receipt_id, outcome, detail, previous_hash, hash";

    /// <summary>The chain's key, for the health check's look at the chain's head.</summary>
    public AuditChain Chain => chain;

    /// <summary>Appends one record in the open write transaction.</summary>
    public AuditRecord Append(DbConnection connection, DbTransaction transaction, AuditAction action, string? subjectId,
        string? purposeId, string? receiptId, AuditOutcome outcome, string? detail)
    {
        var (headSequence, headHash) = database.ReadChainHead(connection, transaction);
        var record = chain.Append(headSequence, headHash, clock.GetUtcNow(), actor, action, subjectId, purposeId, receiptId, outcome, detail);
        RelationalDatabase.Execute(connection, transaction,
            $"INSERT INTO audit ({Columns}) VALUES (@sequence, @time, @actor, @action, @subject, @purpose, @receipt, @outcome, @detail, @previous, @hash)",
            ("@sequence", record.Sequence), ("@time", record.Time.UtcTicks), ("@actor", record.Actor), ("@action", (int)record.Action),
            ("@subject", record.SubjectId), ("@purpose", record.PurposeId), ("@receipt", record.ReceiptId), ("@outcome", (int)record.Outcome),
            ("@detail", record.Detail), ("@previous", record.PreviousHash), ("@hash", record.Hash));
        database.MoveChainHead(connection, transaction, record);
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
        var (sql, parameters) = QuerySql(query);
        return ReadList(sql, parameters);
    }

    /// <summary>The statement and parameters of <paramref name="query"/>, after checking it; the audit indexes serve each condition.</summary>
    internal static (string Sql, (string Name, object? Value)[] Parameters) QuerySql(AuditQuery query)
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

        return ($"SELECT {Columns} FROM audit WHERE {string.Join(" AND ", conditions)} ORDER BY sequence LIMIT @limit", parameters.ToArray());
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

        return Append(AuditAction.ApplicationEvent, subjectId, null, null, outcome, RelationalLifecycle.Reason(detail, nameof(detail)));
    }

    public AuditRecord RecordIdentificationEvent(AuditAction action, string purposeId, string? subjectId, string detail)
    {
        if (action is not (AuditAction.IdentificationUseStarted or AuditAction.IdentificationUseEnded or AuditAction.Identified or AuditAction.IdentificationConfirmed))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, $"{action} is not an event of remote biometric identification.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(purposeId);
        AuditInput.Optional(purposeId, AuditChain.MaxIdentifierLength, nameof(purposeId));
        if (subjectId is not null)
        {
            SubjectId.Validate(subjectId, nameof(subjectId));
        }

        return Append(action, subjectId, purposeId, null, AuditOutcome.Succeeded, RelationalLifecycle.Reason(detail, nameof(detail)));
    }

    public AuditVerification Verify()
    {
        // One snapshot: the anchor, the head and the records are read as of the same moment, even while others append or purge.
        using var connection = database.OpenConnection();
        using var snapshot = database.BeginSnapshot(connection);
        var (anchor, head) = database.ReadChainEnds(connection, snapshot);
        AuditRecord? last = null;
        IEnumerable<AuditRecord> Records()
        {
            foreach (var record in ReadAll(connection, snapshot))
            {
                last = record;
                yield return record;
            }
        }

        var verification = anchor is { } purged ? chain.Verify(Records(), purged.Hash, purged.Sequence + 1) : chain.Verify(Records());
        if (!verification.IsValid || head is not { } expected)
        {
            return verification;
        }

        // The head names the last record appended: records cut from the end of the chain are missing against it
        // (unless whoever cut them also rewrote the head, which the same database cannot rule out).
        var lastSequence = last?.Sequence ?? anchor?.Sequence ?? 0;
        var lastHash = last?.Hash ?? anchor?.Hash ?? new byte[AuditChain.HashSize];
        if (lastSequence != expected.Sequence || !lastHash.AsSpan().SequenceEqual(expected.Hash))
        {
            return AuditVerification.Invalid(lastSequence + 1,
                $"missing record: the chain's head is record {expected.Sequence}, but the last record stored is {lastSequence} (records cut from the end, or the head altered)",
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
            var last = RelationalDatabase.Count(connection, transaction,
                "SELECT COALESCE((SELECT MIN(sequence) FROM audit WHERE time >= @cutoff), (SELECT MAX(sequence) + 1 FROM audit), 1) - 1",
                ("@cutoff", cutoff.UtcTicks));
            if (RelationalDatabase.Scalar(connection, transaction, "SELECT hash FROM audit WHERE sequence = @last", ("@last", last)) is not byte[] hash)
            {
                return 0;
            }

            var deleted = RelationalDatabase.Execute(connection, transaction, "DELETE FROM audit WHERE sequence <= @last", ("@last", last));
            database.WriteChainAnchor(connection, transaction, last, hash);
            return deleted;
        });
    }

    /// <summary>The last record stored, or null when there is none.</summary>
    public static AuditRecord? LastRecord(DbConnection connection, DbTransaction? transaction)
    {
        using var command = RelationalDatabase.Command(connection, transaction, $"SELECT {Columns} FROM audit ORDER BY sequence DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRecord(reader) : null;
    }

    /// <summary>
    /// Whether the last record's hash verifies with <paramref name="chain"/>'s key (true when there is no record): how
    /// a file written before the key check value was recorded tells whether a master key is its own.
    /// </summary>
    public static bool LastRecordVerifies(DbConnection connection, DbTransaction transaction, AuditChain chain) =>
        LastRecord(connection, transaction) is not { } last || chain.Verify([last], last.PreviousHash, last.Sequence).IsValid;

    private List<AuditRecord> ReadList(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.OpenConnection();
        using var command = RelationalDatabase.Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var records = new List<AuditRecord>();
        while (reader.Read())
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }

    private static IEnumerable<AuditRecord> ReadAll(DbConnection connection, DbTransaction snapshot)
    {
        using var command = RelationalDatabase.Command(connection, snapshot, $"SELECT {Columns} FROM audit ORDER BY sequence");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRecord(reader);
        }
    }

    private static AuditRecord ReadRecord(DbDataReader reader) => new(
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
