using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace FaceCompliance.Vision;

/// <summary>
/// One use of remote biometric identification under the EU AI Act (Annex III 1(a)), for a purpose whose
/// <see cref="FacialPurposeInfo.RequiresTwoPersonConfirmation"/> is set: its 1:N searches return
/// <see cref="UnconfirmedIdentification"/>s, which give no subject id until two different people confirm them
/// (Art. 14(5)), and it writes the Art. 12(3) log records into the audit trail: the start and end of the use
/// (<see cref="AuditAction.IdentificationUseStarted"/>, <see cref="AuditAction.IdentificationUseEnded"/>), the reference
/// database, each candidate with the input that led to it (<see cref="AuditAction.Identified"/>), and each confirming
/// person (<see cref="AuditAction.IdentificationConfirmed"/>).
/// </summary>
/// <typeparam name="TPurpose">The declared 1:N purpose.</typeparam>
/// <remarks>
/// The input data is logged as the caller's reference to it (a frame id, a file name, a hash), never the image: the
/// audit holds no biometric data. The people confirming are named by the caller; that they are competent, trained
/// and authorised (Art. 14(5)) is organisational.
/// </remarks>
public sealed class RemoteIdentificationSession<TPurpose> : IDisposable, IConfirmationLog
    where TPurpose : IFacialDataPurpose
{
    private readonly FaceMatcher<TPurpose> _matcher;
    private readonly IAuditTrail _audit;
    private int _searches;
    private int _candidates;
    private int _ended;

    /// <summary>Starts a use: records <see cref="AuditAction.IdentificationUseStarted"/> with the reference database.</summary>
    /// <param name="matcher">The gallery searched.</param>
    /// <param name="audit">The audit trail the records go to.</param>
    /// <param name="referenceDatabase">The name of the reference database (the gallery) searched, as the log states it.</param>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification.</exception>
    /// <exception cref="ArgumentException">The reference database is empty, too long or holds a control character.</exception>
    public RemoteIdentificationSession(FaceMatcher<TPurpose> matcher, IAuditTrail audit, string referenceDatabase)
    {
        _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceDatabase);
        ConsentGate.EnsureAllowed<TPurpose>(FacialProcessingMethod.Identification);
        Id = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        ReferenceDatabase = referenceDatabase;
        Record(AuditAction.IdentificationUseStarted, null, $"session={Id}; reference database={referenceDatabase}");
    }

    /// <summary>The session's id, in every record it writes.</summary>
    public string Id { get; }

    /// <summary>The reference database searched.</summary>
    public string ReferenceDatabase { get; }

    /// <summary>
    /// Searches the gallery (<see cref="FaceMatcher{TPurpose}.Identify"/>'s rules: threshold, valid consent, best first) and
    /// returns the candidates unconfirmed; records each with <paramref name="inputReference"/> (<see cref="AuditAction.Identified"/>).
    /// </summary>
    /// <param name="probe">The face template searched for; not kept.</param>
    /// <param name="inputReference">What identifies the input data (a frame id, a file name, a hash), never the image itself.</param>
    /// <param name="k">The most candidates returned.</param>
    /// <exception cref="ObjectDisposedException">The use has ended.</exception>
    /// <exception cref="ArgumentException">The probe has the wrong length, or the input reference is empty.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public IReadOnlyList<UnconfirmedIdentification> Identify(FaceTemplate probe, string inputReference, int k = 1)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _ended) != 0, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputReference);
        var found = _matcher.IdentifyForConfirmation(probe, k);
        Interlocked.Increment(ref _searches);
        var results = new List<UnconfirmedIdentification>(found.Count);
        foreach (var candidate in found)
        {
            Interlocked.Increment(ref _candidates);
            Record(AuditAction.Identified, candidate.SubjectId,
                $"session={Id}; reference database={ReferenceDatabase}; input={inputReference}; similarity={candidate.Similarity.ToString("F4", CultureInfo.InvariantCulture)}");
            results.Add(new UnconfirmedIdentification(this, candidate, inputReference));
        }

        return results;
    }

    /// <summary>Ends the use: records <see cref="AuditAction.IdentificationUseEnded"/> once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            Record(AuditAction.IdentificationUseEnded, null, $"session={Id}; searches={Volatile.Read(ref _searches)}; candidates={Volatile.Read(ref _candidates)}");
        }
    }

    void IConfirmationLog.RecordConfirmation(FaceIdentification candidate, string inputReference, string person, int number)
        => Record(AuditAction.IdentificationConfirmed, candidate.SubjectId,
            $"session={Id}; input={inputReference}; confirmed by={person}; confirmation {number} of 2");

    private void Record(AuditAction action, string? subjectId, string detail)
        => _audit.RecordIdentificationEvent(action, TPurpose.Info.Id, subjectId, detail);
}

/// <summary>
/// A 1:N match nobody has confirmed yet (EU AI Act Art. 14(5)): it gives the similarity and the input it came from, but
/// not who was matched, so nobody can act on it. <see cref="Confirm"/> records a first person's confirmation.
/// </summary>
public sealed class UnconfirmedIdentification
{
    private readonly IConfirmationLog _log;

    internal UnconfirmedIdentification(IConfirmationLog log, FaceIdentification candidate, string inputReference)
    {
        _log = log;
        Candidate = candidate;
        InputReference = inputReference;
    }

    /// <summary>The cosine similarity with the probe.</summary>
    public float Similarity => Candidate.Similarity;

    /// <summary>The input data that led to the match, as the caller referred to it.</summary>
    public string InputReference { get; }

    internal FaceIdentification Candidate { get; }

    /// <summary>Records that <paramref name="person"/> verified the match and confirms it (<see cref="AuditAction.IdentificationConfirmed"/>).</summary>
    /// <param name="person">Who confirms: a competent, trained and authorised natural person.</param>
    /// <returns>The match with one confirmation; it still gives no identity.</returns>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty.</exception>
    public SingleConfirmedIdentification Confirm(string person)
    {
        var confirmer = Confirmer(person);
        _log.RecordConfirmation(Candidate, InputReference, confirmer, 1);
        return new SingleConfirmedIdentification(_log, this, confirmer);
    }

    /// <summary>The similarity and input only: never the subject.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"unconfirmed match {Similarity:F4} for {InputReference}");

    internal static string Confirmer(string person)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(person);
        return person.Trim();
    }
}

/// <summary>A 1:N match one person has confirmed: still no identity until a second, different person confirms it (Art. 14(5)).</summary>
public sealed class SingleConfirmedIdentification
{
    private readonly IConfirmationLog _log;
    private readonly UnconfirmedIdentification _match;

    internal SingleConfirmedIdentification(IConfirmationLog log, UnconfirmedIdentification match, string firstConfirmer)
    {
        _log = log;
        _match = match;
        FirstConfirmedBy = firstConfirmer;
    }

    /// <summary>The cosine similarity with the probe.</summary>
    public float Similarity => _match.Similarity;

    /// <summary>The input data that led to the match.</summary>
    public string InputReference => _match.InputReference;

    /// <summary>Who confirmed first.</summary>
    public string FirstConfirmedBy { get; }

    /// <summary>
    /// Records that a second person verified the match and confirms it, and gives the identity.
    /// </summary>
    /// <param name="person">Who confirms; not the first confirmer (compared without case and surrounding spaces).</param>
    /// <returns>The confirmed identification, the only type that gives the subject id.</returns>
    /// <exception cref="ArgumentException"><paramref name="person"/> is empty or the person who confirmed first.</exception>
    public ConfirmedIdentification Confirm(string person)
    {
        var confirmer = UnconfirmedIdentification.Confirmer(person);
        if (string.Equals(confirmer, FirstConfirmedBy, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"'{confirmer}' already confirmed this match; a second, different person must confirm it before anyone acts on it (EU AI Act Art. 14(5)).", nameof(person));
        }

        _log.RecordConfirmation(_match.Candidate, _match.InputReference, confirmer, 2);
        return new ConfirmedIdentification(_match.Candidate.SubjectId, _match.Similarity, _match.InputReference, FirstConfirmedBy, confirmer);
    }

    /// <summary>The similarity, input and first confirmer: never the subject.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"match {Similarity:F4} for {InputReference}, confirmed by {FirstConfirmedBy} only");
}

/// <summary>
/// A 1:N match two different people have confirmed (EU AI Act Art. 14(5)): the only one that gives who was matched.
/// Only <see cref="SingleConfirmedIdentification.Confirm"/> makes one, so holding one proves the two confirmations were logged.
/// </summary>
public sealed class ConfirmedIdentification
{
    internal ConfirmedIdentification(string subjectId, float similarity, string inputReference, string firstConfirmedBy, string secondConfirmedBy)
    {
        SubjectId = subjectId;
        Similarity = similarity;
        InputReference = inputReference;
        FirstConfirmedBy = firstConfirmedBy;
        SecondConfirmedBy = secondConfirmedBy;
    }

    /// <summary>The subject of the consent receipt the matched template was enrolled with.</summary>
    public string SubjectId { get; }

    /// <summary>The cosine similarity with the probe.</summary>
    public float Similarity { get; }

    /// <summary>The input data that led to the match.</summary>
    public string InputReference { get; }

    /// <summary>Who confirmed first.</summary>
    public string FirstConfirmedBy { get; }

    /// <summary>Who confirmed second.</summary>
    public string SecondConfirmedBy { get; }

    /// <summary>The subject, similarity and both confirmers, for logs.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SubjectId}: {Similarity:F4}, confirmed by {FirstConfirmedBy} and {SecondConfirmedBy}");
}

/// <summary>Where confirmations are recorded: the session the match came from.</summary>
internal interface IConfirmationLog
{
    void RecordConfirmation(FaceIdentification candidate, string inputReference, string person, int number);
}
