using System;

namespace FaceCompliance;

/// <summary>
/// A store refused a write that would pass one of its limits (<see cref="FacialDataStoreOptions.MaxTemplatesPerSubject"/>,
/// <see cref="FacialDataStoreOptions.MaxConsentsPerSubjectAndPurpose"/>). Nothing was written.
/// </summary>
public sealed class FacialDataLimitExceededException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limitName">The option that sets the limit, for example <c>MaxTemplatesPerSubject</c>.</param>
    /// <param name="limit">The limit's value.</param>
    /// <param name="subjectId">The person the write was for.</param>
    /// <param name="message">What was refused and what to do instead.</param>
    public FacialDataLimitExceededException(string limitName, int limit, string subjectId, string message)
        : base(message)
    {
        LimitName = limitName;
        Limit = limit;
        SubjectId = subjectId;
    }

    /// <summary>The option that sets the limit.</summary>
    public string LimitName { get; }

    /// <summary>The limit's value.</summary>
    public int Limit { get; }

    /// <summary>The person the write was for.</summary>
    public string SubjectId { get; }
}
