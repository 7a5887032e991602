using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace FaceCompliance.Vision;

/// <summary>
/// 1:1 verification and 1:N identification of face templates for one purpose, with consent enforced on both sides:
/// a comparison needs the person's receipt, and a search returns only people enrolled with a receipt that is still
/// valid when the search runs.
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
/// <b>Threads.</b> All members may be called from any threads at once. Searches run on <see cref="FaceGallery"/>.
/// </para>
/// </remarks>
public sealed class FaceMatcher<TPurpose> : IDisposable
    where TPurpose : IFacialDataPurpose
{
    private readonly IConsentRegistry _consents;
    private readonly FaceGallery _gallery;
    private readonly ConcurrentDictionary<string, ConsentReceipt<TPurpose>> _receipts = new(StringComparer.Ordinal);
    private readonly object _writeLock = new();

    /// <summary>Creates a matcher that checks receipts with <paramref name="consents"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not from −1 to 1, or the dimension is not positive.</exception>
    public FaceMatcher(IConsentRegistry consents, FaceMatcherOptions? options = null)
    {
        _consents = consents ?? throw new ArgumentNullException(nameof(consents));
        Options = options ?? new FaceMatcherOptions();
        if (!(Options.Threshold is >= -1f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Threshold, "The match threshold is a cosine similarity from -1 to 1.");
        }

        _gallery = new FaceGallery(Options.Dimension, keepInt8Copy: Options.Precision != GalleryPrecision.Float32);
    }

    /// <summary>The options in force.</summary>
    public FaceMatcherOptions Options { get; }

    /// <summary>The number of people enrolled for 1:N.</summary>
    public int Count => _gallery.Count;

    /// <summary>Compares a probe with the reference template of the person who gave <paramref name="receipt"/> (1:1).</summary>
    /// <exception cref="ConsentRequiredException">The receipt is not valid now.</exception>
    /// <exception cref="ArgumentException">The templates differ in length.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceVerification Verify(ConsentReceipt<TPurpose> receipt, FaceTemplate probe, FaceTemplate reference)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(reference);
        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Verification);
        return new FaceVerification(probe.CosineSimilarity(reference), Options.Threshold);
    }

    /// <summary>Adds (or replaces) the template of the person who gave <paramref name="receipt"/> to the 1:N gallery.</summary>
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

        ConsentGate.Ensure(_consents, receipt, FacialProcessingMethod.Identification);
        lock (_writeLock)
        {
            // The receipt is in place before the template is searchable, and removed after it no longer is.
            _receipts[receipt.Subject] = receipt;
            _gallery.Remove(receipt.Subject);
            _gallery.Add(receipt.Subject, template);
        }
    }

    /// <summary>Removes a person from the 1:N gallery and erases their template's memory; call it when consent is withdrawn.</summary>
    /// <returns>Whether the person was enrolled.</returns>
    public bool Remove(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        lock (_writeLock)
        {
            var removed = _gallery.Remove(subjectId);
            _receipts.TryRemove(subjectId, out _);
            return removed;
        }
    }

    /// <summary>
    /// The enrolled people most similar to the probe, best first: at most <paramref name="k"/>, each at or above the
    /// threshold and with a consent that is valid now. Empty for a stranger.
    /// </summary>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification.</exception>
    /// <exception cref="ArgumentException">The probe has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public IReadOnlyList<FaceIdentification> Identify(FaceTemplate probe, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ConsentGate.EnsureAllowed<TPurpose>(FacialProcessingMethod.Identification);
        return Identified(probe, _gallery.Search(probe, k, Options.Precision), k);
    }

    /// <summary>
    /// <see cref="Identify"/> for many probes at once: the gallery is read once per block of 64 probes, so a batch
    /// costs a fraction of the same searches one by one. Results are in probe order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The purpose is not declared for identification.</exception>
    /// <exception cref="ArgumentException">A probe is null or has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Identification)]
    public IReadOnlyList<IReadOnlyList<FaceIdentification>> IdentifyBatch(IReadOnlyList<FaceTemplate> probes, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ConsentGate.EnsureAllowed<TPurpose>(FacialProcessingMethod.Identification);
        var matches = _gallery.SearchBatch(probes, k, Options.Precision);
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
            _receipts.Clear();
            _gallery.Dispose();
        }
    }

    /// <summary>
    /// The matches at or above the threshold whose consent is still valid. A candidate whose consent is not is removed,
    /// and the search repeated, so it cannot hide a valid person who ranked below it.
    /// </summary>
    private IReadOnlyList<FaceIdentification> Identified(FaceTemplate probe, GalleryMatch[] matches, int k)
    {
        while (true)
        {
            var results = new List<FaceIdentification>(matches.Length);
            var removedAny = false;
            foreach (var match in matches)
            {
                if (match.Similarity < Options.Threshold)
                {
                    break;
                }

                if (!HasValidConsent(match.Id))
                {
                    removedAny = true;
                    continue;
                }

                results.Add(new FaceIdentification(match.Id, match.Similarity));
            }

            if (!removedAny)
            {
                return results;
            }

            matches = _gallery.Search(probe, k, Options.Precision);
        }
    }

    private bool HasValidConsent(string subjectId)
    {
        if (!_receipts.TryGetValue(subjectId, out var receipt))
        {
            return false;
        }

        if (_consents.Check(receipt) is null)
        {
            return true;
        }

        lock (_writeLock)
        {
            // Only the entry that was checked: the person may have enrolled again with a new receipt meanwhile.
            if (_receipts.TryGetValue(subjectId, out var current) && ReferenceEquals(current, receipt))
            {
                _gallery.Remove(subjectId);
                _receipts.TryRemove(subjectId, out _);
            }
        }

        return false;
    }
}
