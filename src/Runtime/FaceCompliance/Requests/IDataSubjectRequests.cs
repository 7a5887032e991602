using System;
using System.Collections.Generic;

namespace FaceCompliance;

/// <summary>
/// Access (GDPR Art. 15) and erasure (Art. 17) requests with their Art. 12(3) deadline: each is recorded with its
/// received date and due date (<see cref="DataSubjectRequestDeadline"/>), may be extended once with a reason, and is
/// closed by its answer; every step is in the audit trail (<see cref="AuditAction.SubjectRequestReceived"/> and the
/// three after it). Open requests past their due date are listed by <see cref="Overdue"/>.
/// </summary>
public interface IDataSubjectRequests
{
    /// <summary>Records a request; audited as <see cref="AuditAction.SubjectRequestReceived"/>.</summary>
    /// <param name="subjectId">The person who asks.</param>
    /// <param name="kind">What they ask for.</param>
    /// <param name="receivedAt">When the request was received (a letter may be recorded later); now when null. Never in the future.</param>
    /// <exception cref="ArgumentException">The subject id is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The kind is unknown, or <paramref name="receivedAt"/> is in the future.</exception>
    DataSubjectRequest Receive(string subjectId, DataSubjectRequestKind kind, DateTimeOffset? receivedAt = null);

    /// <summary>
    /// Extends an open request's deadline by two months, once, before the first deadline passes (the person must be
    /// told why within the first month); audited as <see cref="AuditAction.SubjectRequestExtended"/> with the reason.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such request.</exception>
    /// <exception cref="ArgumentException">The reason is empty or longer than 200 characters.</exception>
    /// <exception cref="InvalidOperationException">The request is answered, already extended, or past its first deadline.</exception>
    DataSubjectRequest Extend(string requestId, string reason);

    /// <summary>
    /// Answers an open access request with what is held about the person (<see cref="SubjectDataExport"/>) and closes it;
    /// audited as <see cref="AuditAction.AccessRequestAnswered"/>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such request.</exception>
    /// <exception cref="InvalidOperationException">The request is answered already, or is not an access request.</exception>
    SubjectDataExport AnswerAccess(string requestId);

    /// <summary>
    /// Answers an open erasure request: deletes every template of the person with their data key and ends all their
    /// consents (as <see cref="IFacialDataLifecycle.EndRelationship"/> does), and closes it, also when nothing was held;
    /// audited as <see cref="AuditAction.ErasureRequestAnswered"/> (and <see cref="AuditAction.Deleted"/>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such request.</exception>
    /// <exception cref="InvalidOperationException">The request is answered already, or is not an erasure request.</exception>
    FacialDataDeletion AnswerErasure(string requestId);

    /// <summary>The request with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such request.</exception>
    DataSubjectRequest Get(string requestId);

    /// <summary>The open requests past their due instant now, oldest due first.</summary>
    IReadOnlyList<DataSubjectRequest> Overdue();
}
