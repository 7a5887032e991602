using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;

namespace FaceCompliance.Generators.Model;

/// <summary>One consent property a served profile requires, with the profile and its row (a FacialConsentRequirement at run time).</summary>
internal sealed record ConsentRequirementSpec(int Property, string Jurisdiction, string Rule);

/// <summary>
/// What the runtime needs of a purpose's jurisdiction profiles: the served profiles' ids and their merged consent
/// requirements at the law date (<see cref="PurposeProfiles"/>, the same merge the analyzers run), and whether the AI
/// Act's high-risk duties (the Art. 14(5) two-person confirmation) are in force at that date.
/// </summary>
internal sealed record ProfileSpec(EquatableArray<string> Jurisdictions, EquatableArray<ConsentRequirementSpec> ConsentRequirements,
    bool AiActHighRiskInForce = false)
{
    public static ProfileSpec None { get; } = new(EquatableArray<string>.Empty, EquatableArray<ConsentRequirementSpec>.Empty);

    public static ProfileSpec Of(IReadOnlyCollection<int> declared, IEnumerable<int> narrowed, DateTime lawDate)
    {
        if (PurposeProfiles.Merge(declared, narrowed, lawDate, PurposeDesign.None, Array.Empty<ConflictResolution>()) is not { } merged)
        {
            return None;
        }

        var requirements = merged.ConsentRequirements
            .SelectMany(requirement => requirement.Sources.Select(source => new ConsentRequirementSpec((int)requirement.Value, source.ProfileId, source.Rule)))
            .ToImmutableArray();
        return new ProfileSpec(new EquatableArray<string>(merged.ProfileIds.ToImmutableArray()), new EquatableArray<ConsentRequirementSpec>(requirements),
            JurisdictionRequirementTable.AiActHighRiskInForce.InForceOn(lawDate));
    }
}
