using System.Collections.Generic;

namespace FaceCompliance.Profiles;

/// <summary>The jurisdiction profiles FaceCompliance knows. China (the Measures and the PIPL) is the first and the default.</summary>
internal static class JurisdictionProfiles
{
    public const string DefaultId = "CN";

    /// <summary>Measures for the Security Management of Face Recognition Technology Applications (CAC + MPS, in force 2025-06-01) and the PIPL.</summary>
    public static readonly JurisdictionProfile China = new(
        id: "CN",
        name: "Measures for the Security Management of Face Recognition Technology Applications; PIPL",
        guardianConsentAge: 14,
        filingThreshold: 100_000,
        prohibitedSites: new[] { LawValues.SiteHotelRoom, LawValues.SitePublicBath, LawValues.SiteChangingRoom, LawValues.SiteToilet },
        publicPlaceKind: LawValues.KindPublicSafety,
        prohibitedAttributes: new[]
        {
            LawValues.AttributeEthnicity, LawValues.AttributeRace, LawValues.AttributeReligion,
            LawValues.AttributeHealth, LawValues.AttributePoliticalOpinion, LawValues.AttributeSexualOrientation,
        },
        legalBases: new[]
        {
            LawValues.BasisConsent, LawValues.BasisContractOrEmployment, LawValues.BasisLegalDuty,
            LawValues.BasisPublicHealthEmergency, LawValues.BasisNewsReporting, LawValues.BasisPubliclyDisclosed, LawValues.BasisOtherLaw,
        },
        separateConsentScopes: LawValues.ScopeTransfer | LawValues.ScopeImageRetention | LawValues.ScopeProvision | LawValues.ScopeCrossBorder,
        citations: new Dictionary<string, string>
        {
            ["FC0013"] = "Measures Art. 8 §1; PIPL Arts. 29, 38-39",
            ["FC0014"] = "Measures Art. 8; PIPL Arts. 29, 47",
            ["FC0015"] = "Measures Art. 13; PIPL Art. 26",
            ["FC0016"] = "2023 draft Measures; PIPL Arts. 6, 28",
            ["FC0017"] = "Measures, Article 7; PIPL, Articles 28 and 31",
            ["FC0018"] = "Measures, Article 8; PIPL, Articles 29 and 39",
            ["FC0019"] = "PIPL Art. 23",
        });

    public static readonly IReadOnlyList<JurisdictionProfile> All = new[] { China };

    /// <summary>The profile with <paramref name="id"/> (case-insensitive), or null.</summary>
    public static JurisdictionProfile? Find(string id)
    {
        foreach (var profile in All)
        {
            if (string.Equals(profile.Id, id, System.StringComparison.OrdinalIgnoreCase))
            {
                return profile;
            }
        }

        return null;
    }
}
