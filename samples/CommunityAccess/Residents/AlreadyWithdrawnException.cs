using System;

namespace CommunityAccess.Residents;

/// <summary>The resident's consent is withdrawn already: there is nothing left to withdraw (409 <c>already-withdrawn</c>).</summary>
public sealed class AlreadyWithdrawnException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="receiptId">Their current (withdrawn) receipt.</param>
    public AlreadyWithdrawnException(string residentId, string receiptId)
        : base($"Resident '{residentId}' has withdrawn consent to face entry already (receipt {receiptId}); no face data is kept for it. The card or PIN keeps working.")
    {
        ResidentId = residentId;
    }

    /// <summary>The resident.</summary>
    public string ResidentId { get; }
}
