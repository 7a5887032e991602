using FaceCompliance.Storage;

namespace FaceCompliance;

/// <summary>The result of <see cref="AuditChain.Verify"/>: the trail is intact, or where it first is not.</summary>
public sealed record AuditVerification
{
    private AuditVerification(bool isValid, long? firstInvalidSequence, string? problem, long recordsChecked)
    {
        IsValid = isValid;
        FirstInvalidSequence = firstInvalidSequence;
        Problem = problem;
        RecordsChecked = recordsChecked;
    }

    /// <summary>Whether every record is authentic, in order, without gaps and chained to the one before.</summary>
    public bool IsValid { get; }

    /// <summary>
    /// The sequence expected at the first bad position (where a record was altered, is missing, is out of order or
    /// breaks the chain); <see langword="null"/> when valid.
    /// </summary>
    public long? FirstInvalidSequence { get; }

    /// <summary>
    /// What is wrong there, starting with <c>altered</c>, <c>missing record</c>, <c>out of order</c> or
    /// <c>chain broken</c>; <see langword="null"/> when valid.
    /// </summary>
    public string? Problem { get; }

    /// <summary>How many records verified before the first problem; all of them when valid.</summary>
    public long RecordsChecked { get; }

    internal static AuditVerification Valid(long recordsChecked) => new(true, null, null, recordsChecked);

    internal static AuditVerification Invalid(long sequence, string problem, long recordsChecked) =>
        new(false, sequence, problem, recordsChecked);
}
