using System;
using FaceCompliance;

[assembly: FacialDataProcessor("Sunny Gardens Property Services", "privacy@sunny-gardens.example")]
[assembly: OperatesIn(Jurisdiction.CN)]

namespace RazorGate;

/// <summary>Checking, 1:1, that the person at the community gate is the resident they claim to be.</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "在小区门禁处核验住户本人身份。", DescriptionEn = "Verify residents at the community gate.",
    NecessityZh = "防止门禁卡被借用或冒用。", NecessityEn = "Stops lent or lost cards from opening the gate.",
    ImpactZh = "人脸特征仅存于门禁设备内。", ImpactEn = "Templates stay in the gate device.",
    AlternativeZh = "刷门禁卡。", AlternativeEn = "Tap an access card.",
    RetentionDays = 365)]
public sealed partial class GateEntry
{
}

/// <summary>The residents who gave separate consent to face entry.</summary>
public static class Consent
{
    /// <summary>Throws unless <paramref name="person"/> consented to <typeparamref name="TPurpose"/>.</summary>
    /// <typeparam name="TPurpose">The purpose.</typeparam>
    /// <param name="person">The resident.</param>
    /// <exception cref="InvalidOperationException">No consent.</exception>
    [FacialConsentCheck]
    public static void Ensure<TPurpose>(string person)
    {
        if (!string.Equals(person, "resident-1", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{person} has not consented to {typeof(TPurpose).Name}.");
        }
    }
}

/// <summary>The gate's comparison of two templates: a processing call, marked like the runtime's own face APIs.</summary>
public static class TemplateComparison
{
    /// <summary>The cosine similarity of two templates of the same dimension.</summary>
    /// <param name="probe">The template from the camera.</param>
    /// <param name="enrolled">The enrolled template.</param>
    /// <returns>The similarity, -1 to 1.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public static float CosineSimilarity(this FaceTemplate probe, FaceTemplate enrolled)
    {
        float dot = 0, probeNorm = 0, enrolledNorm = 0;
        for (int i = 0; i < probe.Dimension; i++)
        {
            dot += probe.Values[i] * enrolled.Values[i];
            probeNorm += probe.Values[i] * probe.Values[i];
            enrolledNorm += enrolled.Values[i] * enrolled.Values[i];
        }

        return dot / MathF.Sqrt(probeNorm * enrolledNorm);
    }
}
