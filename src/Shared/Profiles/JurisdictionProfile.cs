using System.Collections.Generic;

namespace FaceCompliance.Profiles;

/// <summary>
/// The law-specific parameters of one jurisdiction: which rules apply and with which citation, the thresholds, and
/// which declared values the law forbids. The analyzers, the generators and the runtime all compile from this one
/// table (<c>src/Shared/Profiles</c>), so a later profile (EU, Illinois) adds a row of data, not a second code path.
/// </summary>
internal sealed class JurisdictionProfile
{
    public JurisdictionProfile(
        string id,
        string name,
        int guardianConsentAge,
        int filingThreshold,
        int[] prohibitedSites,
        int publicPlaceKind,
        int[] prohibitedAttributes,
        int[] legalBases,
        int separateConsentScopes,
        IReadOnlyDictionary<string, string> citations)
    {
        Id = id;
        Name = name;
        GuardianConsentAge = guardianConsentAge;
        FilingThreshold = filingThreshold;
        ProhibitedSites = prohibitedSites;
        PublicPlaceKind = publicPlaceKind;
        ProhibitedAttributes = prohibitedAttributes;
        LegalBases = legalBases;
        SeparateConsentScopes = separateConsentScopes;
        Citations = citations;
    }

    /// <summary>The key a project selects the profile by (<c>facecompliance.jurisdiction</c>), e.g. <c>CN</c>.</summary>
    public string Id { get; }

    /// <summary>The laws the profile implements, as documents name them.</summary>
    public string Name { get; }

    /// <summary>Below this age a guardian consents for the person (Measures Art. 7; PIPL Arts. 28, 31).</summary>
    public int GuardianConsentAge { get; }

    /// <summary>How many people's face information stored makes a filing due (Measures Art. 15).</summary>
    public int FilingThreshold { get; }

    /// <summary><see cref="LawValues"/> site values where no face recognition may be installed, whatever is declared (Measures Art. 13 §2).</summary>
    public int[] ProhibitedSites { get; }

    /// <summary>The purpose kind a purpose deployed in a public place must state unless it cites a law that allows otherwise (Art. 13 §1).</summary>
    public int PublicPlaceKind { get; }

    /// <summary><see cref="LawValues"/> attribute flags no purpose may estimate from a face.</summary>
    public int[] ProhibitedAttributes { get; }

    /// <summary><see cref="LawValues"/> legal bases the law knows (PIPL Art. 13); consent is the default.</summary>
    public int[] LegalBases { get; }

    /// <summary><see cref="LawValues"/> consent scopes that need a consent of their own beyond the purpose's (PIPL Arts. 23, 29, 39; Measures Art. 8).</summary>
    public int SeparateConsentScopes { get; }

    /// <summary>The articles each rule id implements, as its messages and documents cite them.</summary>
    public IReadOnlyDictionary<string, string> Citations { get; }

    /// <summary>The citation of <paramref name="ruleId"/>, or the profile's name when the table has none.</summary>
    public string Cite(string ruleId) => Citations.TryGetValue(ruleId, out var citation) ? citation : Name;

    public bool IsProhibitedSite(int site) => System.Array.IndexOf(ProhibitedSites, site) >= 0;

    /// <summary>The prohibited attribute flags set in <paramref name="attributes"/>.</summary>
    public int ProhibitedAttributesIn(int attributes)
    {
        var found = 0;
        foreach (var flag in ProhibitedAttributes)
        {
            found |= attributes & flag;
        }

        return found;
    }
}
