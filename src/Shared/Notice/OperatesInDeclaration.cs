using System.Collections.Generic;
using System.Linq;

namespace FaceCompliance.Notice;

/// <summary>
/// What the assembly's <c>[assembly: OperatesIn]</c> attributes declare, as plain values: the jurisdictions
/// (<c>LawValues.Jurisdiction*</c>, sorted) and, from the EU one, the data protection officer's contact and the
/// supervisory authority (GDPR Art. 13(1)(b), (2)(d)); texts trimmed, absent ones empty. <see cref="Declarations"/> has
/// each attribute with its public retention policy address (BIPA §15(a)), ordered; <see cref="Resolutions"/> the
/// assembly-level <c>[ProfileConflictResolution]</c> declarations, which apply to every purpose.
/// </summary>
internal sealed record OperatesInDeclaration(EquatableArray<int> Jurisdictions, string DataProtectionOfficerContact, string SupervisoryAuthority,
    EquatableArray<JurisdictionDeclaration> Declarations = default, EquatableArray<ConflictResolutionDeclaration> Resolutions = default)
{
    public const string AttributeName = "FaceCompliance.OperatesInAttribute";

    public static OperatesInDeclaration None { get; } = new(EquatableArray<int>.Empty, "", "");

    /// <summary>Whether the assembly declares <c>[assembly: OperatesIn]</c> for the jurisdiction.</summary>
    public bool Declares(int jurisdiction) => Contains(Jurisdictions, jurisdiction);

    /// <summary>
    /// Whether <paramref name="purpose"/> serves the jurisdiction: the assembly declares it and the purpose does not
    /// narrow its jurisdictions to others (FacialDataPurpose.Jurisdictions).
    /// </summary>
    public bool Serves(PurposeDeclaration purpose, int jurisdiction)
    {
        if (!Contains(Jurisdictions, jurisdiction))
        {
            return false;
        }

        return purpose.Jurisdictions.Count == 0 || Contains(purpose.Jurisdictions, jurisdiction);
    }

    /// <summary>The conflict resolutions that apply to <paramref name="purpose"/>: its own, then the assembly's.</summary>
    public IEnumerable<ConflictResolutionDeclaration> ResolutionsFor(PurposeDeclaration purpose)
        => purpose.Resolutions.Concat(Resolutions);

    private static bool Contains(EquatableArray<int> values, int value)
    {
        foreach (var item in values)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }
}
