using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;

namespace FaceCompliance.Storage;

/// <summary>Ending a purpose, a relationship or the whole service in the store; see <see cref="IFacialDataLifecycle"/>.</summary>
internal sealed class RelationalLifecycle(RelationalDatabase database, RelationalAuditTrail audit, RelationalTemplateStore templates, string actor, TimeProvider clock)
    : IFacialDataLifecycle
{
    /// <summary>The longest reason or note accepted, leaving room in the audit detail for the counts.</summary>
    public const int MaxReasonLength = 200;

    public FacialDataDeletion EndPurpose<TPurpose>(string reason)
        where TPurpose : IFacialDataPurpose
    {
        Reason(reason, nameof(reason));
        var purposeId = TPurpose.Info.Id;
        var result = database.Write((connection, transaction) =>
        {
            var before = RelationalTemplateStore.CountPeople(connection, transaction);
            var now = clock.GetUtcNow().UtcTicks;
            var people = Count(connection, transaction, "SELECT COUNT(DISTINCT subject_id) FROM templates WHERE purpose_id = @purpose", ("@purpose", purposeId));
            var deleted = RelationalDatabase.Execute(connection, transaction, "DELETE FROM templates WHERE purpose_id = @purpose", ("@purpose", purposeId));
            var keys = RelationalTemplateStore.DeleteKeysWithoutTemplates(connection, transaction);
            var consents = RelationalDatabase.Execute(connection, transaction,
                "UPDATE consents SET withdrawn_at = @now WHERE purpose_id = @purpose AND withdrawn_at IS NULL", ("@now", now), ("@purpose", purposeId));
            var grants = RelationalDatabase.Execute(connection, transaction,
                "UPDATE basis_grants SET revoked_at = @now, revoked_by = @actor WHERE purpose_id = @purpose AND revoked_at IS NULL",
                ("@now", now), ("@actor", actor), ("@purpose", purposeId));
            var after = RelationalTemplateStore.CountPeople(connection, transaction);
            audit.Append(connection, transaction, AuditAction.PurposeEnded, null, purposeId, null, AuditOutcome.Succeeded, Invariant(
                $"purpose ended: {reason}; {deleted} template(s) of {people} people deleted, {keys} data key(s) destroyed, {consents} consent(s) ended, {grants} basis grant(s) revoked"));
            return new FacialDataDeletion(deleted, consents, before, after);
        });
        templates.AfterDeletion(result.PeopleStoredBefore, result.PeopleStoredAfter);
        return result;
    }

    public FacialDataDeletion EndRelationship(string subjectId, string reason)
    {
        SubjectId.Validate(subjectId, nameof(subjectId));
        Reason(reason, nameof(reason));
        var result = database.Write((connection, transaction) =>
        {
            var before = RelationalTemplateStore.CountPeople(connection, transaction);
            var consents = RelationalDatabase.Execute(connection, transaction,
                "UPDATE consents SET withdrawn_at = @now WHERE subject_id = @subject AND withdrawn_at IS NULL",
                ("@now", clock.GetUtcNow().UtcTicks), ("@subject", subjectId));
            var held = Count(connection, transaction, "SELECT COUNT(*) FROM subject_keys WHERE subject_id = @subject", ("@subject", subjectId)) > 0;
            if (consents == 0 && !held)
            {
                throw new KeyNotFoundException($"Subject '{subjectId}' has no facial data and no consent in force: there is nothing to end.");
            }

            var deleted = held ? templates.DeleteTemplates(connection, transaction, subjectId, purposeId: null) : 0;
            var after = RelationalTemplateStore.CountPeople(connection, transaction);
            audit.Append(connection, transaction, AuditAction.RelationshipEnded, subjectId, null, null, AuditOutcome.Succeeded, Invariant(
                $"relationship ended: {reason}; {deleted} template(s) deleted across all purposes, {consents} consent(s) ended"));
            return new FacialDataDeletion(deleted, consents, before, after);
        });
        templates.AfterDeletion(result.PeopleStoredBefore, result.PeopleStoredAfter);
        return result;
    }

    public FacialDataDecommission Decommission(string reason)
    {
        Reason(reason, nameof(reason));
        var at = clock.GetUtcNow();
        var (purposes, before, deleted, consents, grants) = database.Write((connection, transaction) =>
        {
            var purposes = new List<string>();
            using (var command = RelationalDatabase.Command(connection, transaction,
                "SELECT purpose_id FROM templates UNION SELECT purpose_id FROM consents UNION SELECT purpose_id FROM basis_grants ORDER BY 1"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    purposes.Add(reader.GetString(0));
                }
            }

            var before = RelationalTemplateStore.CountPeople(connection, transaction);
            var deleted = RelationalDatabase.Execute(connection, transaction, "DELETE FROM templates");
            RelationalDatabase.Execute(connection, transaction, "DELETE FROM subject_keys");
            var consents = RelationalDatabase.Execute(connection, transaction,
                "UPDATE consents SET withdrawn_at = @now WHERE withdrawn_at IS NULL", ("@now", at.UtcTicks));
            var grants = RelationalDatabase.Execute(connection, transaction,
                "UPDATE basis_grants SET revoked_at = @now, revoked_by = @actor WHERE revoked_at IS NULL", ("@now", at.UtcTicks), ("@actor", actor));
            audit.Append(connection, transaction, AuditAction.Decommissioned, null, null, null, AuditOutcome.Succeeded, Invariant(
                $"service stopped: {reason}; {deleted} template(s) of {before} people deleted with their data keys, {consents} consent(s) ended, {grants} basis grant(s) revoked, {purposes.Count} purpose(s)"));
            return (purposes, before, deleted, consents, grants);
        });
        templates.AfterDeletion(before, 0);
        var on = FilingThresholdTracker.ChinaDate(at);
        return new FacialDataDecommission(FacialDataProcessors.Declaring(purposes), purposes, before, deleted, consents, grants, at, on,
            templates.Filing.Deadline(on), reason);
    }

    /// <summary>Checks a reason or note: not blank, at most <see cref="MaxReasonLength"/> characters (the audit trail refuses control characters).</summary>
    public static string Reason(string? text, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("A reason must not be empty.", parameterName);
        }

        if (text.Length > MaxReasonLength)
        {
            throw new ArgumentException(Invariant($"A reason is at most {MaxReasonLength} characters; this one has {text.Length}."), parameterName);
        }

        return text;
    }

    private static int Count(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt32(RelationalDatabase.Scalar(connection, transaction, sql, parameters), CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
