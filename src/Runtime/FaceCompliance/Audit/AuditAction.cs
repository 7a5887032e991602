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

    /// <summary>A person declined consent, or declined face verification and was offered the alternative.</summary>
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
}
