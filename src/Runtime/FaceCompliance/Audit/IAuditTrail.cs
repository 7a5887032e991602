using System.Collections.Generic;

namespace FaceCompliance;

/// <summary>
/// The processing records (处理情况记录; Measures Art. 9): every consent, withdrawal, enrolment, match, deletion and
/// purge, in a hash chain that shows the first altered record. Kept at least 3 years.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Records after <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>.</summary>
    IReadOnlyList<AuditRecord> Read(long afterSequence = 0, int max = 1000);

    /// <summary>Checks the whole chain and returns the first problem, if any.</summary>
    AuditVerification Verify();

    /// <summary>
    /// Deletes the oldest records, those written before <paramref name="cutoff"/>, keeping the hash of the last one
    /// deleted so that the rest still verifies. Returns the number deleted.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="cutoff"/> is less than 3 years ago (Measures Art. 9).</exception>
    int PurgeRecordsBefore(System.DateTimeOffset cutoff);
}
