using System;

namespace CommunityAccess.Residents;

/// <summary>
/// The resident never gave consent to the purpose (there is no receipt to present), so their face must not be
/// processed. A receipt that exists but is not valid now gives FaceCompliance's <c>ConsentRequiredException</c> instead.
/// </summary>
public sealed class NoConsentException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="purposeId">The purpose.</param>
    public NoConsentException(string residentId, string purposeId)
        : base($"Resident '{residentId}' has not consented to face entry ({purposeId}): read the notice and give separate consent first. The card or PIN works without it.")
    {
        ResidentId = residentId;
        PurposeId = purposeId;
    }

    /// <summary>The resident.</summary>
    public string ResidentId { get; }

    /// <summary>The purpose.</summary>
    public string PurposeId { get; }
}
