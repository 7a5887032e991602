using System;

namespace FaceCompliance;

/// <summary>
/// Facial data was about to be processed without a consent that is valid now. Names the subject, the purpose and
/// the reason; nothing was processed or written.
/// </summary>
public sealed class ConsentRequiredException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ConsentRequiredException(string subjectId, string purposeId, ConsentRejection reason, string detail)
        : base($"Consent of subject '{subjectId}' to purpose '{purposeId}' is not valid: {detail}")
    {
        SubjectId = subjectId;
        PurposeId = purposeId;
        Reason = reason;
    }

    /// <summary>Whose facial data was to be processed.</summary>
    public string SubjectId { get; }

    /// <summary>The purpose it was to be processed for.</summary>
    public string PurposeId { get; }

    /// <summary>Why the consent is not valid.</summary>
    public ConsentRejection Reason { get; }
}
