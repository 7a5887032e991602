namespace FaceCompliance;

/// <summary>
/// The ends of processing (PIPL Art. 47; Measures Art. 15): a purpose that ends, a person who leaves, a service that
/// stops. Each deletes the face data concerned, ends the consents concerned, and audits what it did, in one transaction.
/// </summary>
/// <remarks>
/// Consent records are kept, marked ended (withdrawn), as proof that past processing was lawful; their receipts are
/// refused from then on (<see cref="ConsentRejection.Withdrawn"/>). Audit records are kept for their 3 years (Art. 9).
/// </remarks>
public interface IFacialDataLifecycle
{
    /// <summary>
    /// Ends a purpose: deletes every template held for it (and the data key of every person left with none), ends every
    /// consent to it and revokes its legal-basis grants; audited as <see cref="AuditAction.PurposeEnded"/>.
    /// </summary>
    /// <param name="reason">Why it ends, for the audit record (for example "purpose achieved: visitor system replaced"); at most 200 characters.</param>
    /// <returns>What was deleted and ended.</returns>
    /// <exception cref="System.ArgumentException">The reason is empty or too long.</exception>
    FacialDataDeletion EndPurpose<TPurpose>(string reason)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// Ends the relationship with one person (a resident moves out, an employee leaves): deletes all their templates
    /// for every purpose and their data key, and ends all their consents; audited as <see cref="AuditAction.RelationshipEnded"/>
    /// (and <see cref="AuditAction.Deleted"/>).
    /// </summary>
    /// <param name="subjectId">The person.</param>
    /// <param name="reason">Why, for the audit record (for example "moved out"); at most 200 characters.</param>
    /// <returns>What was deleted and ended.</returns>
    /// <exception cref="System.Collections.Generic.KeyNotFoundException">Nothing of the person is held: no template and no consent in force.</exception>
    /// <exception cref="System.ArgumentException">The id or reason is empty or malformed.</exception>
    FacialDataDeletion EndRelationship(string subjectId, string reason);

    /// <summary>
    /// Stops the whole service: deletes every template and data key, ends every consent and revokes every legal-basis
    /// grant; audited as <see cref="AuditAction.Decommissioned"/>. Returns what the cancellation filing needs
    /// (注销备案, within 30 working days; Measures Art. 15): the processor, the purposes, the number of people stored
    /// before, the date. The filing document itself is written from this record by the filing generator.
    /// </summary>
    /// <param name="reason">Why the service stops, for the audit record and the filing; at most 200 characters.</param>
    /// <returns>The facts of the decommissioning.</returns>
    /// <exception cref="System.ArgumentException">The reason is empty or too long.</exception>
    FacialDataDecommission Decommission(string reason);
}
