using System;

namespace FaceCompliance;

/// <summary>
/// Stores face templates, never images, encrypted under a data key per person (Measures Arts. 8 and 14). Every call
/// that touches a template takes the person's consent receipt and checks it first; each template carries its purpose
/// and collection time and is purged when the purpose's retention ends (Art. 8 §2). Keeps the number of people
/// stored and raises <see cref="FilingThresholdReached"/> at the warning and filing levels (Art. 15); as an
/// <see cref="IFacialDataHolder"/> it also reports its people to a processor-wide <see cref="FacialDataCensus"/>.
/// </summary>
public interface IFaceTemplateStore : IFacialDataHolder
{
    /// <summary>
    /// Raised after a change brings the number of people stored to a warning or filing level, once per level until
    /// the count falls below it again; also when the store is opened with a count already at a level for which no
    /// event was raised before (<see cref="FilingThresholdEventArgs.FoundAtOpen"/>; subscribe through
    /// <see cref="FacialDataStoreOptions.FilingThresholdReached"/> to hear that one).
    /// </summary>
    event EventHandler<FilingThresholdEventArgs>? FilingThresholdReached;

    /// <summary>The number of distinct people whose templates are stored now, across all purposes.</summary>
    int PeopleStored { get; }

    /// <summary>
    /// Stores a template of the receipt's person for the receipt's purpose and returns its id. The person's earlier
    /// templates are kept: enrol several photos of a person, and <see cref="Verify{TPurpose}"/> compares with the best of them.
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now; nothing is stored.</exception>
    /// <exception cref="ArgumentException">The template does not have the store's dimension.</exception>
    /// <exception cref="FacialDataLimitExceededException">The person already has <see cref="FacialDataStoreOptions.MaxTemplatesPerSubject"/> templates; nothing is stored.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    string Enroll<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceTemplate template)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// Compares a probe template with the receipt's person's templates for the purpose (1:1) and returns the best
    /// cosine similarity and whether it reaches <paramref name="threshold"/>. The comparison runs inside the store, so
    /// no stored template leaves it. A stored template that fails authentication (damaged or altered) is quarantined
    /// and audited as <see cref="AuditAction.TemplateQuarantined"/>, and the comparison uses the person's other
    /// templates. Applications that start from a photo use <c>FaceVerifier&lt;TPurpose&gt;</c> (FaceCompliance.Vision),
    /// which extracts the probe and calls this.
    /// </summary>
    /// <param name="receipt">The person's consent receipt.</param>
    /// <param name="probe">The template to compare.</param>
    /// <param name="threshold">The cosine similarity, from −1 to 1, at or above which the probe is the same person.</param>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not from −1 to 1.</exception>
    /// <exception cref="System.Collections.Generic.KeyNotFoundException">The person has no usable template for the purpose (none enrolled, or every one quarantined).</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    FaceVerification Verify<TPurpose>(ConsentReceipt<TPurpose> receipt, FaceTemplate probe, float threshold)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// The stored templates, soonest to expire first, without decrypting any: of one person, or of everyone when
    /// <paramref name="subjectId"/> is <see langword="null"/>; at most <paramref name="max"/> (1 to 1000).
    /// </summary>
    /// <exception cref="ArgumentException">The id is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is not 1 to 1000.</exception>
    System.Collections.Generic.IReadOnlyList<StoredTemplate> ListTemplates(string? subjectId, int max = 100);

    /// <summary>Deletes every template of the person and destroys their data key (crypto-shredding). Returns the number of templates deleted.</summary>
    int DeleteSubject(string subjectId);

    /// <summary>
    /// Deletes every template past its purpose's retention period, or past the earliest deadline its purpose's
    /// jurisdictions set after the person's last interaction (<see cref="FacialPurposeInfo.Jurisdictions"/>: BIPA
    /// §15(a) 3 years, Colorado 24 months). Each deletion is audited with the deadline that decided it. Returns the number deleted.
    /// </summary>
    int PurgeExpired();

    /// <summary>
    /// Records an interaction of the person for the purpose that the store does not see itself, such as a 1:N
    /// identification match: the deadlines after the last interaction start again from now. Enrolment and a
    /// verification that matches record it themselves. Audited (<see cref="AuditAction.InteractionRecorded"/>).
    /// </summary>
    /// <param name="receipt">The person's consent receipt for the purpose; it must be valid now.</param>
    /// <param name="what">What the interaction was, for the audit trail (e.g. "identification match at door 2").</param>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    void RecordInteraction<TPurpose>(ConsentReceipt<TPurpose> receipt, string what)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// The person's last recorded interaction for the purpose (enrolment, a matching verification, or
    /// <see cref="RecordInteraction{TPurpose}"/>), or null when none is recorded.
    /// </summary>
    DateTimeOffset? LastInteraction<TPurpose>(string subjectId)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// Records the controller's decision that keeping the person's face data for the purpose is no longer necessary
    /// (Colorado's yearly review: delete within 45 days, UNCONFIRMED). The purge applies the deadline that the
    /// purpose's jurisdictions set from this decision; a purpose serving none sets none (delete at once instead with
    /// <see cref="DeleteSubject"/> or <see cref="IFacialDataLifecycle.EndRelationship"/>). Audited
    /// (<see cref="AuditAction.NoLongerNecessaryDecided"/>).
    /// </summary>
    /// <param name="subjectId">The person.</param>
    /// <param name="reason">Why, for the audit trail (e.g. "annual review 2026: no shifts since March").</param>
    /// <exception cref="System.Collections.Generic.KeyNotFoundException">The person has no template for the purpose.</exception>
    void RecordNoLongerNecessary<TPurpose>(string subjectId, string reason)
        where TPurpose : IFacialDataPurpose;
}
