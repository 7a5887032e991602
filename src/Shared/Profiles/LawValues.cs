namespace FaceCompliance.Profiles;

/// <summary>
/// The values of the declaration enums that the law's rules are about (deployment sites, estimated attributes, legal
/// bases, consent scopes, age bands), defined once: the runtime's enums take their values from these constants, and
/// the analyzers and generators, which never reference the runtime assembly, compare declared integers with them.
/// <c>JurisdictionProfiles</c> says which of them a jurisdiction allows.
/// </summary>
internal static class LawValues
{
    // FacialDeploymentSite (Measures Art. 13): where a purpose's devices are installed.
    public const int SiteNonPublic = 0;
    public const int SitePublicPlace = 1;
    public const int SiteHotelRoom = 2;
    public const int SitePublicBath = 3;
    public const int SiteChangingRoom = 4;
    public const int SiteToilet = 5;

    public static readonly string[] SiteNames = { "NonPublic", "PublicPlace", "HotelRoom", "PublicBath", "ChangingRoom", "Toilet" };

    // FacialPurposeKind: what a purpose serves, where the law treats some kinds differently (Art. 13: public safety).
    public const int KindGeneral = 0;
    public const int KindPublicSafety = 1;

    public static readonly string[] KindNames = { "General", "PublicSafety" };

    // FacialAttributes (flags): what an AttributeAnalysis purpose estimates from a face.
    public const int AttributeAgeBand = 1;
    public const int AttributeGender = 2;
    public const int AttributeExpression = 4;
    public const int AttributeGlasses = 8;
    public const int AttributeFacialHair = 16;
    public const int AttributeHeadPose = 32;
    public const int AttributeOcclusion = 64;
    public const int AttributeImageQuality = 128;
    public const int AttributeEthnicity = 256;
    public const int AttributeRace = 512;
    public const int AttributeReligion = 1024;
    public const int AttributeHealth = 2048;
    public const int AttributePoliticalOpinion = 4096;
    public const int AttributeSexualOrientation = 8192;
    public const int AttributeTradeUnionMembership = 16384;
    public const int AttributePhilosophicalBeliefs = 32768;
    public const int AttributeSexLife = 65536;

    public static readonly (int Value, string Name)[] Attributes =
    {
        (AttributeAgeBand, "AgeBand"), (AttributeGender, "Gender"), (AttributeExpression, "Expression"),
        (AttributeGlasses, "Glasses"), (AttributeFacialHair, "FacialHair"), (AttributeHeadPose, "HeadPose"),
        (AttributeOcclusion, "Occlusion"), (AttributeImageQuality, "ImageQuality"), (AttributeEthnicity, "Ethnicity"),
        (AttributeRace, "Race"), (AttributeReligion, "Religion"), (AttributeHealth, "Health"),
        (AttributePoliticalOpinion, "PoliticalOpinion"), (AttributeSexualOrientation, "SexualOrientation"),
        (AttributeTradeUnionMembership, "TradeUnionMembership"), (AttributePhilosophicalBeliefs, "PhilosophicalBeliefs"),
        (AttributeSexLife, "SexLife"),
    };

    // FacialLegalBasis (PIPL Art. 13 §1 (1)-(7)): why processing is lawful.
    public const int BasisConsent = 0;
    public const int BasisContractOrEmployment = 1;
    public const int BasisLegalDuty = 2;
    public const int BasisPublicHealthEmergency = 3;
    public const int BasisNewsReporting = 4;
    public const int BasisPubliclyDisclosed = 5;
    public const int BasisOtherLaw = 6;

    public static readonly string[] BasisNames = { "Consent", "ContractOrEmployment", "LegalDuty", "PublicHealthEmergency", "NewsReporting", "PubliclyDisclosed", "OtherLaw" };

    // FacialConsentScopes (flags): what a consent covers beyond processing for its purpose, each asked for separately.
    public const int ScopeProcessing = 0;
    public const int ScopeTransfer = 1;
    public const int ScopeImageRetention = 2;
    public const int ScopeProvision = 4;
    public const int ScopeCrossBorder = 8;

    public static readonly (int Value, string Name)[] Scopes =
    {
        (ScopeTransfer, "Transfer"), (ScopeImageRetention, "ImageRetention"), (ScopeProvision, "Provision"),
        (ScopeCrossBorder, "CrossBorder"),
    };

    // FacialAgeBand: how old the person on a consent receipt is known to be.
    public const int AgeUnknown = 0;
    public const int AgeAdult = 1;
    public const int AgeUnderGuardianAge = 2;

    public static readonly string[] AgeBandNames = { "Unknown", "Adult", "Under14" };

    // FacialCrossBorderMechanism (PIPL Art. 38 §1 (1)-(4), §2): the condition a transfer of face information abroad meets.
    public const int CrossBorderNone = 0;
    public const int CrossBorderSecurityAssessment = 1;
    public const int CrossBorderCertification = 2;
    public const int CrossBorderStandardContract = 3;
    public const int CrossBorderLawOrTreaty = 4;

    public static readonly string[] CrossBorderNames = { "None", "SecurityAssessment", "Certification", "StandardContract", "LawOrTreaty" };

    // Jurisdiction ([assembly: OperatesIn(...)]): where the application operates; each names a profile of JurisdictionRequirementTable.
    public const int JurisdictionCN = 0;
    public const int JurisdictionEU = 1;
    public const int JurisdictionEUAiAct = 2;
    public const int JurisdictionUSIllinois = 3;
    public const int JurisdictionUSTexas = 4;
    public const int JurisdictionUSColorado = 5;

    /// <summary>The profile id of each jurisdiction value, in value order.</summary>
    public static readonly string[] JurisdictionIds = { "CN", "EU", "EU-AIACT", "US-IL", "US-TX", "US-CO" };

    // AiActRole (OperatesIn(EU_AIACT, AiActRole = ...)): the operator's role under the AI Act.
    public const int AiActRoleDeployer = 0;
    public const int AiActRoleProvider = 1;

    public static readonly string[] AiActRoleNames = { "Deployer", "Provider" };

    // FacialUseContexts (flags; AI Act Art. 5(1)(f), 5(1)(h)): the settings a purpose is used in.
    public const int ContextWorkplace = 1;
    public const int ContextEducation = 2;
    public const int ContextLawEnforcement = 4;

    public static readonly (int Value, string Name)[] Contexts =
    {
        (ContextWorkplace, "Workplace"), (ContextEducation, "Education"), (ContextLawEnforcement, "LawEnforcement"),
    };

    // FacialImageSource (AI Act Art. 5(1)(e)): where a purpose's face images come from.
    public const int ImageSourceTargeted = 0;
    public const int ImageSourceUntargetedInternet = 1;
    public const int ImageSourceUntargetedCctv = 2;

    public static readonly string[] ImageSourceNames = { "Targeted", "UntargetedInternet", "UntargetedCctv" };

    // FacialIdentificationMode (AI Act Art. 3(41)-(43)): how a 1:N purpose identifies people.
    public const int IdentificationModeUnspecified = 0;
    public const int IdentificationModeNotRemote = 1;
    public const int IdentificationModePostRemote = 2;
    public const int IdentificationModeRealTimeRemote = 3;

    public static readonly string[] IdentificationModeNames = { "Unspecified", "NotRemote", "PostRemote", "RealTimeRemote" };

    // RealTimeIdentificationException (AI Act Art. 5(1)(h)(i)-(iii)): the objective real-time remote identification for law enforcement serves.
    public const int RealTimeExceptionNone = 0;
    public const int RealTimeExceptionTargetedVictimSearch = 1;
    public const int RealTimeExceptionImminentThreat = 2;
    public const int RealTimeExceptionSeriousCrimeSuspect = 3;

    public static readonly string[] RealTimeExceptionNames = { "None", "TargetedVictimSearch", "ImminentThreat", "SeriousCrimeSuspect" };

    // FacialDisclosureBasis (FacialDataRecipient.DisclosureBasis): the ground a recipient gets biometric data on (BIPA §15(d),
    // CUBI (c)(1), C.R.S. 6-1-1314); the values of the internal DisclosureBasis enum, 0 = none declared.
    public const int DisclosureUnspecified = 0;
    public const int DisclosureSubjectConsent = 1;
    public const int DisclosureRequestedFinancialTransaction = 2;
    public const int DisclosureRequiredByLaw = 3;
    public const int DisclosurePermittedByLaw = 4;
    public const int DisclosureWarrantOrSubpoena = 5;
    public const int DisclosureProcessorWithinConsentedPurpose = 6;
    public const int DisclosureIdentificationOfMissingOrDeceased = 7;

    public static readonly string[] DisclosureBasisNames =
    {
        "Unspecified", "SubjectConsent", "RequestedFinancialTransaction", "RequiredByLaw", "PermittedByLaw", "WarrantOrSubpoena",
        "ProcessorWithinConsentedPurpose", "IdentificationOfMissingOrDeceased",
    };

    /// <summary>A declared transfer abroad names one of the mechanisms of PIPL Art. 38 (not <see cref="CrossBorderNone"/>).</summary>
    public static bool IsCrossBorderMechanism(int value) => value > CrossBorderNone && value < CrossBorderNames.Length;

    /// <summary>The name at <paramref name="value"/> in <paramref name="names"/>, or the number when it names none.</summary>
    public static string Name(string[] names, int value)
        => value >= 0 && value < names.Length ? names[value] : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The names of the flags set in <paramref name="flags"/>, in table order.</summary>
    public static System.Collections.Generic.IEnumerable<string> FlagNames(int flags, (int Value, string Name)[] table)
    {
        foreach (var (value, name) in table)
        {
            if ((flags & value) == value)
            {
                yield return name;
            }
        }
    }
}
