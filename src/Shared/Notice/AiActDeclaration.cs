using System.Collections.Generic;
using System.Linq;
using FaceCompliance.Profiles;

namespace FaceCompliance.Notice;

/// <summary>Reads a purpose declaration for the AI Act: whether the purpose serves it, and the facts its classification reads.</summary>
internal static class AiActDeclaration
{
    /// <summary>
    /// Whether the purpose serves <c>EU-AIACT</c>: the assembly declares <c>[assembly: OperatesIn(Jurisdiction.EU_AIACT)]</c>
    /// and the purpose's <c>Jurisdictions</c>, when it narrows them, lists it.
    /// </summary>
    public static bool ServesAiAct(IEnumerable<int> assemblyJurisdictions, IEnumerable<int> purposeJurisdictions)
    {
        var declared = new HashSet<int>(assemblyJurisdictions);
        if (!declared.Contains(LawValues.JurisdictionEUAiAct))
        {
            return false;
        }

        var narrowed = purposeJurisdictions.Where(declared.Contains).ToList();
        return narrowed.Count == 0 || narrowed.Contains(LawValues.JurisdictionEUAiAct);
    }

    public static AiActFacts Facts(PurposeDeclaration purpose) => new(
        purpose.Method, purpose.Attributes, purpose.Contexts, purpose.Site, purpose.ImageSource, purpose.IdentificationMode,
        purpose.MedicalOrSafetyReason.Length > 0, purpose.RealTimeException, purpose.RealTimeAuthorisation.Length > 0);

    public static AiActClassification Classify(PurposeDeclaration purpose) => AiActClassification.Classify(Facts(purpose));
}
