using FaceCompliance;

namespace NonCompliant;

/// <summary>A complete purpose that may involve children: a school gate (1:1).</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "在校门处核验学生本人身份。",
    DescriptionEn = "To verify pupils at the school gate.",
    NecessityZh = "防止校园卡被借用。",
    NecessityEn = "To stop lent school cards from opening the gate.",
    ImpactZh = "人脸特征仅存于校门设备内。",
    ImpactEn = "Templates stay inside the gate device.",
    AlternativeZh = "学生可随时改用校园卡。",
    AlternativeEn = "Pupils can always use their school card instead.",
    RetentionDays = 180,
    MayInvolveMinors = true,
    MinorsRulesZh = "学生人脸仅在其监护人同意后登记，监护人可随时撤回同意。",
    MinorsRulesEn = "A pupil's face is enrolled only after a guardian consents; the guardian can withdraw at any time.")]
public sealed partial class SchoolGateEntry
{
}

/// <summary>A school gate whose consent check does not know whether the pupil is under 14.</summary>
[UsesFacialData<SchoolGateEntry>]
[NonBiometricAlternative(nameof(OpenWithCard))]
public sealed class SchoolGate
{
    private readonly FaceEngine engine = new();
    private readonly ConsentRegistry consent = new();

    /// <summary>Admits one pupil.</summary>
    /// <param name="pupilId">The pupil claimed.</param>
    /// <param name="frame">The camera frame.</param>
    /// <param name="enrolled">The pupil's template.</param>
    /// <returns>Whether the gate opens.</returns>
    public bool Admit(string pupilId, byte[] frame, byte[] enrolled)
    {
        // FC0017: the purpose may involve children under 14, but ConsentRegistry.Ensure is not guardian-aware: it
        // would accept a child's own consent, or a person of unknown age (Measures Art. 7; PIPL Arts. 28, 31).
        consent.Ensure<SchoolGateEntry>(pupilId);
        return engine.Verify(enrolled, frame); // expect FC0017
    }

    /// <summary>The non-biometric alternative.</summary>
    /// <param name="cardNumber">The card read.</param>
    /// <returns>Whether the gate opens.</returns>
    public bool OpenWithCard(string cardNumber) => cardNumber.Length == 8;
}
