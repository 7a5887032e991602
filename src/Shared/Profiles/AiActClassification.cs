using System.Collections.Generic;
using FaceCompliance.Methods;

namespace FaceCompliance.Profiles;

/// <summary>Where a purpose falls under the EU AI Act (JURISDICTIONS.md AIA-ANNEX-III-1).</summary>
internal enum AiActCategory
{
    /// <summary>An Art. 5 ban applies.</summary>
    Prohibited,

    /// <summary>High-risk under Annex III point 1.</summary>
    HighRisk,

    /// <summary>Only the Art. 50(3) transparency duty applies.</summary>
    TransparencyOnly,

    /// <summary>Neither a ban, nor Annex III, nor Art. 50(3).</summary>
    NotCovered,

    /// <summary>A 1:N purpose that does not say whether it is remote (FC0114): cannot be classified.</summary>
    Undetermined,
}

/// <summary>An Art. 5 ban a purpose falls under: the rule that reports it, the article and why.</summary>
internal sealed class AiActBan
{
    public AiActBan(string ruleId, string article, string reason)
    {
        RuleId = ruleId;
        Article = article;
        Reason = reason;
    }

    public string RuleId { get; }

    public string Article { get; }

    public string Reason { get; }
}

/// <summary>What a purpose declares that the AI Act's classification reads (the values of <see cref="LawValues"/>).</summary>
internal sealed class AiActFacts
{
    public AiActFacts(int method, int attributes, int contexts, int site, int imageSource, int identificationMode,
        bool hasMedicalOrSafetyReason, int realTimeException, bool hasRealTimeAuthorisation)
    {
        Method = method;
        Attributes = attributes;
        Contexts = contexts;
        Site = site;
        ImageSource = imageSource;
        IdentificationMode = identificationMode;
        HasMedicalOrSafetyReason = hasMedicalOrSafetyReason;
        RealTimeException = realTimeException;
        HasRealTimeAuthorisation = hasRealTimeAuthorisation;
    }

    public int Method { get; }

    public int Attributes { get; }

    public int Contexts { get; }

    public int Site { get; }

    public int ImageSource { get; }

    public int IdentificationMode { get; }

    public bool HasMedicalOrSafetyReason { get; }

    public int RealTimeException { get; }

    public bool HasRealTimeAuthorisation { get; }
}

/// <summary>
/// The AI Act classification of one purpose (Regulation (EU) 2024/1689; JURISDICTIONS.md §5): the Art. 5 bans it falls
/// under, its category with the reasons, and the duties that follow (Art. 50(3) notice, Art. 12 logs, Art. 14(5)
/// two-person confirmation). One source of truth for the analyzers (FC0110-FC0114), the generated statement and the
/// runtime flag <c>FacialPurposeInfo.RequiresTwoPersonConfirmation</c>.
/// </summary>
internal sealed class AiActClassification
{
    public const string RuleScraping = "FC0110";
    public const string RuleEmotionAtWorkOrSchool = "FC0111";
    public const string RuleSensitiveCategorisation = "FC0112";
    public const string RuleRealTimeIdentification = "FC0113";
    public const string RuleIdentificationModeRequired = "FC0114";

    /// <summary>The Art. 5(1)(g) list: race (ethnicity read as race), political opinions, trade-union membership, religious or philosophical beliefs, sex life, sexual orientation.</summary>
    public const int BannedCategorisationAttributes = LawValues.AttributeEthnicity | LawValues.AttributeRace | LawValues.AttributePoliticalOpinion
        | LawValues.AttributeTradeUnionMembership | LawValues.AttributeReligion | LawValues.AttributePhilosophicalBeliefs
        | LawValues.AttributeSexLife | LawValues.AttributeSexualOrientation;

    /// <summary>Attributes read as "sensitive or protected" (Annex III 1(b)): FaceCompliance's reading, UNCONFIRMED.</summary>
    public const int ProtectedAttributes = LawValues.AttributeAgeBand | LawValues.AttributeGender | LawValues.AttributeHealth;

    /// <summary>Attributes that categorise people only by appearance or image properties.</summary>
    public const int AppearanceAttributes = LawValues.AttributeGlasses | LawValues.AttributeFacialHair | LawValues.AttributeHeadPose
        | LawValues.AttributeOcclusion | LawValues.AttributeImageQuality;

    private AiActClassification(AiActCategory category, IReadOnlyList<AiActBan> bans, IReadOnlyList<string> reasons,
        bool requiresExposureNotice, bool isRemoteIdentification)
    {
        Category = category;
        Bans = bans;
        Reasons = reasons;
        RequiresExposureNotice = requiresExposureNotice;
        IsRemoteIdentification = isRemoteIdentification;
    }

    public AiActCategory Category { get; }

    public IReadOnlyList<AiActBan> Bans { get; }

    /// <summary>Why the purpose is in its category, one sentence each, with the article.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Emotion recognition or biometric categorisation: the people exposed are informed (Art. 50(3)).</summary>
    public bool RequiresExposureNotice { get; }

    /// <summary>
    /// Remote biometric identification (Annex III 1(a)), or a 1:N purpose that does not say it is not remote (fail
    /// closed): logs per Art. 12(3) and two-person confirmation per Art. 14(5).
    /// </summary>
    public bool IsRemoteIdentification { get; }

    /// <summary>Whether the runtime must withhold a 1:N match's identity until two people confirm it (Art. 14(5)).</summary>
    public bool RequiresTwoPersonConfirmation => IsRemoteIdentification;

    public static AiActClassification Classify(AiActFacts facts)
    {
        var bans = new List<AiActBan>();
        var reasons = new List<string>();
        var identifies = facts.Method == ProcessingMethodTable.Identification;
        var recognises = identifies || facts.Method == ProcessingMethodTable.Verification;
        var emotion = (facts.Attributes & LawValues.AttributeExpression) != 0;
        var categorising = facts.Attributes & ~LawValues.AttributeExpression;
        var atWorkOrSchool = facts.Contexts & (LawValues.ContextWorkplace | LawValues.ContextEducation);
        var remote = identifies && facts.IdentificationMode != LawValues.IdentificationModeNotRemote;

        if (recognises && facts.ImageSource != LawValues.ImageSourceTargeted)
        {
            bans.Add(new AiActBan(RuleScraping, "Art. 5(1)(e)",
                $"it builds a facial recognition database ({ProcessingMethodTable.Name(facts.Method)}) from facial images scraped without a target from {(facts.ImageSource == LawValues.ImageSourceUntargetedCctv ? "CCTV footage" : "the internet")}"));
        }

        if (emotion && atWorkOrSchool != 0 && !facts.HasMedicalOrSafetyReason)
        {
            bans.Add(new AiActBan(RuleEmotionAtWorkOrSchool, "Art. 5(1)(f)",
                $"it infers emotions (Expression) in {Join(LawValues.FlagNames(atWorkOrSchool, LawValues.Contexts))} and declares no medical or safety reason"));
        }

        if ((facts.Attributes & BannedCategorisationAttributes) is var banned && banned != 0)
        {
            bans.Add(new AiActBan(RuleSensitiveCategorisation, "Art. 5(1)(g)",
                $"it categorises people by {Join(LawValues.FlagNames(banned, LawValues.Attributes))} inferred from their face"));
        }

        if (identifies && facts.IdentificationMode == LawValues.IdentificationModeRealTimeRemote
            && facts.Site == LawValues.SitePublicPlace && (facts.Contexts & LawValues.ContextLawEnforcement) != 0
            && !(facts.RealTimeException != LawValues.RealTimeExceptionNone && facts.HasRealTimeAuthorisation))
        {
            bans.Add(new AiActBan(RuleRealTimeIdentification, "Art. 5(1)(h)",
                facts.RealTimeException == LawValues.RealTimeExceptionNone
                    ? "it is real-time remote biometric identification in a publicly accessible space for law enforcement, for none of the objectives of Art. 5(1)(h)(i)-(iii)"
                    : "it is real-time remote biometric identification in a publicly accessible space for law enforcement, and names no national law and prior authorisation (Art. 5(2)-(5))"));
        }

        var requiresNotice = emotion || (categorising & (ProtectedAttributes | AppearanceAttributes | BannedCategorisationAttributes)) != 0;
        AiActCategory category;
        if (bans.Count > 0)
        {
            category = AiActCategory.Prohibited;
            foreach (var ban in bans)
            {
                reasons.Add($"Prohibited ({ban.Article}): {ban.Reason}.");
            }
        }
        else if (identifies && facts.IdentificationMode == LawValues.IdentificationModeUnspecified)
        {
            category = AiActCategory.Undetermined;
            reasons.Add("Undetermined: a 1:N purpose that does not declare IdentificationMode; remote biometric identification (Annex III 1(a)) cannot be ruled out, so the runtime treats it as remote (FC0114 fails the build).");
        }
        else
        {
            if (remote)
            {
                reasons.Add(facts.IdentificationMode == LawValues.IdentificationModeRealTimeRemote
                    ? "High-risk (Annex III 1(a)): real-time remote biometric identification, without the person's active involvement (Art. 3(41), 3(42))."
                    : "High-risk (Annex III 1(a)): post-remote biometric identification, without the person's active involvement (Art. 3(41), 3(43)).");
            }

            if ((categorising & ProtectedAttributes) != 0)
            {
                reasons.Add($"High-risk (Annex III 1(b)): biometric categorisation by {Join(LawValues.FlagNames(categorising & ProtectedAttributes, LawValues.Attributes))}, read as sensitive or protected attributes (which attributes count is UNCONFIRMED).");
            }

            if (emotion)
            {
                reasons.Add("High-risk (Annex III 1(c)): emotion recognition (Expression; Art. 3(39)), outside a workplace or education institution or for a medical or safety reason.");
            }

            if (reasons.Count > 0)
            {
                category = AiActCategory.HighRisk;
            }
            else if ((categorising & AppearanceAttributes) != 0)
            {
                category = AiActCategory.TransparencyOnly;
                reasons.Add($"Art. 50(3) transparency: biometric categorisation by {Join(LawValues.FlagNames(categorising & AppearanceAttributes, LawValues.Attributes))}, not sensitive or protected attributes, so not Annex III 1(b).");
            }
            else
            {
                category = AiActCategory.NotCovered;
                reasons.Add(facts.Method switch
                {
                    ProcessingMethodTable.Verification => "Not covered: 1:1 verification, whose sole purpose is to confirm a claimed identity, is outside remote biometric identification (Annex III 1(a) excludes verification; Recital 15; the wording of Art. 3(36) is UNCONFIRMED).",
                    ProcessingMethodTable.Identification => "Not covered by Annex III 1(a): 1:N identification with the person's active involvement is not remote (Art. 3(41)).",
                    _ => $"Not covered: {ProcessingMethodTable.Name(facts.Method)} neither identifies, categorises nor recognises emotions (Art. 3(35), 3(39), 3(40)).",
                });
            }
        }

        return new AiActClassification(category, bans, reasons, requiresNotice, remote);
    }

    private static string Join(IEnumerable<string> names) => string.Join(", ", names);
}
