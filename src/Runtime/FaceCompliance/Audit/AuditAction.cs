using FaceCompliance.Storage;

namespace FaceCompliance;

/// <summary>
/// What an audit record reports (Measures Art. 9 processing record, Art. 14 security audit).
/// </summary>
/// <remarks>
/// The numeric values are part of the stored, hashed record (<see cref="AuditRecordEncoding"/>): never renumber or
/// reuse them; add new actions with new numbers.
/// </remarks>
public enum AuditAction
{
    /// <summary>A person gave separate consent to process their face information for a purpose.</summary>
    ConsentGranted = 1,

    /// <summary>A person withdrew consent they had given.</summary>
    ConsentWithdrawn = 2,

    /// <summary>
    /// A consent receipt was refused because it is not valid now (the detail names the <see cref="ConsentRejection"/>).
    /// A person's own refusal of face processing is <see cref="FaceProcessingRefused"/>.
    /// </summary>
    ConsentRejected = 3,

    /// <summary>A face template was collected and stored for a person.</summary>
    Enrolled = 4,

    /// <summary>A face was compared with one person's template (1:1).</summary>
    Verified = 5,

    /// <summary>A face was searched for among many templates (1:N).</summary>
    Identified = 6,

    /// <summary>A person's face information was deleted on request or on consent withdrawal.</summary>
    Deleted = 7,

    /// <summary>Face information was deleted because its retention period ended.</summary>
    Purged = 8,

    /// <summary>The number of individuals stored reached the filing threshold (Measures Art. 15).</summary>
    FilingThresholdReached = 9,

    /// <summary>A legal basis other than consent was recorded for a purpose (PIPL Art. 13).</summary>
    LegalBasisGranted = 10,

    /// <summary>Processing or a basis grant was refused because no legal basis applied.</summary>
    LegalBasisRejected = 11,

    /// <summary>A legal-basis grant was revoked.</summary>
    LegalBasisRevoked = 12,

    /// <summary>
    /// A person refused face processing (declined to consent, or declined face verification), recorded by the
    /// application (<see cref="IConsentRegistry.RecordRefusal{TPurpose}"/>; Measures Arts. 10 §2 and 12).
    /// </summary>
    FaceProcessingRefused = 13,

    /// <summary>
    /// A person used the non-face alternative for a purpose (a card, a PIN, a person at the desk), recorded by the
    /// application (<see cref="IConsentRegistry.RecordAlternativeUsed{TPurpose}"/>; Measures Art. 10 §2).
    /// </summary>
    AlternativeUsed = 14,

    /// <summary>A purpose ended: its templates were deleted and its consents ended (<see cref="IFacialDataLifecycle.EndPurpose{TPurpose}"/>; PIPL Art. 47).</summary>
    PurposeEnded = 15,

    /// <summary>A person's relationship with the processor ended: all their face data was deleted and their consents ended (<see cref="IFacialDataLifecycle.EndRelationship"/>).</summary>
    RelationshipEnded = 16,

    /// <summary>The whole service stopped: every template deleted, every consent ended (<see cref="IFacialDataLifecycle.Decommission"/>; Measures Art. 15; PIPL Art. 47).</summary>
    Decommissioned = 17,

    /// <summary>
    /// A stored template failed authentication when decrypted (AES-GCM: damaged on disk or altered) and was quarantined:
    /// it is kept until deletion or retention removes it, but no longer used; the person's other templates keep working
    /// (Measures Art. 14 security audit).
    /// </summary>
    TemplateQuarantined = 18,

    /// <summary>
    /// An event of the application around facial data, such as a card or PIN entry or a failed sign-in, recorded by
    /// the application (<see cref="IAuditTrail.RecordApplicationEvent"/>); the detail says what happened.
    /// </summary>
    ApplicationEvent = 19,

    /// <summary>
    /// The store's master key was replaced: every person's data key was wrapped again under the new key in one
    /// transaction (<c>SqliteFacialDataStore.RotateMasterKey</c>, <c>PostgreSqlFacialDataStore.RotateMasterKey</c>); the detail gives the count.
    /// </summary>
    MasterKeyRotated = 20,

    /// <summary>
    /// A person's data key failed authentication when unwrapped (damaged in the store): none of their templates can be
    /// decrypted until their data is deleted and they enrol again (<see cref="FacialDataDamagedException"/>).
    /// </summary>
    SubjectKeyDamaged = 21,

    /// <summary>
    /// A use of remote biometric identification started (EU AI Act Art. 12(3)(a) and (b)): the detail names the session
    /// and the reference database searched (<c>RemoteIdentificationSession</c> in FaceCompliance.Vision).
    /// </summary>
    IdentificationUseStarted = 22,

    /// <summary>A use of remote biometric identification ended (EU AI Act Art. 12(3)(a)): the detail names the session and counts its searches and matches.</summary>
    IdentificationUseEnded = 23,

    /// <summary>
    /// A person verified and confirmed a 1:N match before anyone acts on it (EU AI Act Art. 12(3)(d), Art. 14(5)): the
    /// subject is the candidate; the detail names the session, the input reference, the confirming person and whether it
    /// is the first or the second confirmation.
    /// </summary>
    IdentificationConfirmed = 24,

    /// <summary>An access (GDPR Art. 15) or erasure (Art. 17) request was received (<see cref="IDataSubjectRequests.Receive"/>); the detail gives its id, kind and due date.</summary>
    SubjectRequestReceived = 25,

    /// <summary>A data subject request's deadline was extended by two months (<see cref="IDataSubjectRequests.Extend"/>); the detail gives the reason and the new due date.</summary>
    SubjectRequestExtended = 26,

    /// <summary>An access request was answered with an export of what is held (<see cref="IDataSubjectRequests.AnswerAccess"/>); the request is closed.</summary>
    AccessRequestAnswered = 27,

    /// <summary>An erasure request was answered: the person's templates deleted and consents ended (<see cref="IDataSubjectRequests.AnswerErasure"/>); the request is closed.</summary>
    ErasureRequestAnswered = 28,

    /// <summary>
    /// A person's interaction recorded by the application (<see cref="IFaceTemplateStore.RecordInteraction{TPurpose}"/>),
    /// such as a 1:N identification match: the deadlines that run from the last interaction (BIPA §15(a): 3 years;
    /// Colorado: 24 months) start again from it. Enrolment and a matching verification record it themselves.
    /// </summary>
    InteractionRecorded = 30,

    /// <summary>
    /// The controller decided that keeping a person's face data for a purpose is no longer necessary
    /// (<see cref="IFaceTemplateStore.RecordNoLongerNecessary{TPurpose}"/>; Colorado C.R.S. 6-1-1314(2): delete within 45
    /// days, UNCONFIRMED); the purge applies the deadline that runs from it.
    /// </summary>
    NoLongerNecessaryDecided = 31,
}
