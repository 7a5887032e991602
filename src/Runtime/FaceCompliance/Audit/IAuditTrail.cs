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
}
