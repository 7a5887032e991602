namespace FaceCompliance.Notice;

/// <summary>
/// What a <c>[FacialDataPurpose]</c> type declares, as plain values (no symbols, syntax or compilation), so that
/// incremental generator steps compare by value. Enum values are kept as their integers, mirrored in
/// <see cref="DeclarationValues"/>.
/// </summary>
internal sealed record PurposeDeclaration(
    string Id,
    TypeShape Type,
    int Method,
    string DescriptionZh,
    string DescriptionEn,
    string NecessityZh,
    string NecessityEn,
    string ImpactZh,
    string ImpactEn,
    int RetentionDays,
    int Storage,
    bool MayInvolveMinors,
    int DataCategories,
    string AlternativeZh,
    string AlternativeEn,
    string WithdrawalZh,
    string WithdrawalEn,
    int Site,
    string CollectionAreaZh,
    string CollectionAreaEn,
    string TransferRecipientZh = "",
    string TransferRecipientEn = "",
    int Kind = 0,
    string PublicPlaceLawZh = "",
    string PublicPlaceLawEn = "",
    int Attributes = 0,
    int LegalBasis = 0,
    string LegalBasisLawZh = "",
    string LegalBasisLawEn = "",
    string MinorsRulesZh = "",
    string MinorsRulesEn = "",
    EquatableArray<RecipientDeclaration> Recipients = default,
    bool RetainsImages = false,
    int TransferAbroad = 0,
    string TransferAbroadRecipientZh = "",
    string TransferAbroadRecipientEn = "",
    string TransferAbroadCountryZh = "",
    string TransferAbroadCountryEn = "",
    string OtherNoticeItemsZh = "",
    string OtherNoticeItemsEn = "",
    string ProvisionRequirementEn = "",
    string AutomatedDecisionEn = "",
    int ImageSource = 0,
    int Contexts = 0,
    string MedicalOrSafetyReason = "",
    int IdentificationMode = 0,
    int RealTimeException = 0,
    string RealTimeAuthorisation = "",
    EquatableArray<int> Jurisdictions = default,
    EquatableArray<ConflictResolutionDeclaration> Resolutions = default);

/// <summary>
/// Where a purpose type is declared, enough to reopen it as a <c>partial</c> declaration: its namespace (empty for
/// the global namespace) and the declarations from the outermost type inward, such as <c>partial class Outer</c>.
/// <see cref="CanBeExtended"/> is false when a type in the chain is not partial or is generic (FC0011 reports it).
/// </summary>
internal sealed record TypeShape(string Namespace, EquatableArray<string> Declarations, bool CanBeExtended);
