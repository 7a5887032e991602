using FaceCompliance.Storage;

namespace FaceCompliance;

/// <summary>How the audited operation ended.</summary>
/// <remarks>
/// The numeric values are part of the stored, hashed record (<see cref="AuditRecordEncoding"/>): never renumber or
/// reuse them.
/// </remarks>
public enum AuditOutcome
{
    /// <summary>The operation was carried out.</summary>
    Succeeded = 1,

    /// <summary>The operation was not allowed, for example because consent was missing; nothing was processed.</summary>
    Refused = 2,

    /// <summary>The operation was attempted and did not complete.</summary>
    Failed = 3,
}
