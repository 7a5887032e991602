using System;
using System.Collections.Generic;

namespace FaceCompliance;

/// <summary>
/// One person of a 1:N gallery as a store hands them out (<see cref="IIdentificationGallerySource"/>): their consent
/// receipt for <typeparamref name="TPurpose"/>, valid when it was read, and their decrypted templates for that purpose.
/// </summary>
/// <typeparam name="TPurpose">The purpose, declared for 1:N identification.</typeparam>
/// <param name="Receipt">The person's current receipt for the purpose.</param>
/// <param name="Templates">The person's usable templates for the purpose, oldest first (never empty).</param>
public sealed record IdentificationEntry<TPurpose>(ConsentReceipt<TPurpose> Receipt, IReadOnlyList<FaceTemplate> Templates)
    where TPurpose : IFacialDataPurpose
{
    /// <summary>The person.</summary>
    public string SubjectId => Receipt.Subject;
}

/// <summary>
/// Every person of a 1:N gallery for <typeparamref name="TPurpose"/>, read from a store in one consistent snapshot,
/// with the audit sequence number the snapshot is current to: a change feed that starts after
/// <see cref="AuditSequence"/> misses nothing and repeats nothing.
/// </summary>
/// <typeparam name="TPurpose">The purpose, declared for 1:N identification.</typeparam>
/// <param name="AuditSequence">The last audit record written before the snapshot (0 when none).</param>
/// <param name="People">The people, ordered by id.</param>
/// <param name="TemplatesQuarantined">Templates that failed authentication while this snapshot was read, now quarantined and audited.</param>
public sealed record IdentificationSnapshot<TPurpose>(long AuditSequence, IReadOnlyList<IdentificationEntry<TPurpose>> People, int TemplatesQuarantined)
    where TPurpose : IFacialDataPurpose;

/// <summary>
/// Receives the audit records of a store as they are written, in sequence order, from
/// <see cref="IIdentificationGallerySource.Follow"/>. Called from one background thread at a time.
/// </summary>
public interface IAuditChangeObserver
{
    /// <summary>
    /// Records written after the last ones delivered, in sequence order. Throwing stops the delivery, reports it
    /// through <see cref="OnInterrupted"/> and delivers the same records again later.
    /// </summary>
    void OnRecords(IReadOnlyList<AuditRecord> records);

    /// <summary>
    /// Every record written before this call began has been delivered, and the feed is listening for the next: the
    /// observer is current. Called after each catch-up, and at least once per heartbeat while nothing is written.
    /// </summary>
    void OnCurrent();

    /// <summary>
    /// The feed lost its connection (or a read failed): records written from now on may arrive late, until the next
    /// <see cref="OnCurrent"/>. The feed reconnects and catches up by itself.
    /// </summary>
    void OnInterrupted(Exception error);
}

/// <summary>
/// What a store offers a 1:N gallery that several application nodes keep in sync (<c>SynchronizedFaceGallery&lt;TPurpose&gt;</c>
/// in FaceCompliance.Vision): the decrypted templates of the people who may be identified now, read in bulk at start
/// and per person on each change, and a feed of the audit trail that says which people changed.
/// </summary>
/// <remarks>
/// Templates leave the store only through the two read methods, for a purpose declared for 1:N identification and for
/// people whose consent to it is valid when they are read; both are processing calls
/// (<see cref="ProcessesFacialDataAttribute"/>, identification). A template that fails authentication is quarantined
/// and audited, as <see cref="IFaceTemplateStore.Verify{TPurpose}"/> does, and left out.
/// </remarks>
public interface IIdentificationGallerySource
{
    /// <summary>The store's consent registry: a gallery checks each candidate's receipt with it again before returning them.</summary>
    IConsentRegistry Consents { get; }

    /// <summary>
    /// Every person who may be identified for <typeparamref name="TPurpose"/> now: their consent to it is valid (not
    /// withdrawn, not expired, given to the current notice, signature intact) and they have a template for it within its
    /// retention. Read in one snapshot; templates decrypted in parallel.
    /// </summary>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification (rule FC0005).</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    IdentificationSnapshot<TPurpose> ReadGallery<TPurpose>()
        where TPurpose : IFacialDataPurpose;

    /// <summary>One person as <see cref="ReadGallery{TPurpose}"/> would return them now, or <see langword="null"/> when they may not be identified (no valid consent, or no usable template).</summary>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification (rule FC0005).</exception>
    /// <exception cref="ArgumentException">The id is malformed.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    IdentificationEntry<TPurpose>? ReadPerson<TPurpose>(string subjectId)
        where TPurpose : IFacialDataPurpose;

    /// <summary>
    /// Starts delivering the audit records written after <paramref name="afterSequence"/> to <paramref name="observer"/>,
    /// in order, on a background thread, now and as they are written (by any node); it reconnects and catches up from
    /// the store after a lost connection. Dispose the result to stop.
    /// </summary>
    IDisposable Follow(long afterSequence, IAuditChangeObserver observer);
}
