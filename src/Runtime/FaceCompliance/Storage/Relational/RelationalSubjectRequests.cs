using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;

namespace FaceCompliance.Storage;

/// <summary>Access and erasure requests in the <c>subject_requests</c> table; see <see cref="IDataSubjectRequests"/>.</summary>
internal sealed class RelationalSubjectRequests(RelationalDatabase database, RelationalAuditTrail audit, RelationalTemplateStore templates, TimeProvider clock)
    : IDataSubjectRequests
{
    private const string Columns = "request_id, subject_id, kind, received_at, due_at, extension_reason, answered_at";

    public DataSubjectRequest Receive(string subjectId, DataSubjectRequestKind kind, DateTimeOffset? receivedAt = null)
    {
        SubjectId.Validate(subjectId, nameof(subjectId));
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The request kind is Access or Erasure.");
        }

        var now = clock.GetUtcNow();
        var received = (receivedAt ?? now).ToUniversalTime();
        if (received > now)
        {
            throw new ArgumentOutOfRangeException(nameof(receivedAt), receivedAt, "A request cannot be received in the future.");
        }

        var request = new DataSubjectRequest(Guid.NewGuid().ToString("N"), subjectId, kind, received, DataSubjectRequestDeadline.DueAt(received), null, null);
        database.Write((connection, transaction) =>
        {
            RelationalDatabase.Execute(connection, transaction,
                "INSERT INTO subject_requests (request_id, subject_id, kind, received_at, due_at) VALUES (@id, @subject, @kind, @received, @due)",
                ("@id", request.Id), ("@subject", subjectId), ("@kind", (int)kind), ("@received", received.UtcTicks), ("@due", request.DueAt.UtcTicks));
            audit.Append(connection, transaction, AuditAction.SubjectRequestReceived, subjectId, null, null, AuditOutcome.Succeeded,
                Invariant($"{Name(kind)} request {request.Id} received {received:u}, due by {request.DueAt.AddDays(-1):yyyy-MM-dd} (UTC)"));
            return 0;
        });
        return request;
    }

    public DataSubjectRequest Extend(string requestId, string reason)
    {
        RelationalLifecycle.Reason(reason, nameof(reason));
        return database.Write((connection, transaction) =>
        {
            var request = Read(connection, transaction, requestId);
            if (!request.IsOpen)
            {
                throw new InvalidOperationException($"Request {requestId} is answered already; there is nothing to extend.");
            }

            if (request.IsExtended)
            {
                throw new InvalidOperationException($"Request {requestId} was extended already; a deadline can be extended once (GDPR Art. 12(3)).");
            }

            if (clock.GetUtcNow() >= request.DueAt)
            {
                throw new InvalidOperationException($"Request {requestId} is past its deadline: an extension must be decided, and the person told why, within the first month (GDPR Art. 12(3)).");
            }

            var extended = request with { DueAt = DataSubjectRequestDeadline.ExtendedDueAt(request.DueAt), ExtensionReason = reason };
            RelationalDatabase.Execute(connection, transaction,
                "UPDATE subject_requests SET due_at = @due, extension_reason = @reason WHERE request_id = @id",
                ("@due", extended.DueAt.UtcTicks), ("@reason", reason), ("@id", requestId));
            audit.Append(connection, transaction, AuditAction.SubjectRequestExtended, request.SubjectId, null, null, AuditOutcome.Succeeded,
                Invariant($"{Name(request.Kind)} request {requestId} extended, due by {extended.DueAt.AddDays(-1):yyyy-MM-dd} (UTC): {reason}"));
            return extended;
        });
    }

    public SubjectDataExport AnswerAccess(string requestId) => database.Write((connection, transaction) =>
    {
        var request = Open(connection, transaction, requestId, DataSubjectRequestKind.Access);
        var now = clock.GetUtcNow();
        var export = new SubjectDataExport(request.SubjectId, now, ReadConsents(connection, transaction, request.SubjectId), ReadTemplates(connection, transaction, request.SubjectId));
        Close(connection, transaction, requestId, now);
        audit.Append(connection, transaction, AuditAction.AccessRequestAnswered, request.SubjectId, null, null, AuditOutcome.Succeeded,
            Invariant($"access request {requestId} answered: {export.Consents.Count} consent(s) and {export.Templates.Count} template(s) described, template values not exported"));
        return export;
    });

    public FacialDataDeletion AnswerErasure(string requestId)
    {
        var result = database.Write((connection, transaction) =>
        {
            var request = Open(connection, transaction, requestId, DataSubjectRequestKind.Erasure);
            var now = clock.GetUtcNow();
            var before = RelationalTemplateStore.CountPeople(connection, transaction);
            var consents = RelationalDatabase.Execute(connection, transaction,
                "UPDATE consents SET withdrawn_at = @now WHERE subject_id = @subject AND withdrawn_at IS NULL", ("@now", now.UtcTicks), ("@subject", request.SubjectId));
            var deleted = templates.DeleteTemplates(connection, transaction, request.SubjectId, purposeId: null);
            var after = RelationalTemplateStore.CountPeople(connection, transaction);
            Close(connection, transaction, requestId, now);
            audit.Append(connection, transaction, AuditAction.ErasureRequestAnswered, request.SubjectId, null, null, AuditOutcome.Succeeded,
                Invariant($"erasure request {requestId} answered: {deleted} template(s) deleted across all purposes, {consents} consent(s) ended"));
            return new FacialDataDeletion(deleted, consents, before, after);
        });
        templates.AfterDeletion(result.PeopleStoredBefore, result.PeopleStoredAfter);
        return result;
    }

    public DataSubjectRequest Get(string requestId)
    {
        using var connection = database.OpenConnection();
        return Read(connection, null, requestId);
    }

    public IReadOnlyList<DataSubjectRequest> Overdue()
    {
        using var connection = database.OpenConnection();
        using var command = RelationalDatabase.Command(connection, null,
            $"SELECT {Columns} FROM subject_requests WHERE answered_at IS NULL AND due_at <= @now ORDER BY due_at, request_id",
            ("@now", clock.GetUtcNow().UtcTicks));
        using var reader = command.ExecuteReader();
        var overdue = new List<DataSubjectRequest>();
        while (reader.Read())
        {
            overdue.Add(Request(reader));
        }

        return overdue;
    }

    private static DataSubjectRequest Open(DbConnection connection, DbTransaction transaction, string requestId, DataSubjectRequestKind kind)
    {
        var request = Read(connection, transaction, requestId);
        if (request.Kind != kind)
        {
            throw new InvalidOperationException($"Request {requestId} is an {Name(request.Kind)} request, not an {Name(kind)} request.");
        }

        if (!request.IsOpen)
        {
            throw new InvalidOperationException($"Request {requestId} was answered already, at {request.AnsweredAt:u}.");
        }

        return request;
    }

    private static void Close(DbConnection connection, DbTransaction transaction, string requestId, DateTimeOffset now) =>
        RelationalDatabase.Execute(connection, transaction, "UPDATE subject_requests SET answered_at = @now WHERE request_id = @id", ("@now", now.UtcTicks), ("@id", requestId));

    private static DataSubjectRequest Read(DbConnection connection, DbTransaction? transaction, string requestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        using var command = RelationalDatabase.Command(connection, transaction, $"SELECT {Columns} FROM subject_requests WHERE request_id = @id", ("@id", requestId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Request(reader) : throw new KeyNotFoundException($"No data subject request has the id '{requestId}'.");
    }

    private static DataSubjectRequest Request(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        (DataSubjectRequestKind)Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
        Time(reader.GetInt64(3)),
        Time(reader.GetInt64(4)),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : Time(reader.GetInt64(6)));

    private static List<ExportedConsent> ReadConsents(DbConnection connection, DbTransaction transaction, string subjectId)
    {
        using var command = RelationalDatabase.Command(connection, transaction,
            "SELECT receipt_id, purpose_id, notice_version, given_at, expires_at, withdrawn_at FROM consents WHERE subject_id = @subject ORDER BY given_at, receipt_id",
            ("@subject", subjectId));
        using var reader = command.ExecuteReader();
        var consents = new List<ExportedConsent>();
        while (reader.Read())
        {
            consents.Add(new ExportedConsent(reader.GetString(0), reader.GetString(1), reader.GetString(2), Time(reader.GetInt64(3)), Time(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : Time(reader.GetInt64(5))));
        }

        return consents;
    }

    private static List<ExportedTemplate> ReadTemplates(DbConnection connection, DbTransaction transaction, string subjectId)
    {
        // The ciphertext is not read: template values are never exported.
        using var command = RelationalDatabase.Command(connection, transaction,
            "SELECT template_id, purpose_id, collected_at, expires_at FROM templates WHERE subject_id = @subject ORDER BY collected_at, template_id",
            ("@subject", subjectId));
        using var reader = command.ExecuteReader();
        var found = new List<ExportedTemplate>();
        while (reader.Read())
        {
            found.Add(new ExportedTemplate(reader.GetString(0), reader.GetString(1), Time(reader.GetInt64(2)), Time(reader.GetInt64(3))));
        }

        return found;
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static string Name(DataSubjectRequestKind kind) => kind == DataSubjectRequestKind.Access ? "access" : "erasure";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
