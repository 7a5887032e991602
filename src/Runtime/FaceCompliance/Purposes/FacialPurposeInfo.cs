using System;
using System.Collections.Generic;
using System.Linq;

namespace FaceCompliance;

/// <summary>
/// What a purpose declares, as the generator compiled it: the identity used in stored records, the method, the
/// retention period (Art. 8 §2) and the notice people read (Art. 5).
/// </summary>
public sealed class FacialPurposeInfo
{
    /// <summary>Creates the description of a purpose; called by generated code.</summary>
    /// <exception cref="ArgumentException">The id is empty or the retention period is not positive.</exception>
    public FacialPurposeInfo(string id, FacialProcessingMethod method, TimeSpan retentionPeriod, FacialDataStorage storage,
        bool mayInvolveMinors, FacialNotice notice)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(notice);
        if (retentionPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Purpose '{id}' has a retention period of {retentionPeriod}; it must be positive (Measures Art. 8 §2).", nameof(retentionPeriod));
        }

        Id = id;
        Method = method;
        RetentionPeriod = retentionPeriod;
        Storage = storage;
        MayInvolveMinors = mayInvolveMinors;
        Notice = notice;
    }

    /// <summary>The purpose's identity in stored records and receipts: the full metadata name of its type.</summary>
    public string Id { get; }

    /// <summary>The most intrusive processing method the purpose allows.</summary>
    public FacialProcessingMethod Method { get; }

    /// <summary>How long face information collected for this purpose may be kept.</summary>
    public TimeSpan RetentionPeriod { get; }

    /// <summary>Where face information for this purpose is stored.</summary>
    public FacialDataStorage Storage { get; }

    /// <summary>Whether people under 14 may be processed (with a guardian's consent).</summary>
    public bool MayInvolveMinors { get; }

    /// <summary>
    /// Why processing for the purpose is lawful (PIPL Art. 13): <see cref="FacialLegalBasis.Consent"/> (the default)
    /// needs a consent receipt per person; any other basis needs a signed legal-basis grant
    /// (<see cref="ILegalBasisRegistry.RequireBasis{TPurpose}"/>).
    /// </summary>
    public FacialLegalBasis LegalBasis { get; init; }

    /// <summary>
    /// Whether a 1:N match's identity is withheld until two different people confirm it (EU AI Act Art. 14(5)): set by
    /// the generator for a 1:N purpose serving EU-AIACT that is remote biometric identification (Annex III 1(a)), or
    /// that does not declare its identification mode. FaceCompliance.Vision then refuses plain 1:N searches; a
    /// <c>RemoteIdentificationSession</c> returns unconfirmed matches and logs the Art. 12(3) records.
    /// </summary>
    public bool RequiresTwoPersonConfirmation { get; init; }

    /// <summary>
    /// The jurisdiction profiles the purpose serves (<c>[assembly: OperatesIn]</c>, narrowed by the purpose's
    /// <c>Jurisdictions</c>), sorted by id, e.g. <c>CN</c>, <c>US-IL</c>; empty when the assembly declares none. Their
    /// deletion deadlines merge, the earliest winning:
    /// the store purges a template at the earliest of its retention period and the merged deadline after the person's
    /// last interaction (BIPA §15(a): 3 years; Colorado: 24 months, UNCONFIRMED).
    /// </summary>
    /// <exception cref="ArgumentException">An id names no profile.</exception>
    public IReadOnlyList<string> Jurisdictions
    {
        get => _jurisdictions;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var profiles = new List<Profiles.JurisdictionRequirements>();
            foreach (var id in value)
            {
                profiles.Add(Profiles.JurisdictionRequirementTable.Find(id)
                    ?? throw new ArgumentException($"Purpose '{Id}' names the jurisdiction '{id}', which is no profile ({string.Join(", ", Profiles.LawValues.JurisdictionIds)}).", nameof(Jurisdictions)));
            }

            _jurisdictions = value.ToArray();
            Requirements = profiles.Count == 0 ? null : Profiles.ProfileMerge.Merge(profiles);
        }
    }

    private readonly string[] _jurisdictions = [];

    /// <summary>The merged requirements of <see cref="Jurisdictions"/>; null when it is empty.</summary>
    internal Profiles.MergedRequirements? Requirements { get; private init; }

    /// <summary>
    /// When face information must be gone because of the jurisdictions' deadlines that run from the person's last
    /// interaction (BIPA 3 years; Colorado 24 months) and from a decision that keeping it is no longer necessary
    /// (Colorado 45 days): the earliest of them, or null when no jurisdiction of the purpose sets one for the events given.
    /// </summary>
    public DateTimeOffset? DeleteBy(DateTimeOffset? lastInteraction, DateTimeOffset? noLongerNecessaryDecided = null)
        => Requirements?.DeleteBy(lastInteraction, purposeEnded: null, noLongerNecessaryDecided);

    /// <summary>
    /// What every consent receipt for the purpose must be: the union of the served profiles' consent properties at the
    /// law date, one entry per profile row (GDPR Art. 9(2)(a); BIPA §15(b)(3); Measures Art. 6). The registries refuse
    /// a grant whose form meets one of them not (<see cref="ConsentRequirementNotMetException"/>).
    /// </summary>
    public IReadOnlyList<FacialConsentRequirement> ConsentRequirements { get; init; } = [];

    /// <summary>The notice people read before they consent, and its version.</summary>
    public FacialNotice Notice { get; }

    /// <summary>When face information collected at <paramref name="collectedAt"/> must be gone.</summary>
    public DateTimeOffset ExpiresAt(DateTimeOffset collectedAt) => collectedAt + RetentionPeriod;

    /// <summary>Whether face information collected at <paramref name="collectedAt"/> is past its retention at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset collectedAt, DateTimeOffset now) => now >= ExpiresAt(collectedAt);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Method}, kept {RetentionPeriod.TotalDays:0.##} days, notice {Notice.Version})";
}
