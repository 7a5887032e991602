using System;
using System.Collections.Generic;
using System.Linq;

namespace FaceCompliance.Profiles;

/// <summary>
/// The merge parameters of one jurisdiction profile (JURISDICTIONS.md Part 2): what a consent receipt must be, when data
/// must be deleted, what records must be kept, what the notice must say. Each value carries its source row. An absent
/// value (null, empty list) means the profile sets no such requirement; <see cref="AllowedDisclosureBases"/> null means
/// the profile does not restrict disclosure to a list of grounds. <see cref="ProfileMerge"/> combines several.
/// </summary>
internal sealed class JurisdictionRequirements
{
    public JurisdictionRequirements(
        string id,
        string name,
        IReadOnlyList<Sourced<ConsentProperty>> consentRequirements,
        Sourced<int>? guardianConsentAge,
        IReadOnlyList<Sourced<DeletionLimit>> deletionLimits,
        Sourced<LawPeriod>? recordsFloor,
        Sourced<bool>? requiresPublicPolicy,
        IReadOnlyList<Sourced<RequiredNoticeElement>> noticeElements,
        Sourced<bool>? oneToOneIsSpecialCategory,
        Sourced<bool>? deviceLocalDefault,
        Sourced<int>? filingThreshold,
        Sourced<LawPeriod>? requestResponseDeadline,
        IReadOnlyList<Sourced<RequiredAssessment>> requiredAssessments,
        IReadOnlyList<Sourced<string>> bans,
        IReadOnlyList<Sourced<ProfileExemption>> exemptions,
        IReadOnlyList<Sourced<DisclosureBasis>>? allowedDisclosureBases)
    {
        Id = id;
        Name = name;
        ConsentRequirements = consentRequirements;
        GuardianConsentAge = guardianConsentAge;
        DeletionLimits = deletionLimits;
        RecordsFloor = recordsFloor;
        RequiresPublicPolicy = requiresPublicPolicy;
        NoticeElements = noticeElements;
        OneToOneIsSpecialCategory = oneToOneIsSpecialCategory;
        DeviceLocalDefault = deviceLocalDefault;
        FilingThreshold = filingThreshold;
        RequestResponseDeadline = requestResponseDeadline;
        RequiredAssessments = requiredAssessments;
        Bans = bans;
        Exemptions = exemptions;
        AllowedDisclosureBases = allowedDisclosureBases;
    }

    /// <summary>The profile id an application declares, e.g. <c>US-IL</c>.</summary>
    public string Id { get; }

    /// <summary>The laws the profile implements.</summary>
    public string Name { get; }

    /// <summary>The properties a consent receipt must have, one row each (Part 2 <c>ConsentRequirements</c>).</summary>
    public IReadOnlyList<Sourced<ConsentProperty>> ConsentRequirements { get; }

    /// <summary>Below this age a parent or guardian consents.</summary>
    public Sourced<int>? GuardianConsentAge { get; }

    /// <summary>The deletion deadlines for templates, at most one per anchor (retention ceiling, post-purpose grace, ...).</summary>
    public IReadOnlyList<Sourced<DeletionLimit>> DeletionLimits { get; }

    /// <summary>How long processing records and logs (which hold no biometric data) must at least be kept.</summary>
    public Sourced<LawPeriod>? RecordsFloor { get; }

    /// <summary>A public written retention and destruction policy must exist before collection.</summary>
    public Sourced<bool>? RequiresPublicPolicy { get; }

    /// <summary>The elements the notice must contain (JURISDICTIONS.md §7).</summary>
    public IReadOnlyList<Sourced<RequiredNoticeElement>> NoticeElements { get; }

    /// <summary>1:1 verification is treated as special-category (sensitive) biometric data.</summary>
    public Sourced<bool>? OneToOneIsSpecialCategory { get; }

    /// <summary>Face data stays on the recognition device unless separately consented or required by law.</summary>
    public Sourced<bool>? DeviceLocalDefault { get; }

    /// <summary>How many people's face data stored makes a filing with the regulator due.</summary>
    public Sourced<int>? FilingThreshold { get; }

    /// <summary>The deadline for answering a data-subject request.</summary>
    public Sourced<LawPeriod>? RequestResponseDeadline { get; }

    public IReadOnlyList<Sourced<RequiredAssessment>> RequiredAssessments { get; }

    /// <summary>The rule ids of the practices the profile bans outright.</summary>
    public IReadOnlyList<Sourced<string>> Bans { get; }

    public IReadOnlyList<Sourced<ProfileExemption>> Exemptions { get; }

    /// <summary>The only grounds for disclosing biometric data, or null when the profile has no such list.</summary>
    public IReadOnlyList<Sourced<DisclosureBasis>>? AllowedDisclosureBases { get; }

    /// <summary>
    /// This profile as the law stands on <paramref name="lawDate"/>: rows whose <see cref="LawWindow"/> does not include
    /// the date are left out.
    /// </summary>
    public JurisdictionRequirements At(DateTime lawDate)
    {
        return new JurisdictionRequirements(
            Id,
            Name,
            InForce(ConsentRequirements),
            InForceValue(GuardianConsentAge),
            InForce(DeletionLimits),
            InForceValue(RecordsFloor),
            InForceValue(RequiresPublicPolicy),
            InForce(NoticeElements),
            InForceValue(OneToOneIsSpecialCategory),
            InForceValue(DeviceLocalDefault),
            InForceValue(FilingThreshold),
            InForceValue(RequestResponseDeadline),
            InForce(RequiredAssessments),
            InForce(Bans),
            InForce(Exemptions),
            AllowedDisclosureBases is null ? null : InForce(AllowedDisclosureBases));

        IReadOnlyList<Sourced<T>> InForce<T>(IReadOnlyList<Sourced<T>> rows) => rows.Where(row => row.Window.InForceOn(lawDate)).ToList();

        Sourced<T>? InForceValue<T>(Sourced<T>? row) => row is { } value && value.Window.InForceOn(lawDate) ? value : null;
    }

    /// <summary>The deletion limit that runs from <paramref name="anchor"/>, if the profile sets one.</summary>
    public Sourced<DeletionLimit>? DeletionLimitFrom(RetentionAnchor anchor)
    {
        foreach (var limit in DeletionLimits)
        {
            if (limit.Value.Anchor == anchor)
            {
                return limit;
            }
        }

        return null;
    }

    /// <summary>The retention ceiling after the last interaction (Part 2 <c>RetentionCeiling</c>).</summary>
    public Sourced<DeletionLimit>? RetentionCeiling => DeletionLimitFrom(RetentionAnchor.LastInteraction);

    /// <summary>The time allowed after the purpose ends (Part 2 <c>PostPurposeGrace</c>).</summary>
    public Sourced<DeletionLimit>? PostPurposeGrace => DeletionLimitFrom(RetentionAnchor.PurposeEnd);

    /// <summary>The union of <see cref="ConsentRequirements"/> as flags.</summary>
    public ConsentProperty ConsentFlags
    {
        get
        {
            var flags = ConsentProperty.None;
            foreach (var requirement in ConsentRequirements)
            {
                flags |= requirement.Value;
            }

            return flags;
        }
    }
}
