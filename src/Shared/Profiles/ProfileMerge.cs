using System;
using System.Collections.Generic;
using System.Linq;

namespace FaceCompliance.Profiles;

/// <summary>One profile's row behind a merged value.</summary>
internal readonly struct ProfileSource
{
    public ProfileSource(string profileId, string rule, string evidence, bool unconfirmed)
    {
        ProfileId = profileId;
        Rule = rule;
        Evidence = evidence;
        Unconfirmed = unconfirmed;
    }

    public string ProfileId { get; }

    public string Rule { get; }

    public string Evidence { get; }

    public bool Unconfirmed { get; }

    public override string ToString() => $"{ProfileId} {Rule} ({Evidence}{(Unconfirmed ? "; UNCONFIRMED" : "")})";
}

/// <summary>A merged value and the profile rows that decided it (the strictest one, or every one of a union).</summary>
internal sealed class MergedValue<T>
{
    public MergedValue(T value, IReadOnlyList<ProfileSource> sources)
    {
        Value = value;
        Sources = sources;
    }

    public T Value { get; }

    public IReadOnlyList<ProfileSource> Sources { get; }

    /// <summary>A row behind the value is UNCONFIRMED: generated text must say so.</summary>
    public bool Unconfirmed => Sources.Any(source => source.Unconfirmed);

    public override string ToString() => $"{Value} [{string.Join("; ", Sources)}]";
}

/// <summary>What a purpose's design declares that can collide with a profile (Part 2, FC0102).</summary>
internal sealed class PurposeDesign
{
    public PurposeDesign(bool matchesInCloud = false, LawPeriod? templateKeepDuty = null)
    {
        MatchesInCloud = matchesInCloud;
        TemplateKeepDuty = templateKeepDuty;
    }

    /// <summary>Templates are sent to a server for matching instead of staying on the device.</summary>
    public bool MatchesInCloud { get; }

    /// <summary>A duty to keep the templates at least this long (e.g. Texas (c-1), a records duty), if declared.</summary>
    public LawPeriod? TemplateKeepDuty { get; }

    public static readonly PurposeDesign None = new();
}

/// <summary>A declared resolution of a profile conflict (<c>[ProfileConflictResolution(rule, justification)]</c>).</summary>
internal sealed class ConflictResolution
{
    public ConflictResolution(string conflict, string justification)
    {
        Conflict = conflict;
        Justification = justification;
    }

    /// <summary>The id of the conflict it resolves (<see cref="ProfileConflicts"/>).</summary>
    public string Conflict { get; }

    /// <summary>Why the chosen behaviour is lawful; copied into the generated assessments.</summary>
    public string Justification { get; }
}

/// <summary>Two requirements with no strictest answer. An error until a <see cref="ConflictResolution"/> names it.</summary>
internal sealed class ProfileConflict
{
    public ProfileConflict(string id, string description, IReadOnlyList<ProfileSource> sources, string? justification)
    {
        Id = id;
        Description = description;
        Sources = sources;
        Justification = justification;
    }

    public string Id { get; }

    public string Description { get; }

    /// <summary>The profile rows on the other side of the conflict.</summary>
    public IReadOnlyList<ProfileSource> Sources { get; }

    /// <summary>The declared resolution's justification, or null while unresolved.</summary>
    public string? Justification { get; }

    public bool IsResolved => Justification != null;

    public override string ToString() => $"{Id}: {Description}{(IsResolved ? " (resolved: " + Justification + ")" : "")}";
}

/// <summary>The ids of the conflicts <see cref="ProfileMerge"/> detects; a resolution names one of them.</summary>
internal static class ProfileConflicts
{
    /// <summary>A declared duty to keep templates outlasts a profile's duty to delete them.</summary>
    public const string RetentionFloorAboveCeiling = "RetentionFloorAboveCeiling";

    /// <summary>A profile keeps face data on the device by default and the purpose matches in the cloud.</summary>
    public const string DeviceLocalVersusCloudMatching = "DeviceLocalVersusCloudMatching";
}

/// <summary>The requirements of several profiles on one purpose, strictest value winning (Part 2).</summary>
internal sealed class MergedRequirements
{
    internal MergedRequirements(
        IReadOnlyList<string> profileIds,
        IReadOnlyList<MergedValue<ConsentProperty>> consentRequirements,
        MergedValue<int>? guardianConsentAge,
        IReadOnlyList<MergedValue<DeletionLimit>> deletionLimits,
        MergedValue<LawPeriod>? recordsFloor,
        MergedValue<bool>? requiresPublicPolicy,
        IReadOnlyList<MergedValue<RequiredNoticeElement>> noticeElements,
        MergedValue<bool>? oneToOneIsSpecialCategory,
        MergedValue<bool>? deviceLocalDefault,
        MergedValue<int>? filingThreshold,
        MergedValue<LawPeriod>? requestResponseDeadline,
        IReadOnlyList<MergedValue<RequiredAssessment>> requiredAssessments,
        IReadOnlyList<MergedValue<string>> bans,
        IReadOnlyList<MergedValue<ProfileExemption>> exemptions,
        IReadOnlyList<MergedValue<DisclosureBasis>>? allowedDisclosureBases,
        IReadOnlyList<ProfileConflict> conflicts,
        IReadOnlyList<ConflictResolution> unmatchedResolutions)
    {
        ProfileIds = profileIds;
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
        Conflicts = conflicts;
        UnmatchedResolutions = unmatchedResolutions;
    }

    /// <summary>The merged profiles' ids, sorted.</summary>
    public IReadOnlyList<string> ProfileIds { get; }

    /// <summary>Union: one receipt must satisfy all of them.</summary>
    public IReadOnlyList<MergedValue<ConsentProperty>> ConsentRequirements { get; }

    /// <summary>Maximum.</summary>
    public MergedValue<int>? GuardianConsentAge { get; }

    /// <summary>Minimum per anchor, in anchor order: delete at the earliest of them.</summary>
    public IReadOnlyList<MergedValue<DeletionLimit>> DeletionLimits { get; }

    /// <summary>Maximum.</summary>
    public MergedValue<LawPeriod>? RecordsFloor { get; }

    /// <summary>True if any profile requires it.</summary>
    public MergedValue<bool>? RequiresPublicPolicy { get; }

    /// <summary>Union, in notice order.</summary>
    public IReadOnlyList<MergedValue<RequiredNoticeElement>> NoticeElements { get; }

    public MergedValue<bool>? OneToOneIsSpecialCategory { get; }

    public MergedValue<bool>? DeviceLocalDefault { get; }

    /// <summary>Minimum.</summary>
    public MergedValue<int>? FilingThreshold { get; }

    /// <summary>Minimum.</summary>
    public MergedValue<LawPeriod>? RequestResponseDeadline { get; }

    /// <summary>Union.</summary>
    public IReadOnlyList<MergedValue<RequiredAssessment>> RequiredAssessments { get; }

    /// <summary>Union, by rule id.</summary>
    public IReadOnlyList<MergedValue<string>> Bans { get; }

    /// <summary>Intersection: an exemption holds only if every merged profile grants it.</summary>
    public IReadOnlyList<MergedValue<ProfileExemption>> Exemptions { get; }

    /// <summary>Intersection over the profiles that restrict disclosure; null when none does.</summary>
    public IReadOnlyList<MergedValue<DisclosureBasis>>? AllowedDisclosureBases { get; }

    public IReadOnlyList<ProfileConflict> Conflicts { get; }

    /// <summary>The conflicts no declaration resolves: each one is an error (FC0102).</summary>
    public IEnumerable<ProfileConflict> UnresolvedConflicts => Conflicts.Where(conflict => !conflict.IsResolved);

    /// <summary>Declared resolutions that name no detected conflict (stale or misspelt).</summary>
    public IReadOnlyList<ConflictResolution> UnmatchedResolutions { get; }

    /// <summary>The union of <see cref="ConsentRequirements"/> as flags.</summary>
    public ConsentProperty ConsentFlags
        => ConsentRequirements.Aggregate(ConsentProperty.None, (flags, requirement) => flags | requirement.Value);

    /// <summary>The merged deletion limit that runs from <paramref name="anchor"/>, if any profile sets one.</summary>
    public MergedValue<DeletionLimit>? DeletionLimitFrom(RetentionAnchor anchor)
        => DeletionLimits.FirstOrDefault(limit => limit.Value.Anchor == anchor);

    /// <summary>
    /// The date by which a subject's templates must be deleted: the earliest deadline over the anchors whose event is
    /// known, or null when none is.
    /// </summary>
    public DateTimeOffset? DeleteBy(DateTimeOffset? lastInteraction, DateTimeOffset? purposeEnded, DateTimeOffset? noLongerNecessaryDecided)
    {
        DateTimeOffset? earliest = null;
        foreach (var limit in DeletionLimits)
        {
            var start = limit.Value.Anchor switch
            {
                RetentionAnchor.LastInteraction => lastInteraction,
                RetentionAnchor.PurposeEnd => purposeEnded,
                _ => noLongerNecessaryDecided,
            };
            if (start is { } known)
            {
                var deadline = limit.Value.Period.After(known);
                if (earliest is null || deadline < earliest)
                {
                    earliest = deadline;
                }
            }
        }

        return earliest;
    }
}

/// <summary>
/// "Strictest wins" (JURISDICTIONS.md Part 2): merges the requirements of the profiles one purpose serves and reports
/// the conflicts that have no strictest answer. Pure and deterministic: the order of the inputs does not matter.
/// </summary>
internal static class ProfileMerge
{
    /// <summary>The merge at <see cref="LawDate.Default"/>.</summary>
    public static MergedRequirements Merge(IEnumerable<JurisdictionRequirements> profiles)
        => Merge(profiles, LawDate.Default, PurposeDesign.None, Array.Empty<ConflictResolution>());

    /// <summary>The merge at <see cref="LawDate.Default"/>.</summary>
    public static MergedRequirements Merge(
        IEnumerable<JurisdictionRequirements> profiles, PurposeDesign design, IEnumerable<ConflictResolution> resolutions)
        => Merge(profiles, LawDate.Default, design, resolutions);

    /// <summary>The merge as the law stands on <paramref name="lawDate"/>: rows not in force then are ignored.</summary>
    public static MergedRequirements Merge(
        IEnumerable<JurisdictionRequirements> profiles, DateTime lawDate, PurposeDesign design, IEnumerable<ConflictResolution> resolutions)
        => MergeInForce(profiles.Select(profile => profile.At(lawDate)), design, resolutions);

    private static MergedRequirements MergeInForce(
        IEnumerable<JurisdictionRequirements> profiles, PurposeDesign design, IEnumerable<ConflictResolution> resolutions)
    {
        var active = profiles
            .GroupBy(profile => profile.Id, StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(profile => profile.Id, StringComparer.Ordinal)
            .ToList();
        if (active.Count == 0)
        {
            throw new ArgumentException("A merge needs at least one profile.", nameof(profiles));
        }

        var deletionLimits = Enum.GetValues(typeof(RetentionAnchor)).Cast<RetentionAnchor>()
            .Select(anchor => Extreme(active, p => p.DeletionLimitFrom(anchor), (a, b) => a.Period.CompareTo(b.Period), smallest: true))
            .Where(limit => limit != null)
            .Select(limit => limit!)
            .ToList();
        var deviceLocal = AnyTrue(active, p => p.DeviceLocalDefault);

        var conflicts = new List<(string Id, string Description, IReadOnlyList<ProfileSource> Sources)>();
        if (design.TemplateKeepDuty is { } keep)
        {
            var exceeded = deletionLimits.Where(limit => keep.CompareTo(limit.Value.Period) > 0).ToList();
            if (exceeded.Count > 0)
            {
                conflicts.Add((
                    ProfileConflicts.RetentionFloorAboveCeiling,
                    $"a duty to keep templates {keep} against deletion at the latest "
                        + string.Join(", ", exceeded.Select(limit => limit.Value.ToString())),
                    exceeded.SelectMany(limit => limit.Sources).ToList()));
            }
        }

        if (design.MatchesInCloud && deviceLocal is { Value: true })
        {
            conflicts.Add((
                ProfileConflicts.DeviceLocalVersusCloudMatching,
                "face data stays on the device by default, and the purpose matches in the cloud",
                deviceLocal.Sources));
        }

        var declared = resolutions.ToList();
        var resolvedConflicts = conflicts
            .Select(conflict => new ProfileConflict(
                conflict.Id,
                conflict.Description,
                conflict.Sources,
                declared.FirstOrDefault(resolution => resolution.Conflict == conflict.Id)?.Justification))
            .ToList();
        var unmatched = declared.Where(resolution => conflicts.All(conflict => conflict.Id != resolution.Conflict)).ToList();

        return new MergedRequirements(
            active.Select(profile => profile.Id).ToList(),
            Union(active, p => p.ConsentRequirements, Comparer<ConsentProperty>.Default),
            Extreme(active, p => p.GuardianConsentAge, (a, b) => a.CompareTo(b), smallest: false),
            deletionLimits,
            Extreme(active, p => p.RecordsFloor, (a, b) => a.CompareTo(b), smallest: false),
            AnyTrue(active, p => p.RequiresPublicPolicy),
            Union(active, p => p.NoticeElements, Comparer<RequiredNoticeElement>.Default),
            AnyTrue(active, p => p.OneToOneIsSpecialCategory),
            deviceLocal,
            Extreme(active, p => p.FilingThreshold, (a, b) => a.CompareTo(b), smallest: true),
            Extreme(active, p => p.RequestResponseDeadline, (a, b) => a.CompareTo(b), smallest: true),
            Union(active, p => p.RequiredAssessments, Comparer<RequiredAssessment>.Default),
            Union(active, p => p.Bans, StringComparer.Ordinal),
            Intersection(active, p => p.Exemptions),
            DisclosureIntersection(active),
            resolvedConflicts,
            unmatched);
    }

    private static ProfileSource Source<T>(JurisdictionRequirements profile, Sourced<T> value)
        => new(profile.Id, value.Rule, value.Evidence, value.Unconfirmed);

    /// <summary>The smallest (or largest) value any profile sets, with every profile that sets exactly that value.</summary>
    private static MergedValue<T>? Extreme<T>(
        List<JurisdictionRequirements> profiles, Func<JurisdictionRequirements, Sourced<T>?> select, Comparison<T> compare, bool smallest)
        where T : struct
    {
        var set = profiles.Select(profile => (Profile: profile, Value: select(profile)))
            .Where(entry => entry.Value.HasValue)
            .Select(entry => (entry.Profile, Value: entry.Value!.Value))
            .ToList();
        if (set.Count == 0)
        {
            return null;
        }

        var best = set[0].Value.Value;
        foreach (var entry in set)
        {
            var order = compare(entry.Value.Value, best);
            if (smallest ? order < 0 : order > 0)
            {
                best = entry.Value.Value;
            }
        }

        return new MergedValue<T>(
            best,
            set.Where(entry => compare(entry.Value.Value, best) == 0).Select(entry => Source(entry.Profile, entry.Value)).ToList());
    }

    private static MergedValue<bool>? AnyTrue(List<JurisdictionRequirements> profiles, Func<JurisdictionRequirements, Sourced<bool>?> select)
        => Extreme(profiles, select, (a, b) => a.CompareTo(b), smallest: false);

    /// <summary>Every value any profile lists, once, in <paramref name="order"/>, with every row that lists it.</summary>
    private static IReadOnlyList<MergedValue<T>> Union<T>(
        List<JurisdictionRequirements> profiles, Func<JurisdictionRequirements, IReadOnlyList<Sourced<T>>> select, IComparer<T> order)
        => profiles
            .SelectMany(profile => select(profile).Select(value => (Profile: profile, Value: value)))
            .GroupBy(entry => entry.Value.Value)
            .OrderBy(group => group.Key, order)
            .Select(group => new MergedValue<T>(group.Key, group.Select(entry => Source(entry.Profile, entry.Value)).ToList()))
            .ToList();

    /// <summary>The values every profile lists.</summary>
    private static IReadOnlyList<MergedValue<T>> Intersection<T>(
        List<JurisdictionRequirements> profiles, Func<JurisdictionRequirements, IReadOnlyList<Sourced<T>>> select)
        => Union(profiles, select, Comparer<T>.Default)
            .Where(value => value.Sources.Select(source => source.ProfileId).Distinct().Count() == profiles.Count)
            .ToList();

    private static IReadOnlyList<MergedValue<DisclosureBasis>>? DisclosureIntersection(List<JurisdictionRequirements> profiles)
    {
        var restricting = profiles.Where(profile => profile.AllowedDisclosureBases != null).ToList();
        return restricting.Count == 0 ? null : Intersection(restricting, profile => profile.AllowedDisclosureBases!);
    }
}
