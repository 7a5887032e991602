using System;
using System.Collections.Generic;
using System.Linq;

namespace FaceCompliance.Profiles;

/// <summary>
/// The one place that turns declarations into a purpose's merged requirements: the assembly's <c>[OperatesIn]</c>
/// jurisdictions, narrowed by the purpose's <c>Jurisdictions</c>, merged as the law stands on the law date
/// (<see cref="LawDate"/>). The analyzers (<c>ProfileContext</c>) and the generator both call it.
/// </summary>
internal static class PurposeProfiles
{
    /// <summary>
    /// The profiles the purpose serves: the declared jurisdictions (<see cref="LawValues"/> values), or those of
    /// <paramref name="narrowed"/> the assembly declares when the purpose narrows them; sorted by id.
    /// </summary>
    public static IReadOnlyList<JurisdictionRequirements> Served(IEnumerable<int> declared, IEnumerable<int> narrowed)
    {
        var declaredSet = new HashSet<int>(declared);
        var kept = narrowed.Where(declaredSet.Contains).Distinct().ToList();
        return (kept.Count > 0 ? kept : declaredSet.ToList())
            .Where(j => j >= 0 && j < LawValues.JurisdictionIds.Length)
            .Select(j => JurisdictionRequirementTable.Find(LawValues.JurisdictionIds[j]))
            .Where(profile => profile is not null)
            .Select(profile => profile!)
            .OrderBy(profile => profile.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The merged requirements of the purpose at <paramref name="lawDate"/>, or null when it serves no profile.</summary>
    public static MergedRequirements? Merge(
        IEnumerable<int> declared, IEnumerable<int> narrowed, DateTime lawDate, PurposeDesign design, IEnumerable<ConflictResolution> resolutions)
    {
        var served = Served(declared, narrowed);
        return served.Count == 0 ? null : ProfileMerge.Merge(served, lawDate, design, resolutions);
    }
}
