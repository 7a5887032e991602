using System;
using System.Collections.Generic;

namespace FaceCompliance.Profiles;

/// <summary>
/// The merge parameters of every profile, one row per jurisdiction, each value pinned to its row in
/// <c>shared/docs/JURISDICTIONS.md</c> (CN: <c>REGULATION.md</c>). The one table the analyzers, generators and runtime
/// compile; a value the document marks UNCONFIRMED is marked here too.
/// </summary>
internal static class JurisdictionRequirementTable
{
    // Date windows (JURISDICTIONS.md §0 and AIA-113-DATES; REGULATION.md for CN). Declared before the rows that use them.
    public static readonly LawWindow MeasuresInForce = LawWindow.Since(2025, 6, 1);
    public static readonly LawWindow PiplInForce = LawWindow.Since(2021, 11, 1);
    public static readonly LawWindow GdprInForce = LawWindow.Since(2018, 5, 25);
    public static readonly LawWindow AiActBansInForce = LawWindow.Since(2025, 2, 2);

    /// <summary>
    /// Annex III high-risk duties (and Art. 50) apply from 2026-08-02 as enacted; the Digital Omnibus would move Annex III
    /// to 2027-12-02, but its publication is UNCONFIRMED, so the enacted date stands and is marked.
    /// </summary>
    public static readonly LawWindow AiActHighRiskInForce = LawWindow.Since(2026, 8, 2, unconfirmed: true);
    public static readonly LawWindow AiActTransparencyInForce = LawWindow.Since(2026, 8, 2);

    /// <summary>P.A. 103-0769 (SB 2979): a written release includes an electronic signature from 2024-08-02.</summary>
    public static readonly LawWindow BipaESignatureInForce = LawWindow.Since(2024, 8, 2);
    public static readonly LawWindow BipaBeforeESignature = LawWindow.Before(2024, 8, 2);
    public static readonly LawWindow TexasHb149InForce = LawWindow.Since(2026, 1, 1);
    public static readonly LawWindow ColoradoInForce = LawWindow.Since(2025, 7, 1);

    public static readonly string China = LawValues.JurisdictionIds[LawValues.JurisdictionCN];
    public static readonly string EuGdpr = LawValues.JurisdictionIds[LawValues.JurisdictionEU];
    public static readonly string EuAiAct = LawValues.JurisdictionIds[LawValues.JurisdictionEUAiAct];
    public static readonly string Illinois = LawValues.JurisdictionIds[LawValues.JurisdictionUSIllinois];
    public static readonly string Texas = LawValues.JurisdictionIds[LawValues.JurisdictionUSTexas];
    public static readonly string Colorado = LawValues.JurisdictionIds[LawValues.JurisdictionUSColorado];

    public static readonly JurisdictionRequirements CN = new(
        id: China,
        name: JurisdictionProfiles.China.Name,
        consentRequirements: new[]
        {
            new Sourced<ConsentProperty>(ConsentProperty.Separate, "CN-ART6-SEPCONSENT", "S1-press, S4, S12", window: MeasuresInForce),
            new Sourced<ConsentProperty>(ConsentProperty.Explicit, "PIPL-ART14-QUALITY", "P4", window: PiplInForce),
            new Sourced<ConsentProperty>(ConsentProperty.PurposeSpecific, "PIPL-ART14-QUALITY", "P4", window: PiplInForce),
            new Sourced<ConsentProperty>(ConsentProperty.NoticeVersionBound, "CN-ART5-CHANGE", "S3", window: MeasuresInForce),
        },
        guardianConsentAge: new Sourced<int>(JurisdictionProfiles.China.GuardianConsentAge, "CN-ART7-MINOR14", "S1-press, S2, S3, S4", window: MeasuresInForce),
        // CN-ART8-RETENTION: the shortest time the purpose needs, no fixed number.
        deletionLimits: Array.Empty<Sourced<DeletionLimit>>(),
        recordsFloor: new Sourced<LawPeriod>(LawPeriod.OfYears(3), "CN-ART9-RECORDS", "S4, S8", window: MeasuresInForce),
        requiresPublicPolicy: null,
        noticeElements: ElementsIn(MeasuresInForce, "CN-ART5-NOTICE", "S1, S3, S4", false,
            RequiredNoticeElement.ControllerContact, RequiredNoticeElement.SpecificPurpose, RequiredNoticeElement.Method, RequiredNoticeElement.RetentionTerm,
            RequiredNoticeElement.Recipients, RequiredNoticeElement.Rights, RequiredNoticeElement.WithdrawConsent, RequiredNoticeElement.ComplaintToAuthority,
            RequiredNoticeElement.NonBiometricAlternative),
        // PIPL Art. 28 makes all biometric data sensitive, verification included; the Measures cover 1:1 (Art. 19).
        oneToOneIsSpecialCategory: new Sourced<bool>(true, "PIPL-ART28-SENSITIVE", "P3", window: PiplInForce),
        deviceLocalDefault: new Sourced<bool>(true, "CN-ART8-LOCALSTORE", "S1-press, S2, S4", window: MeasuresInForce),
        filingThreshold: new Sourced<int>(JurisdictionProfiles.China.FilingThreshold, "CN-ART15-FILING", "S4, S5, S6, S7", window: MeasuresInForce),
        requestResponseDeadline: null,
        requiredAssessments: new[] { new Sourced<RequiredAssessment>(RequiredAssessment.Pipia, "CN-ART9-PIPIA", "S4, S8", window: MeasuresInForce) },
        bans: new[] { new Sourced<string>("CN-ART13-PRIVATE", "CN-ART13-PRIVATE", "S2, S9", window: MeasuresInForce) },
        exemptions: new[] { new Sourced<ProfileExemption>(ProfileExemption.ResearchAndDevelopment, "CN-ART2-RDEXCL", "S1, S9", window: MeasuresInForce) },
        allowedDisclosureBases: null);

    public static readonly JurisdictionRequirements EU = new(
        id: EuGdpr,
        name: "GDPR (Regulation (EU) 2016/679) with EDPB guidance",
        consentRequirements: new[]
        {
            new Sourced<ConsentProperty>(ConsentProperty.Explicit, "EU-GDPR-9-2-A-EXPLICIT", "GD4, ED1", window: GdprInForce),
            new Sourced<ConsentProperty>(ConsentProperty.PurposeSpecific, "EU-GDPR-9-2-A-EXPLICIT", "GD4, ED1", window: GdprInForce),
        },
        guardianConsentAge: null,
        // Storage limitation (Art. 5(1)(e), Art. 25): no fixed number; the purpose's declared term applies.
        deletionLimits: Array.Empty<Sourced<DeletionLimit>>(),
        recordsFloor: null,
        requiresPublicPolicy: null,
        noticeElements: Concat(
            ElementsIn(GdprInForce, "EU-GDPR-13-NOTICE", "GD5", false,
                RequiredNoticeElement.ControllerContact, RequiredNoticeElement.DpoContact, RequiredNoticeElement.SpecificPurpose, RequiredNoticeElement.LegalBasis,
                RequiredNoticeElement.Recipients, RequiredNoticeElement.TransfersAbroad, RequiredNoticeElement.RetentionTerm, RequiredNoticeElement.Rights,
                RequiredNoticeElement.WithdrawConsent, RequiredNoticeElement.ComplaintToAuthority),
            // The document did not re-read the wording of Art. 13(2)(e)-(f).
            ElementsIn(GdprInForce, "EU-GDPR-13-NOTICE", "GD5", true, RequiredNoticeElement.StatutoryOrContractualRequirement, RequiredNoticeElement.AutomatedDecisions),
            ElementsIn(GdprInForce, "EU-EDPB-ALT", "ED1", false, RequiredNoticeElement.NonBiometricAlternative)),
        oneToOneIsSpecialCategory: new Sourced<bool>(true, "EU-1TO1-SPECIAL", "GD2, UK1, E2", window: GdprInForce),
        deviceLocalDefault: null,
        filingThreshold: null,
        requestResponseDeadline: new Sourced<LawPeriod>(LawPeriod.OfMonths(1), "EU-GDPR-12-3-RESPOND", "GD6", window: GdprInForce),
        requiredAssessments: new[]
        {
            new Sourced<RequiredAssessment>(RequiredAssessment.Dpia, "EU-GDPR-35-DPIA", "GD11", window: GdprInForce),
            new Sourced<RequiredAssessment>(RequiredAssessment.RecordOfProcessing, "EU-GDPR-30-ROPA", "GD10", window: GdprInForce),
        },
        bans: Array.Empty<Sourced<string>>(),
        exemptions: Array.Empty<Sourced<ProfileExemption>>(),
        allowedDisclosureBases: null);

    public static readonly JurisdictionRequirements EUAIACT = new(
        id: EuAiAct,
        name: "EU AI Act (Regulation (EU) 2024/1689)",
        consentRequirements: Array.Empty<Sourced<ConsentProperty>>(),
        guardianConsentAge: null,
        deletionLimits: Array.Empty<Sourced<DeletionLimit>>(),
        // Logs of high-risk systems (Art. 19, 26(6)); they hold no biometric data.
        recordsFloor: new Sourced<LawPeriod>(LawPeriod.OfMonths(6), "AIA-12-LOGS", "AI4", window: AiActHighRiskInForce),
        requiresPublicPolicy: null,
        // The Art. 50(3) exposure notice depends on the purpose (emotion recognition, categorisation), not the profile.
        noticeElements: Array.Empty<Sourced<RequiredNoticeElement>>(),
        oneToOneIsSpecialCategory: null,
        deviceLocalDefault: null,
        filingThreshold: null,
        requestResponseDeadline: null,
        requiredAssessments: Array.Empty<Sourced<RequiredAssessment>>(),
        bans: new[]
        {
            new Sourced<string>("AIA-5-1-E", "AIA-5-1-E", "AI1, AI14", window: AiActBansInForce),
            new Sourced<string>("AIA-5-1-F", "AIA-5-1-F", "AI1", window: AiActBansInForce),
            new Sourced<string>("AIA-5-1-G", "AIA-5-1-G", "AI1", window: AiActBansInForce),
            new Sourced<string>("AIA-5-1-H", "AIA-5-1-H", "AI1, AI3", window: AiActBansInForce),
        },
        exemptions: Array.Empty<Sourced<ProfileExemption>>(),
        allowedDisclosureBases: null);

    public static readonly JurisdictionRequirements USIL = new(
        id: Illinois,
        name: "Illinois Biometric Information Privacy Act (740 ILCS 14)",
        consentRequirements: new[]
        {
            new Sourced<ConsentProperty>(ConsentProperty.Written, "IL-15B3-RELEASE", "IL1", window: BipaBeforeESignature),
            new Sourced<ConsentProperty>(ConsentProperty.WrittenOrESignature, "IL-15B3-RELEASE", "IL1, IL3, IL4", window: BipaESignatureInForce),
            new Sourced<ConsentProperty>(ConsentProperty.PurposeSpecific, "IL-15B2-PURPOSE-TERM", "IL1"),
            new Sourced<ConsentProperty>(ConsentProperty.NoticeVersionBound, "IL-15B1-NOTICE", "IL1"),
        },
        guardianConsentAge: null,
        deletionLimits: new[]
        {
            new Sourced<DeletionLimit>(new DeletionLimit(RetentionAnchor.LastInteraction, LawPeriod.OfYears(3)), "IL-15A-DESTROY", "IL1"),
            new Sourced<DeletionLimit>(new DeletionLimit(RetentionAnchor.PurposeEnd, LawPeriod.Zero), "IL-15A-DESTROY", "IL1"),
        },
        recordsFloor: null,
        requiresPublicPolicy: new Sourced<bool>(true, "IL-15A-POLICY", "IL1, IL6"),
        noticeElements: Concat(
            Elements("IL-15B1-NOTICE", "IL1", false, RequiredNoticeElement.BiometricDataCollected),
            Elements("IL-15B2-PURPOSE-TERM", "IL1", false, RequiredNoticeElement.SpecificPurpose, RequiredNoticeElement.RetentionTerm)),
        oneToOneIsSpecialCategory: null,
        deviceLocalDefault: null,
        filingThreshold: null,
        requestResponseDeadline: null,
        requiredAssessments: Array.Empty<Sourced<RequiredAssessment>>(),
        bans: new[] { new Sourced<string>("IL-15C-NOPROFIT", "IL-15C-NOPROFIT", "IL1") },
        // Other §25 exemptions are UNCONFIRMED and not listed.
        exemptions: new[]
        {
            new Sourced<ProfileExemption>(ProfileExemption.FinancialInstitution, "IL-25-EXEMPT", "IL10, IL4"),
            new Sourced<ProfileExemption>(ProfileExemption.GovernmentAgency, "IL-25-EXEMPT", "IL10, IL4"),
        },
        allowedDisclosureBases: Bases("IL-15D-DISCLOSE", "IL5, IL1", false,
            DisclosureBasis.SubjectConsent, DisclosureBasis.RequestedFinancialTransaction, DisclosureBasis.RequiredByLaw,
            DisclosureBasis.WarrantOrSubpoena));

    public static readonly JurisdictionRequirements USTX = new(
        id: Texas,
        name: "Texas Capture or Use of Biometric Identifier Act (Bus. & Com. Code §503.001)",
        // TX-B-NOTICE-CONSENT: consent, form not specified.
        consentRequirements: Array.Empty<Sourced<ConsentProperty>>(),
        guardianConsentAge: null,
        deletionLimits: new[]
        {
            new Sourced<DeletionLimit>(new DeletionLimit(RetentionAnchor.PurposeEnd, LawPeriod.OfYears(1)), "TX-C3-DESTROY", "TX1, TX5"),
        },
        recordsFloor: null,
        requiresPublicPolicy: null,
        noticeElements: Elements("TX-B-NOTICE-CONSENT", "TX1", false, RequiredNoticeElement.BiometricDataCollected),
        oneToOneIsSpecialCategory: null,
        deviceLocalDefault: null,
        filingThreshold: null,
        requestResponseDeadline: null,
        requiredAssessments: Array.Empty<Sourced<RequiredAssessment>>(),
        bans: new[] { new Sourced<string>("TX-C1-NOSALE", "TX-C1-NOSALE", "TX1") },
        exemptions: new[] { new Sourced<ProfileExemption>(ProfileExemption.AiTraining, "TX-E-AI-EXEMPT", "TX4", unconfirmed: true, window: TexasHb149InForce) },
        allowedDisclosureBases: Bases("TX-C1-NOSALE", "TX1", false,
            DisclosureBasis.IdentificationOfMissingOrDeceased, DisclosureBasis.RequestedFinancialTransaction,
            DisclosureBasis.RequiredByLaw, DisclosureBasis.PermittedByLaw, DisclosureBasis.WarrantOrSubpoena));

    public static readonly JurisdictionRequirements USCO = new(
        id: Colorado,
        name: "Colorado Privacy Act, biometric identifiers (C.R.S. 6-1-1314, HB24-1130)",
        // CO-4E-CONSENT: consent; written or electronic only for employees (CO-6-EMPLOYER), a purpose-level rule. The child age is UNCONFIRMED.
        consentRequirements: Array.Empty<Sourced<ConsentProperty>>(),
        guardianConsentAge: null,
        // The 24-month and 45-day figures come from an OCR of the signed act (JURISDICTIONS.md §8 item 3).
        deletionLimits: new[]
        {
            new Sourced<DeletionLimit>(new DeletionLimit(RetentionAnchor.LastInteraction, LawPeriod.OfMonths(24)), "CO-2-POLICY", "CO2, CO1, CO3", unconfirmed: true, window: ColoradoInForce),
            new Sourced<DeletionLimit>(new DeletionLimit(RetentionAnchor.PurposeEnd, LawPeriod.Zero), "CO-2-POLICY", "CO2, CO1", window: ColoradoInForce),
            new Sourced<DeletionLimit>(new DeletionLimit(RetentionAnchor.NoLongerNecessaryDecision, LawPeriod.OfDays(45)), "CO-2-POLICY", "CO2", unconfirmed: true, window: ColoradoInForce),
        },
        recordsFloor: null,
        requiresPublicPolicy: new Sourced<bool>(true, "CO-2-POLICY", "CO2, CO1", window: ColoradoInForce),
        noticeElements: ElementsIn(ColoradoInForce, "CO-4A-NOTICE", "CO2, CO1, CO4", false,
            RequiredNoticeElement.BiometricDataCollected, RequiredNoticeElement.SpecificPurpose, RequiredNoticeElement.RetentionTerm, RequiredNoticeElement.Recipients),
        oneToOneIsSpecialCategory: null,
        deviceLocalDefault: null,
        filingThreshold: null,
        requestResponseDeadline: null,
        requiredAssessments: Array.Empty<Sourced<RequiredAssessment>>(),
        bans: new[] { new Sourced<string>("CO-PROHIBIT", "CO-PROHIBIT", "CO2", window: ColoradoInForce) },
        exemptions: Array.Empty<Sourced<ProfileExemption>>(),
        allowedDisclosureBases: BasesIn(ColoradoInForce, "CO-PROHIBIT", "CO2", false,
            DisclosureBasis.SubjectConsent, DisclosureBasis.RequestedFinancialTransaction,
            DisclosureBasis.ProcessorWithinConsentedPurpose, DisclosureBasis.RequiredByLaw));

    public static readonly IReadOnlyList<JurisdictionRequirements> All = new[] { CN, EU, EUAIACT, USIL, USTX, USCO };

    /// <summary>The profile with <paramref name="id"/> (case-insensitive), or null.</summary>
    public static JurisdictionRequirements? Find(string id)
    {
        foreach (var profile in All)
        {
            if (string.Equals(profile.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return profile;
            }
        }

        return null;
    }

    private static Sourced<RequiredNoticeElement>[] Elements(string rule, string evidence, bool unconfirmed, params RequiredNoticeElement[] elements)
        => ElementsIn(LawWindow.Always, rule, evidence, unconfirmed, elements);

    private static Sourced<RequiredNoticeElement>[] ElementsIn(LawWindow window, string rule, string evidence, bool unconfirmed, params RequiredNoticeElement[] elements)
        => Array.ConvertAll(elements, element => new Sourced<RequiredNoticeElement>(element, rule, evidence, unconfirmed, window));

    private static Sourced<DisclosureBasis>[] Bases(string rule, string evidence, bool unconfirmed, params DisclosureBasis[] bases)
        => BasesIn(LawWindow.Always, rule, evidence, unconfirmed, bases);

    private static Sourced<DisclosureBasis>[] BasesIn(LawWindow window, string rule, string evidence, bool unconfirmed, params DisclosureBasis[] bases)
        => Array.ConvertAll(bases, basis => new Sourced<DisclosureBasis>(basis, rule, evidence, unconfirmed, window));

    private static Sourced<RequiredNoticeElement>[] Concat(params Sourced<RequiredNoticeElement>[][] parts)
    {
        var all = new List<Sourced<RequiredNoticeElement>>();
        foreach (var part in parts)
        {
            all.AddRange(part);
        }

        return all.ToArray();
    }
}
