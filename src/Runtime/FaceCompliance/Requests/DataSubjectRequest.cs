using System;

namespace FaceCompliance;

/// <summary>
/// A data subject request as recorded: who asked for what, when it was received, and by when it must be answered
/// (GDPR Art. 12(3): one month, extendable once by two further months with a reason; <see cref="DataSubjectRequestDeadline"/>).
/// </summary>
/// <param name="Id">The request's id.</param>
/// <param name="SubjectId">The person who asked.</param>
/// <param name="Kind">What they asked for.</param>
/// <param name="ReceivedAt">When the request was received.</param>
/// <param name="DueAt">The instant the answer is overdue: the end of the due day (UTC), extended or not.</param>
/// <param name="ExtensionReason">Why the deadline was extended; null while it is not.</param>
/// <param name="AnsweredAt">When it was answered; null while it is open.</param>
public sealed record DataSubjectRequest(string Id, string SubjectId, DataSubjectRequestKind Kind, DateTimeOffset ReceivedAt, DateTimeOffset DueAt,
    string? ExtensionReason, DateTimeOffset? AnsweredAt)
{
    /// <summary>Whether the request is not answered yet.</summary>
    public bool IsOpen => AnsweredAt is null;

    /// <summary>Whether the deadline was extended (it can be, once).</summary>
    public bool IsExtended => ExtensionReason is not null;

    /// <summary>Whether the request is open and past its due instant at <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsOpen && now >= DueAt;
}
