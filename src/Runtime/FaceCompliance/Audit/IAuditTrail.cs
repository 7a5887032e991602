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

    /// <summary>
    /// One page of the records that match <paramref name="query"/>, in sequence order. Indexed by subject, kind and
    /// time, so a page reads about as many records as it returns, never the whole trail.
    /// </summary>
    /// <exception cref="System.ArgumentException">The limit is outside 1 to <see cref="AuditQuery.MaxLimit"/>, the sequence is negative, the subject id is malformed, or the kind is not defined.</exception>
    IReadOnlyList<AuditRecord> Query(AuditQuery query);

    /// <summary>
    /// Records an event of the application around facial data in the same hash chain as
    /// <see cref="AuditAction.ApplicationEvent"/>: a card or PIN entry, a failed sign-in, a locked-out card. Use
    /// <see cref="IConsentRegistry.RecordRefusal{TPurpose}"/> and <see cref="IConsentRegistry.RecordAlternativeUsed{TPurpose}"/>
    /// for a refusal of face processing and the use of the non-face alternative.
    /// </summary>
    /// <param name="subjectId">The person concerned, or <see langword="null"/> when not identified.</param>
    /// <param name="outcome">How the event ended (a wrong PIN is <see cref="AuditOutcome.Refused"/>).</param>
    /// <param name="detail">What happened, at most 200 characters on one line; never biometric data, a PIN or a password.</param>
    /// <returns>The audit record.</returns>
    /// <exception cref="System.ArgumentException">The id is malformed, the outcome is not defined, or the detail is empty, too long or holds a control character.</exception>
    AuditRecord RecordApplicationEvent(string? subjectId, AuditOutcome outcome, string detail);

    /// <summary>
    /// Records an event of remote biometric identification in the same hash chain (EU AI Act Art. 12(3)), written by
    /// FaceCompliance.Vision's <c>RemoteIdentificationSession</c>: <see cref="AuditAction.IdentificationUseStarted"/>,
    /// <see cref="AuditAction.IdentificationUseEnded"/>, <see cref="AuditAction.Identified"/> (a candidate and the input
    /// that led to it) or <see cref="AuditAction.IdentificationConfirmed"/>.
    /// </summary>
    /// <param name="action">One of the four actions above.</param>
    /// <param name="purposeId">The purpose's id.</param>
    /// <param name="subjectId">The candidate, or <see langword="null"/> for the start and end of a use.</param>
    /// <param name="detail">The session, reference database, input reference or confirming person, at most 200 characters on one line; never biometric data.</param>
    /// <returns>The audit record.</returns>
    /// <exception cref="System.ArgumentException">The action is not one of the four, an id is malformed, or the detail is empty, too long or holds a control character.</exception>
    AuditRecord RecordIdentificationEvent(AuditAction action, string purposeId, string? subjectId, string detail);

    /// <summary>Checks the whole chain and returns the first problem, if any.</summary>
    AuditVerification Verify();

    /// <summary>
    /// Deletes the oldest records, those written before <paramref name="cutoff"/>, keeping the hash of the last one
    /// deleted so that the rest still verifies. Returns the number deleted.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="cutoff"/> is less than 3 years ago (Measures Art. 9).</exception>
    int PurgeRecordsBefore(System.DateTimeOffset cutoff);
}
