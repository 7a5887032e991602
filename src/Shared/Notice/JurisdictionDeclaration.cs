using System.Collections.Generic;
using System.Linq;
using FaceCompliance.Profiles;

namespace FaceCompliance.Notice;

/// <summary>
/// What one <c>[assembly: OperatesIn]</c> declares, as plain values: the jurisdiction (<c>LawValues.Jurisdiction*</c>)
/// and, for Illinois and Colorado, where the public retention and destruction policy is published (empty if not set).
/// </summary>
internal sealed record JurisdictionDeclaration(int Jurisdiction, string PublicRetentionPolicyUrl)
{
    public const string AttributeName = "FaceCompliance.OperatesInAttribute";

    /// <summary>The profile id, such as <c>US-IL</c>, or the number when it names none.</summary>
    public string ProfileId => LawValues.Name(LawValues.JurisdictionIds, Jurisdiction);

    /// <summary>
    /// The declarations a purpose serves: the assembly's, narrowed to <paramref name="narrowing"/> when the purpose
    /// lists any (an undeclared one there is FC0101's and ignored), in jurisdiction order, one per jurisdiction.
    /// </summary>
    public static List<JurisdictionDeclaration> Served(IEnumerable<JurisdictionDeclaration> declared, IReadOnlyCollection<int> narrowing)
        => declared
            .Where(d => d.Jurisdiction >= 0 && d.Jurisdiction < LawValues.JurisdictionIds.Length)
            .Where(d => narrowing.Count == 0 || narrowing.Contains(d.Jurisdiction))
            .GroupBy(d => d.Jurisdiction)
            .Select(group => group.FirstOrDefault(d => d.PublicRetentionPolicyUrl.Length > 0) ?? group.First())
            .OrderBy(d => d.Jurisdiction)
            .ToList();
}
