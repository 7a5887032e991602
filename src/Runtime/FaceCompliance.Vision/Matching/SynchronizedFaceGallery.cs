using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FaceCompliance.Vision;

/// <summary>
/// A 1:N gallery for one purpose that stays the same as the store on every node: loaded from the store at start
/// (templates decrypted in parallel), then kept in sync by the store's change feed (the audit trail, which every
/// node's writes extend): an enrolment for the purpose on any node adds the person; a withdrawal, deletion, retention
/// purge, end of the purpose, of the relationship or of the service removes them. A search refuses to run
/// (<see cref="GalleryNotCurrentException"/>) while the gallery cannot be sure it is current: before the feed has caught
/// up, after it lost its connection and until it has caught up again, or after a silence longer than
/// <see cref="SynchronizedFaceGalleryOptions.MaxSilence"/>.
/// </summary>
/// <typeparam name="TPurpose">The declared purpose; it must be declared for 1:N identification.</typeparam>
/// <remarks>
/// <para>
/// <b>How fast a change arrives.</b> Withdrawal is refused everywhere at once: every candidate's receipt is checked
/// with the shared registry before it is returned (<see cref="FaceMatcher{TPurpose}"/>), so after the withdrawing node
/// acknowledged, no node returns the person. Deletions and purges (and enrolments) reach the other nodes through the
/// feed: on PostgreSQL a notification delivered when the write commits, then one read of the new audit records and of
/// the changed person; docs/benchmarks/scale-out.md gives the measured latency. On SQLite the feed reads the audit
/// trail every 20 ms.
/// </para>
/// <para>
/// <b>Threads.</b> Searches may run from any threads at once; the feed applies changes on its own thread.
/// </para>
/// </remarks>
public sealed class SynchronizedFaceGallery<TPurpose> : IDisposable, IFacialDataHolder
    where TPurpose : IFacialDataPurpose
{
    private const string NotCaughtUp = "its change feed has not caught up with the store yet";

    private readonly IIdentificationGallerySource _source;
    private readonly FaceMatcher<TPurpose> _matcher;
    private readonly object _applyLock = new();
    private IDisposable? _following;
    private long _applied;
    private string? _notCurrent = NotCaughtUp;
    private Exception? _feedError;
    private long _heardAt = Stopwatch.GetTimestamp();
    private TaskCompletionSource _changed = NewSignal();
    private volatile bool _disposed;

    private SynchronizedFaceGallery(IIdentificationGallerySource source, SynchronizedFaceGalleryOptions options)
    {
        _source = source;
        Options = options;
        _matcher = new FaceMatcher<TPurpose>(source.Consents, options.Matcher);
    }

    /// <summary>The options in force.</summary>
    public SynchronizedFaceGalleryOptions Options { get; }

    /// <summary>The number of people in the gallery.</summary>
    public int Count => _matcher.Count;

    /// <summary>The number of templates in the gallery, all people together.</summary>
    public int TemplateCount => _matcher.TemplateCount;

    /// <summary>The last audit record applied: the gallery holds every change up to it.</summary>
    public long AppliedSequence => Interlocked.Read(ref _applied);

    /// <summary>The templates found damaged (and quarantined) when the gallery was loaded.</summary>
    public int TemplatesQuarantinedAtStart { get; private set; }

    /// <summary>Whether a search would run now: the feed has caught up, is connected and has reported within <see cref="SynchronizedFaceGalleryOptions.MaxSilence"/>.</summary>
    public bool IsCurrent => NotCurrentReason() is null;

    /// <summary>Raised after a person is added to or removed from the gallery (for <see cref="FacialDataCensus"/>).</summary>
    public event EventHandler? SubjectsChanged
    {
        add => _matcher.SubjectsChanged += value;
        remove => _matcher.SubjectsChanged -= value;
    }

    /// <summary>
    /// Loads the gallery of <typeparamref name="TPurpose"/> from <paramref name="source"/> (a store's
    /// <c>Identification</c>) and starts following its changes. The gallery refuses searches until the feed has caught
    /// up: await <see cref="WaitUntilCurrentAsync"/> before serving 1:N.
    /// </summary>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification.</exception>
    /// <exception cref="ArgumentException">A stored template does not have the matcher's dimension.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public static SynchronizedFaceGallery<TPurpose> Start(IIdentificationGallerySource source, SynchronizedFaceGalleryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ConsentGate.EnsureAllowed<TPurpose>(FacialProcessingMethod.Identification);
        var gallery = new SynchronizedFaceGallery<TPurpose>(source, options ?? new SynchronizedFaceGalleryOptions());
        try
        {
            var snapshot = source.ReadGallery<TPurpose>();
            gallery.TemplatesQuarantinedAtStart = snapshot.TemplatesQuarantined;
            gallery.Load(snapshot);
            gallery._following = source.Follow(snapshot.AuditSequence, new Observer(gallery));
            return gallery;
        }
        catch
        {
            gallery.Dispose();
            throw;
        }
    }

    /// <summary>Whether the person is in the gallery now.</summary>
    public bool Contains(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        return _matcher.Contains(subjectId);
    }

    /// <summary>The people in the gallery now.</summary>
    /// <returns>A snapshot of their ids.</returns>
    public IReadOnlyCollection<string> SubjectsStored() => _matcher.SubjectsStored();

    /// <summary>
    /// The people most similar to the probe, best first, as <see cref="FaceMatcher{TPurpose}.Identify"/>: at most
    /// <paramref name="k"/>, at or above the threshold, each with a consent that is valid now.
    /// </summary>
    /// <exception cref="GalleryNotCurrentException">The gallery cannot be sure it is current; nothing was searched.</exception>
    /// <exception cref="InvalidOperationException">The purpose needs two-person confirmation (EU AI Act Art. 14(5)); see <see cref="RemoteIdentificationSession{TPurpose}"/>.</exception>
    /// <exception cref="ArgumentException">The probe has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public IReadOnlyList<FaceIdentification> Identify(FaceTemplate probe, int k = 1)
    {
        EnsureCurrent();
        return _matcher.Identify(probe, k);
    }

    /// <summary><see cref="Identify"/> for many probes at once (<see cref="FaceMatcher{TPurpose}.IdentifyBatch"/>).</summary>
    /// <exception cref="GalleryNotCurrentException">The gallery cannot be sure it is current; nothing was searched.</exception>
    /// <exception cref="ArgumentException">A probe is null or has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public IReadOnlyList<IReadOnlyList<FaceIdentification>> IdentifyBatch(IReadOnlyList<FaceTemplate> probes, int k = 1)
    {
        EnsureCurrent();
        return _matcher.IdentifyBatch(probes, k);
    }

    /// <summary>Completes when the gallery is current (searches run); at once if it is.</summary>
    public async Task WaitUntilCurrentAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (IsCurrent)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Completes when the gallery has applied the audit record <paramref name="sequence"/> (for example the record
    /// of a deletion that another node acknowledged) and every record before it.
    /// </summary>
    public async Task WaitForSequenceAsync(long sequence, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (AppliedSequence >= sequence)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops following the store and erases every template held.</summary>
    public void Dispose()
    {
        _disposed = true;
        _following?.Dispose();
        lock (_applyLock)
        {
            _matcher.Dispose();
        }

        Signal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private string? NotCurrentReason()
    {
        if (_disposed)
        {
            return "the gallery was disposed";
        }

        if (Volatile.Read(ref _notCurrent) is { } reason)
        {
            return reason;
        }

        var silence = Stopwatch.GetElapsedTime(Interlocked.Read(ref _heardAt));
        return silence > Options.MaxSilence
            ? string.Create(CultureInfo.InvariantCulture, $"its change feed has been silent for {silence.TotalSeconds:0.0} s, longer than MaxSilence ({Options.MaxSilence.TotalSeconds:0.0} s)")
            : null;
    }

    private void EnsureCurrent()
    {
        if (NotCurrentReason() is { } reason)
        {
            throw new GalleryNotCurrentException(TPurpose.Info.Id, reason, Volatile.Read(ref _feedError));
        }
    }

    /// <summary>Makes the gallery hold exactly the snapshot's people; under the apply lock (or before following starts).</summary>
    private void Load(IdentificationSnapshot<TPurpose> snapshot)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in snapshot.People)
        {
            Enroll(person);
            kept.Add(person.SubjectId);
        }

        foreach (var subject in _matcher.SubjectsStored().Where(s => !kept.Contains(s)))
        {
            _matcher.Remove(subject);
        }

        Interlocked.Exchange(ref _applied, Math.Max(Interlocked.Read(ref _applied), snapshot.AuditSequence));
    }

    private void Enroll(IdentificationEntry<TPurpose> person)
    {
        var most = Options.Matcher.MaxTemplatesPerPerson;
        var templates = person.Templates.Count > most ? person.Templates.Skip(person.Templates.Count - most).ToArray() : person.Templates;
        _matcher.EnrollFromStore(person.Receipt, templates);
    }

    /// <summary>Applies records in order: each changed person is read again from the store; a gap or a change of everyone reloads all.</summary>
    private void Apply(IReadOnlyList<AuditRecord> records)
    {
        lock (_applyLock)
        {
            if (_disposed)
            {
                return;
            }

            var last = AppliedSequence;
            var reloadAll = false;
            var changed = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var record in records)
            {
                if (record.Sequence <= last)
                {
                    continue;
                }

                // Records missing before this one (purged from the trail): what they changed is unknown.
                reloadAll |= record.Sequence != last + 1;
                last = record.Sequence;
                switch (Affects(record))
                {
                    case Change.Everyone:
                        reloadAll = true;
                        break;
                    case Change.Person when seen.Add(record.SubjectId!):
                        changed.Add(record.SubjectId!);
                        break;
                }
            }

            if (reloadAll)
            {
                Load(_source.ReadGallery<TPurpose>());
            }
            else
            {
                foreach (var subject in changed)
                {
                    if (_source.ReadPerson<TPurpose>(subject) is { } person)
                    {
                        Enroll(person);
                    }
                    else
                    {
                        _matcher.Remove(subject);
                    }
                }
            }

            Interlocked.Exchange(ref _applied, Math.Max(Interlocked.Read(ref _applied), last));
        }

        Signal();
    }

    private static Change Affects(AuditRecord record)
    {
        var purposeId = TPurpose.Info.Id;
        if (record.PurposeId is not null && record.PurposeId != purposeId)
        {
            return Change.None;
        }

        return record.Action switch
        {
            AuditAction.Decommissioned or AuditAction.PurposeEnded => Change.Everyone,
            AuditAction.Enrolled or AuditAction.ConsentGranted or AuditAction.ConsentWithdrawn or AuditAction.Deleted or AuditAction.Purged
                or AuditAction.RelationshipEnded or AuditAction.TemplateQuarantined or AuditAction.SubjectKeyDamaged
                when record.SubjectId is not null => Change.Person,
            _ => Change.None,
        };
    }

    private enum Change
    {
        None,
        Person,
        Everyone,
    }

    /// <summary>The feed's view of the gallery.</summary>
    private sealed class Observer(SynchronizedFaceGallery<TPurpose> gallery) : IAuditChangeObserver
    {
        public void OnRecords(IReadOnlyList<AuditRecord> records) => gallery.Apply(records);

        public void OnCurrent()
        {
            Interlocked.Exchange(ref gallery._heardAt, Stopwatch.GetTimestamp());
            Volatile.Write(ref gallery._feedError, null);
            if (Interlocked.Exchange(ref gallery._notCurrent, null) is not null)
            {
                gallery.Signal();
            }
        }

        public void OnInterrupted(Exception error)
        {
            Volatile.Write(ref gallery._feedError, error);
            Volatile.Write(ref gallery._notCurrent, "its change feed lost its connection to the store (" + error.GetType().Name + ": " + error.Message
                + "); it is reconnecting and will catch up before searches run again");
            gallery.Signal();
        }
    }
}
