using System;

namespace FaceCompliance;

/// <summary>
/// How long the audit trail is kept. Measures Art. 9: the processing record is kept at least 3 years.
/// </summary>
public static class AuditRetention
{
    /// <summary>
    /// The shortest retention a store may be configured with: 3 × 365 + 1 = 1,096 days, which is at least 3
    /// calendar years whatever the leap days.
    /// </summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromDays(3 * 365 + 1);

    /// <summary>
    /// Whether a record written at <paramref name="recordTime"/> has been kept 3 calendar years at
    /// <paramref name="now"/> (counted in UTC), so that a store may delete it.
    /// </summary>
    /// <param name="recordTime">The record's <see cref="AuditRecord.Time"/>.</param>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> from the same UTC date and time 3 years later on (a record of 29 February from 1 March).</returns>
    public static bool MayPurge(DateTimeOffset recordTime, DateTimeOffset now) =>
        recordTime <= now.ToUniversalTime().AddYears(-3);

    /// <summary>Checks a configured audit retention period.</summary>
    /// <param name="configured">The retention period a store was configured with.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="configured"/> is shorter than <see cref="Minimum"/>.</exception>
    public static void Validate(TimeSpan configured)
    {
        if (configured < Minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(configured), configured,
                $"Audit records must be kept at least 3 years (Measures Art. 9); the configured retention of {configured.TotalDays:0.###} days is shorter than the minimum of {Minimum.TotalDays:0} days.");
        }
    }
}
