using System;

namespace FaceCompliance;

/// <summary>
/// Facial data was about to be processed for a purpose whose declared legal basis is not consent, without a grant of
/// that basis that applies now (PIPL Art. 13). Names the purpose and the reason; nothing was processed.
/// </summary>
public sealed class LegalBasisRequiredException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public LegalBasisRequiredException(string purposeId, LegalBasisRejection reason, string detail)
        : base($"Purpose '{purposeId}' has no legal basis that applies now: {detail}")
    {
        PurposeId = purposeId;
        Reason = reason;
    }

    /// <summary>The purpose facial data was to be processed for.</summary>
    public string PurposeId { get; }

    /// <summary>Why no grant applies.</summary>
    public LegalBasisRejection Reason { get; }
}
