namespace FaceCompliance.Analyzers;

/// <summary>Every rule id and its help link, in one place. Ids are stable once shipped.</summary>
internal static class RuleIdentifiers
{
    public const string PurposeRequired = "FC0001";
    public const string ConsentCheckRequired = "FC0002";
    public const string AlternativeRequired = "FC0003";
    public const string AlternativeInvalid = "FC0004";
    public const string MethodExceedsPurpose = "FC0005";
    public const string ConsentForOtherPurpose = "FC0006";
    public const string ProcessorRequired = "FC0007";
    public const string PurposeIncomplete = "FC0008";
    public const string ObligationDropped = "FC0009";
    public const string NoticeNotApproved = "FC0010";
    public const string PurposeNotExtensible = "FC0011";
    public const string OperatorProcessesFacialData = "FC0012";
    public const string OffDeviceTransferUndeclared = "FC0013";
    public const string RawImagePersisted = "FC0014";
    public const string DeploymentSiteNotAllowed = "FC0015";
    public const string SensitiveAttributes = "FC0016";
    public const string GuardianConsentRequired = "FC0017";
    public const string SeparateConsentScopeRequired = "FC0018";
    public const string RecipientUndeclared = "FC0019";
    public const string InvalidFacialDataApiEntry = "FC1001";
    public const string InvalidApprovedNoticeEntry = "FC1002";
    public const string AmbiguousDeclarationType = "FC1003";
    public const string JurisdictionRequired = "FC0100";
    public const string JurisdictionNotDeclared = "FC0101";
    public const string ProfileConflictUnresolved = "FC0102";
    public const string LawDateInvalid = "FC0103";
    public const string AiActUntargetedScraping = "FC0110";
    public const string AiActEmotionAtWorkOrSchool = "FC0111";
    public const string AiActSensitiveCategorisation = "FC0112";
    public const string AiActRealTimeIdentification = "FC0113";
    public const string AiActIdentificationModeRequired = "FC0114";
    public const string GdprNoticeElementMissing = "FC0120";
    public const string GdprExplicitConsentRequired = "FC0121";
    public const string PublicRetentionPolicyRequired = "FC0130";
    public const string BiometricDataForProfit = "FC0131";
    public const string DisclosureBasisNotAllowed = "FC0132";

    public const string HelpLinkBase = "https://github.com/FaceCompliance/FaceCompliance/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => HelpLinkBase + id + ".md";
}
