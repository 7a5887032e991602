using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace FaceCompliance.Vision;

/// <summary>
/// 1:N identification of face templates for one purpose (who is this?), with consent enforced on both sides:
/// enrolment needs the person's receipt, and a search returns only people enrolled with a receipt that is still
/// valid when the search runs. 1:1 verification (is this the person who claims to be?) is <see cref="FaceVerifier{TPurpose}"/>.
/// </summary>
/// <typeparam name="TPurpose">The declared purpose; identification (enrolment and search) needs a purpose declared for 1:N.</typeparam>
/// <remarks>
/// <para>
/// <b>Consent in 1:N.</b> The gallery holds only people who consented to <typeparamref name="TPurpose"/>: each entry is
/// added with the person's receipt. The person in front of the camera is unknown until the search ends, so the
/// probe carries no receipt; instead every candidate's receipt is checked again with the registry before it is
/// returned, and a candidate whose consent was withdrawn, expired or given for an older notice is removed from the
/// gallery and never returned. The probe template is not kept. The analyzers still require a consent check on the
/// path to <see cref="Identify"/>, as for any processing call: the calling code states why the person is processed.
/// </para>
/// <para>
/// <b>Several photos of a person.</b> A person may be enrolled with several templates (different photos: pose, light,
/// glasses), up to <see cref="FaceMatcherOptions.MaxTemplatesPerPerson"/>. A search returns each person once, with the
/// similarity of their best-matching template; <see cref="Remove"/> drops them all.
/// </para>
/// <para>
/// <b>Threads.</b> All members may be called from any threads at once. Searches run on an in-memory gallery (SIMD scan; docs/benchmarks/gallery-scan.md).
/// </para>
/// <para>
/// <b>Filing count.</b> The people enrolled for 1:N are stored face data (Measures Art. 15): register the matcher with
/// the processor's <see cref="FacialDataCensus"/>, which counts them with the people of the template stores, once each.
/// </para>
/// </remarks>
public sealed class FaceMatcher<TPurpose> : IDisposable, IFacialDataHolder
    where TPurpose : IFacialDataPurpose
{
    /// <summary>Separates the subject from the entry number in a gallery id; the subject is everything before the last one.</summary>
    private const char EntrySeparator = '\0';

    private readonly IConsentRegistry _consents;
    private readonly FaceGallery _gallery;
    private readonly ConcurrentDictionary<string, Enrollment> _enrolled = new(StringComparer.Ordinal);
    private readonly object _writeLock = new();
    private long _nextEntry;
    private int _mostTemplates = 1;

    /// <summary>Creates a matcher that checks receipts with <paramref name="consents"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not from −1 to 1, the dimension is not positive, or the templates per person are fewer than 1.</exception>
    public FaceMatcher(IConsentRegistry consents, FaceMatcherOptions? options = null)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        Options = options ?? new FaceMatcherOptions();
        if (!(Options.Threshold is >= -1f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Threshold, "The match threshold is a cosine similarity from -1 to 1.");
        }

        if (Options.MaxTemplatesPerPerson < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.MaxTemplatesPerPerson,
                string.Create(CultureInfo.InvariantCulture, $"FaceMatcherOptions.MaxTemplatesPerPerson is {Options.MaxTemplatesPerPerson}; a person needs at least 1 template."));
        }

        _gallery = new FaceGallery(Options.Dimension, keepInt8Copy: Options.Precision != GalleryPrecision.Float32);
    }

    /// <summary>The options in force.</summary>
    public FaceMatcherOptions Options { get; }

    /// <summary>The number of people enrolled.</summary>
    public int Count => _enrolled.Count;

    /// <summary>The number of templates enrolled for 1:N, all people together.</summary>
    public int TemplateCount => _gallery.Count;

    /// <summary>Raised after a person is added to or removed from the 1:N gallery (for <see cref="FacialDataCensus"/>).</summary>
    public event EventHandler? SubjectsChanged;

    /// <summary>The people enrolled for 1:N now.</summary>
    /// <returns>A snapshot of their ids.</returns>
    public IReadOnlyCollection<string> SubjectsStored() => [.. _enrolled.Keys];

    /// <summary>Enrols the person who gave <paramref name="receipt"/> in the 1:N gallery with one template, replacing any they had.</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification.</exception>
    /// <exception cref="ArgumentException">The template has the wrong length or is not a valid template.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public void Enroll(ConsentReceipt<TPurpose> receipt, FaceTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Dimension != Options.Dimension)
        {
            throw new ArgumentException($"The template has {template.Dimension} values; this matcher holds {Options.Dimension}.", nameof(template));
        }

        Enroll(receipt, [template]);
    }

    /// <summary>
    /// Enrols the person who gave <paramref name="receipt"/> in the 1:N gallery with several templates (several photos
    /// of them), replacing any they had. A search finds them by their best-matching template.
    /// </summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification.</exception>
    /// <exception cref="ArgumentException">
    /// There is no template or more than <see cref="FaceMatcherOptions.MaxTemplatesPerPerson"/>, or one is null, has the
    /// wrong length or is not a valid template. Nothing is changed.
    /// </exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public void Enroll(ConsentReceipt<TPurpose> receipt, IReadOnlyList<FaceTemplate> templates)
    {
        EnsureTemplates(templates, nameof(templates), Options.MaxTemplatesPerPerson, checkDimension: true);
        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Identification);
        Add(receipt, templates);
    }

    /// <summary>
    /// <see cref="Enroll(ConsentReceipt{TPurpose}, IReadOnlyList{FaceTemplate})"/> for a receipt the store has just found
    /// valid while handing out the templates (<see cref="IIdentificationGallerySource"/>): the registry is not asked again.
    /// </summary>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    internal void EnrollFromStore(ConsentReceipt<TPurpose> receipt, IReadOnlyList<FaceTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        EnsureTemplates(templates, nameof(templates), Options.MaxTemplatesPerPerson, checkDimension: true);
        ConsentGate.EnsureAllowed<TPurpose>(FacialProcessingMethod.Identification);
        Add(receipt, templates);
    }

    /// <summary>Whether the person is enrolled for 1:N now.</summary>
    internal bool Contains(string subjectId) => _enrolled.ContainsKey(subjectId);

    private void Add(ConsentReceipt<TPurpose> receipt, IReadOnlyList<FaceTemplate> templates)
    {
        bool added;
        lock (_writeLock)
        {
            // The receipt is in place before the new templates are searchable; the old ones go after, so the person is
            // never missing from a search that runs meanwhile.
            _enrolled.TryGetValue(receipt.Subject, out var previous);
            added = previous is null;
            var entries = new string[templates.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = receipt.Subject + EntrySeparator + (++_nextEntry).ToString(CultureInfo.InvariantCulture);
            }

            _enrolled[receipt.Subject] = new Enrollment(receipt, entries);
            Volatile.Write(ref _mostTemplates, Math.Max(_mostTemplates, entries.Length + (previous?.Entries.Length ?? 0)));
            for (var i = 0; i < entries.Length; i++)
            {
                // Cannot fail: each template was checked above, as the gallery checks it.
                _gallery.Add(entries[i], templates[i]);
            }

            // A newcomer only raises the most, already written above: recounting everyone would make a bulk load quadratic.
            if (previous is not null)
            {
                foreach (var entry in previous.Entries)
                {
                    _gallery.Remove(entry);
                }

                UpdateMostTemplates();
            }
        }

        if (added)
        {
            SubjectsChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Removes a person, with all their templates, from the 1:N gallery and erases the templates' memory; call it when consent is withdrawn.</summary>
    /// <returns>Whether the person was enrolled.</returns>
    public bool Remove(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        lock (_writeLock)
        {
            if (!_enrolled.TryGetValue(subjectId, out var enrollment))
            {
                return false;
            }

            RemoveEnrollment(subjectId, enrollment);
        }

        SubjectsChanged?.Invoke(this, EventArgs.Empty);
        return true;
    }

    /// <summary>
    /// The enrolled people most similar to the probe, best first: at most <paramref name="k"/>, each once with the
    /// similarity of their best-matching template, at or above the threshold, and with a consent that is valid now.
    /// Empty for a stranger.
    /// </summary>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification, or needs two-person confirmation (<see cref="RemoteIdentificationSession{TPurpose}"/>).</exception>
    /// <exception cref="ArgumentException">The probe has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public IReadOnlyList<FaceIdentification> Identify(FaceTemplate probe, int k = 1)
    {
        EnsureNoConfirmationRequired();
        return IdentifyForConfirmation(probe, k);
    }

    /// <summary><see cref="Identify"/> without the two-person check: for <see cref="RemoteIdentificationSession{TPurpose}"/>, which withholds the identities.</summary>
    internal IReadOnlyList<FaceIdentification> IdentifyForConfirmation(FaceTemplate probe, int k)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ConsentGate.EnsureAllowed<TPurpose>(FacialProcessingMethod.Identification);
        return Identified(probe, Search(probe, k), k);
    }

    /// <summary>
    /// <see cref="Identify"/> for many probes at once: the gallery is read once per block of 64 probes, so a batch
    /// costs a fraction of the same searches one by one. Results are in probe order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification, or needs two-person confirmation (<see cref="RemoteIdentificationSession{TPurpose}"/>).</exception>
    /// <exception cref="ArgumentException">A probe is null or has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public IReadOnlyList<IReadOnlyList<FaceIdentification>> IdentifyBatch(IReadOnlyList<FaceTemplate> probes, int k = 1)
    {
        EnsureNoConfirmationRequired();
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ConsentGate.EnsureAllowed<TPurpose>(FacialProcessingMethod.Identification);
        IReadOnlyList<GalleryMatch[]> matches;
        try
        {
            matches = _gallery.SearchBatch(probes, EntriesFor(k), Options.Precision);
        }
        catch (InvalidOperationException) when (_gallery.Count == 0)
        {
            matches = [.. probes.Select(_ => Array.Empty<GalleryMatch>())];
        }

        var results = new IReadOnlyList<FaceIdentification>[probes.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            results[i] = Identified(probes[i], matches[i], k);
        }

        return results;
    }

    /// <summary>Erases every template held for 1:N.</summary>
    public void Dispose()
    {
        lock (_writeLock)
        {
            _enrolled.Clear();
            _gallery.Dispose();
        }

        SubjectsChanged?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>
    /// A purpose that is remote biometric identification under the EU AI Act gives no identity from a plain search
    /// (Art. 14(5)): its matches go through a session that withholds them until two people confirm.
    /// </summary>
    private static void EnsureNoConfirmationRequired()
    {
        var purpose = TPurpose.Info;
        if (purpose.RequiresTwoPersonConfirmation)
        {
            throw new InvalidOperationException(
                $"Purpose '{purpose.Id}' is remote biometric identification under the EU AI Act: no one may act on a match until two people confirm it (Art. 14(5)). Search with RemoteIdentificationSession<TPurpose>, whose matches give the subject only once confirmed twice.");
        }
    }

    private static string SubjectOf(string entryId) => entryId[..entryId.LastIndexOf(EntrySeparator)];

    /// <summary>
    /// How many gallery entries a search for <paramref name="k"/> people reads: k times the most templates anyone has,
    /// so the entries hold k different people whenever the gallery does.
    /// </summary>
    private int EntriesFor(int k) => (int)Math.Min(int.MaxValue, (long)k * Volatile.Read(ref _mostTemplates));

    /// <summary>
    /// Each person's best match, at or above the threshold and with a consent that is still valid, at most k. A person
    /// whose consent is not valid is removed, and the search repeated, so they cannot hide a valid person who ranked below.
    /// </summary>
    private IReadOnlyList<FaceIdentification> Identified(FaceTemplate probe, GalleryMatch[] matches, int k)
    {
        while (true)
        {
            var results = new List<FaceIdentification>(Math.Min(k, matches.Length));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var removedAny = false;
            foreach (var match in matches)
            {
                if (match.Similarity < Options.Threshold || results.Count == k)
                {
                    break;
                }

                var subject = SubjectOf(match.Id);
                if (!seen.Add(subject))
                {
                    continue;
                }

                if (!HasValidConsent(subject))
                {
                    removedAny = true;
                    continue;
                }

                results.Add(new FaceIdentification(subject, match.Similarity));
            }

            if (!removedAny)
            {
                return results;
            }

            matches = Search(probe, k);
        }
    }

    /// <summary>The gallery's search; nothing when the gallery is empty (everyone removed, perhaps by the search before).</summary>
    private GalleryMatch[] Search(FaceTemplate probe, int k)
    {
        try
        {
            return _gallery.Search(probe, EntriesFor(k), Options.Precision);
        }
        catch (InvalidOperationException) when (_gallery.Count == 0)
        {
            return [];
        }
    }

    private bool HasValidConsent(string subjectId)
    {
        if (!_enrolled.TryGetValue(subjectId, out var enrollment))
        {
            return false;
        }

        if (_consents.Check(enrollment.Receipt) is null)
        {
            return true;
        }

        bool removed;
        lock (_writeLock)
        {
            // Only the enrolment that was checked: the person may have enrolled again with a new receipt meanwhile.
            removed = _enrolled.TryGetValue(subjectId, out var current) && ReferenceEquals(current, enrollment);
            if (removed)
            {
                RemoveEnrollment(subjectId, enrollment);
            }
        }

        if (removed)
        {
            SubjectsChanged?.Invoke(this, EventArgs.Empty);
        }

        return false;
    }

    /// <summary>Removes a person's templates, then their receipt; under the write lock.</summary>
    private void RemoveEnrollment(string subjectId, Enrollment enrollment)
    {
        foreach (var entry in enrollment.Entries)
        {
            _gallery.Remove(entry);
        }

        _enrolled.TryRemove(subjectId, out _);
        if (enrollment.Entries.Length >= Volatile.Read(ref _mostTemplates))
        {
            UpdateMostTemplates();
        }
    }

    /// <summary>Recomputes the most templates anyone has (at least 1); under the write lock.</summary>
    private void UpdateMostTemplates()
    {
        var most = 1;
        foreach (var enrollment in _enrolled.Values)
        {
            most = Math.Max(most, enrollment.Entries.Length);
        }

        Volatile.Write(ref _mostTemplates, most);
    }

    private void EnsureTemplates(IReadOnlyList<FaceTemplate> templates, string parameterName, int most, bool checkDimension)
    {
        ArgumentNullException.ThrowIfNull(templates, parameterName);
        if (templates.Count == 0 || templates.Count > most)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{templates.Count} templates were given; a person needs 1 to {most}."), parameterName);
        }

        for (var i = 0; i < templates.Count; i++)
        {
            if (templates[i] is not { } template)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Template {i} is null."), parameterName);
            }

            if (checkDimension && template.Dimension != Options.Dimension)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Template {i} has {template.Dimension} values; this matcher holds {Options.Dimension}."), parameterName);
            }
        }
    }

    /// <summary>A person's receipt and the gallery ids of their templates.</summary>
    private sealed record Enrollment(ConsentReceipt<TPurpose> Receipt, string[] Entries);
}
