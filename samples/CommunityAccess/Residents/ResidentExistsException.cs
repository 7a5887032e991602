using System;

namespace CommunityAccess.Residents;

/// <summary>
/// The resident is registered already. Registering again never replaces their card or PIN: anyone at the kiosk could
/// otherwise take over a resident's entry without knowing the old card or PIN.
/// </summary>
public sealed class ResidentExistsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="residentId">The resident.</param>
    public ResidentExistsException(string residentId)
        : base($"Resident '{residentId}' is registered already; their card or PIN was not changed. A lost card or forgotten PIN is replaced at the management office.")
    {
        ResidentId = residentId;
    }

    /// <summary>The resident.</summary>
    public string ResidentId { get; }
}
