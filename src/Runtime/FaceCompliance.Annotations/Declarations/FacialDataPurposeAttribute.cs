using System;

namespace FaceCompliance;

/// <summary>
/// Marks a type as a purpose of processing facial information (处理目的), with everything people must be told
/// about it: Measures Art. 4 (specific purpose and sufficient necessity), Art. 5 (notice of purpose, method,
/// retention, necessity and impact), Art. 7 (under-14s) and Art. 8 (storage and shortest retention).
/// A purpose is a type, not a string, so that consent receipts can carry it and generators can complete it:
/// declare it <c>partial</c> (FC0011), and the generator adds its notice, notice version and retention members.
/// A declaration missing a description, necessity, impact, a bounded retention or, for 1:1 and 1:N purposes, the
/// alternative fails the build (FC0008).
/// </summary>
/// <example><code>
/// [FacialDataPurpose(FacialProcessingMethod.Verification,
///     DescriptionZh = "核验住户身份以开启小区门禁", DescriptionEn = "Verify residents at the community gate",
///     NecessityZh = "...", NecessityEn = "...", ImpactZh = "...", ImpactEn = "...", RetentionDays = 365,
///     AlternativeZh = "可刷门禁卡通行", AlternativeEn = "Tap your access card instead")]
/// public sealed partial class CommunityEntry { }
/// </code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class FacialDataPurposeAttribute : Attribute
{
    /// <summary>Declares a purpose with the most intrusive processing method it allows.</summary>
    /// <param name="method">The processing method (处理方式); calls beyond it are reported (FC0005).</param>
    public FacialDataPurposeAttribute(FacialProcessingMethod method) => Method = method;

    /// <summary>The most intrusive processing method this purpose allows.</summary>
    public FacialProcessingMethod Method { get; }

    /// <summary>The purpose in Chinese, as people will read it in the notice (人脸信息的处理目的).</summary>
    public string? DescriptionZh { get; set; }

    /// <summary>The purpose in English, as people will read it in the notice.</summary>
    public string? DescriptionEn { get; set; }

    /// <summary>Why processing face information is necessary for this purpose, in Chinese (必要性; Art. 4, Art. 5 §1(3)).</summary>
    public string? NecessityZh { get; set; }

    /// <summary>Why processing face information is necessary for this purpose, in English.</summary>
    public string? NecessityEn { get; set; }

    /// <summary>The impact on people's rights and how it is limited, in Chinese (对个人权益的影响; Art. 5 §1(3)).</summary>
    public string? ImpactZh { get; set; }

    /// <summary>The impact on people's rights and how it is limited, in English.</summary>
    public string? ImpactEn { get; set; }

    /// <summary>
    /// How many days face information is kept at most (保存期限; Art. 8 §2: the shortest time the purpose needs).
    /// Must be at least 1 and at most the configured maximum (FC0008, default 3650).
    /// </summary>
    public int RetentionDays { get; set; }

    /// <summary>Where the face information is stored (Art. 8 §1). Defaults to <see cref="FacialDataStorage.OnDevice"/>.</summary>
    public FacialDataStorage Storage { get; set; } = FacialDataStorage.OnDevice;

    /// <summary>
    /// Who receives the face information sent off the device, and where, in Chinese (e.g. the cloud service and its
    /// region); required when <see cref="Storage"/> is <see cref="FacialDataStorage.Server"/> (FC0008), and the notice
    /// names it. A use of an off-device API needs a purpose that declares both (FC0013), and a consent check of the
    /// person's separate consent to the transfer (<see cref="FacialConsentScopes.Transfer"/>) on every path before it
    /// (FC0018; Art. 8 §1).
    /// </summary>
    public string? TransferRecipientZh { get; set; }

    /// <summary>Who receives the face information sent off the device, and where, in English.</summary>
    public string? TransferRecipientEn { get; set; }

    /// <summary>
    /// Whether the purpose keeps face images themselves (their pixels), not only templates derived from them (the 2023
    /// draft's "no original images"; PIPL Art. 47). Writing a face image or its pixels to a file, database, cache, blob,
    /// log or serialized stream needs a purpose that declares it, and a check of the person's separate consent
    /// (<see cref="FacialConsentScopes.ImageRetention"/>, e.g. IConsentRegistry.EnsureImageRetentionConsent) on every path
    /// before each write (FC0014); the notice then says that images are kept and that this consent is checked.
    /// </summary>
    public bool RetainsImages { get; set; }

    /// <summary>
    /// Whether people under 14 may be processed, which requires a guardian's consent (Art. 7; PIPL Art. 31): every
    /// use then needs a <see cref="FacialConsentCheckAttribute.GuardianAware"/> check (FC0017), and the declaration
    /// the minors' rules (<see cref="MinorsRulesZh"/>, <see cref="MinorsRulesEn"/>; FC0008).
    /// </summary>
    public bool MayInvolveMinors { get; set; }

    /// <summary>The categories of personal information processed (PIPL Art. 17(2)).</summary>
    public FacialDataCategories DataCategories { get; set; } = FacialDataCategories.FaceImage | FacialDataCategories.FaceTemplate;

    /// <summary>
    /// The non-biometric alternative and how to choose it, in Chinese (其他合理、便捷的方式; Art. 10). Required for
    /// 1:1 verification and 1:N identification purposes (FC0008).
    /// </summary>
    public string? AlternativeZh { get; set; }

    /// <summary>The non-biometric alternative and how to choose it, in English.</summary>
    public string? AlternativeEn { get; set; }

    /// <summary>
    /// Where and how people withdraw consent for this purpose, in Chinese (撤回同意的方式; Art. 6; PIPL Art. 15).
    /// When empty the notice points to the processor's contact.
    /// </summary>
    public string? WithdrawalZh { get; set; }

    /// <summary>Where and how people withdraw consent for this purpose, in English.</summary>
    public string? WithdrawalEn { get; set; }

    /// <summary>
    /// Where the purpose's face recognition devices are installed (Measures Art. 13), from a closed list. Defaults to
    /// <see cref="FacialDeploymentSite.NonPublic"/>. A hotel room, public bath, changing room or toilet fails the build
    /// whatever else is declared (FC0015). In a public place the purpose needs a public-safety <see cref="Kind"/> or a
    /// cited law (FC0015), a collection area (FC0008), and the generator also emits the sign text (显著提示标识; PIPL Art. 26).
    /// </summary>
    public FacialDeploymentSite Site { get; set; }

    /// <summary>The collection area shown on the public-place sign, in Chinese; required when <see cref="Site"/> is a public place (FC0008).</summary>
    public string? CollectionAreaZh { get; set; }

    /// <summary>The collection area shown on the public-place sign, in English.</summary>
    public string? CollectionAreaEn { get; set; }

    /// <summary>
    /// What the purpose serves, where the law treats some kinds differently. Defaults to <see cref="FacialPurposeKind.General"/>.
    /// A purpose in a public place must be <see cref="FacialPurposeKind.PublicSafety"/> or cite a law in
    /// <see cref="PublicPlaceLawZh"/> and <see cref="PublicPlaceLawEn"/>; 1:N identification in a public place is
    /// allowed only for public safety (Art. 13 §1; PIPL Art. 26; FC0015).
    /// </summary>
    public FacialPurposeKind Kind { get; set; }

    /// <summary>
    /// The law or administrative regulation that allows face recognition in a public place for a purpose other than
    /// public safety, in Chinese (法律、行政法规另有规定; Art. 13 §1). Optional; the notice names it.
    /// </summary>
    public string? PublicPlaceLawZh { get; set; }

    /// <summary>The law that allows face recognition in a public place for a purpose other than public safety, in English.</summary>
    public string? PublicPlaceLawEn { get; set; }

    /// <summary>
    /// What an <see cref="FacialProcessingMethod.AttributeAnalysis"/> purpose estimates from a face, from a closed list;
    /// required for such a purpose, and every attribute a catalogued API of its uses produces must be among them
    /// (FC0016). Ethnicity, race, religion, health, political opinion and sexual orientation fail the build. The notice
    /// lists them.
    /// </summary>
    public FacialAttributes Attributes { get; set; }

    /// <summary>
    /// Why the processing is lawful (PIPL Art. 13 §1). Defaults to <see cref="FacialLegalBasis.Consent"/>. With another
    /// basis, every use needs a <see cref="FacialBasisCheckAttribute"/> check of the signed basis grant instead of a
    /// consent check (FC0002, FC0006), the declaration names the law relied on (<see cref="LegalBasisLawZh"/>,
    /// <see cref="LegalBasisLawEn"/>; FC0008), and the notice states the basis.
    /// </summary>
    public FacialLegalBasis LegalBasis { get; set; } = FacialLegalBasis.Consent;

    /// <summary>The duty, contract or law the processing relies on, in Chinese; required when <see cref="LegalBasis"/> is not consent (FC0008).</summary>
    public string? LegalBasisLawZh { get; set; }

    /// <summary>The duty, contract or law the processing relies on, in English.</summary>
    public string? LegalBasisLawEn { get; set; }

    /// <summary>
    /// The special rules for processing the information of people under 14 (PIPL Art. 31 §2: 专门的个人信息处理规则),
    /// in Chinese; required when <see cref="MayInvolveMinors"/> is set (FC0008), and the notice states them.
    /// </summary>
    public string? MinorsRulesZh { get; set; }

    /// <summary>The special rules for processing the information of people under 14, in English.</summary>
    public string? MinorsRulesEn { get; set; }

    /// <summary>
    /// The condition under which the purpose provides face information to a recipient outside the PRC (PIPL Art. 38),
    /// from a closed list; <see cref="FacialCrossBorderMechanism.None"/> (the default) declares no transfer abroad. A
    /// transfer abroad needs <see cref="Storage"/> = <see cref="FacialDataStorage.Server"/> and the foreign recipient and
    /// its country (<see cref="TransferAbroadRecipientZh"/>, <see cref="TransferAbroadCountryZh"/> and their English;
    /// FC0008; PIPL Art. 39), a check of the person's separate consent to it (<see cref="FacialConsentScopes.CrossBorder"/>)
    /// before every off-device use (FC0018), and the notice, filing form and assessment state it.
    /// </summary>
    public FacialCrossBorderMechanism TransferAbroad { get; set; }

    /// <summary>The recipient outside the PRC and how to contact it, in Chinese (境外接收方的名称或者姓名、联系方式; PIPL Art. 39).</summary>
    public string? TransferAbroadRecipientZh { get; set; }

    /// <summary>The recipient outside the PRC and how to contact it, in English.</summary>
    public string? TransferAbroadRecipientEn { get; set; }

    /// <summary>The country or region of the recipient outside the PRC, in Chinese.</summary>
    public string? TransferAbroadCountryZh { get; set; }

    /// <summary>The country or region of the recipient outside the PRC, in English.</summary>
    public string? TransferAbroadCountryEn { get; set; }

    /// <summary>
    /// Other items a law or administrative regulation requires the notice to state (Measures Art. 5 (5); PIPL Art. 17
    /// §1 (4)), in Chinese. Optional; when set, the notice has an element for them after the rights.
    /// </summary>
    public string? OtherNoticeItemsZh { get; set; }

    /// <summary>Other items a law or administrative regulation requires the notice to state, in English.</summary>
    public string? OtherNoticeItemsEn { get; set; }

    /// <summary>
    /// The jurisdictions this purpose serves, when fewer than the assembly's <see cref="OperatesInAttribute"/>
    /// declarations: a purpose may narrow them, never add one the assembly lacks. Null or empty: all of them.
    /// </summary>
    public Jurisdiction[]? Jurisdictions { get; set; }

    /// <summary>
    /// Whether providing the face data is a statutory or contractual requirement, or a requirement for entering a
    /// contract, whether the person must provide it, and what happens if they do not (GDPR Art. 13(2)(e)), in
    /// English; required for a purpose that serves <see cref="Jurisdiction.EU"/> (FC0120). The Art. 13 notice states it.
    /// </summary>
    public string? ProvisionRequirementEn { get; set; }

    /// <summary>
    /// The automated decision-making under GDPR Art. 22(1) and (4) the purpose involves, with meaningful information
    /// about the logic and its significance and envisaged consequences (Art. 13(2)(f)), in English. Optional: when
    /// empty, the Art. 13 notice says that the purpose declares none.
    /// </summary>
    public string? AutomatedDecisionEn { get; set; }

    /// <summary>
    /// Where the purpose's face images come from (EU AI Act Art. 5(1)(e)). Defaults to <see cref="FacialImageSource.Targeted"/>.
    /// Under <see cref="Jurisdiction.EU_AIACT"/>, a 1:1 or 1:N purpose (one that builds a recognition database) fed by
    /// untargeted scraping from the internet or CCTV footage fails the build (FC0110).
    /// </summary>
    public FacialImageSource ImageSource { get; set; }

    /// <summary>
    /// The settings the purpose is used in: workplace, education, law enforcement (EU AI Act Art. 5(1)(f), 5(1)(h)).
    /// Under <see cref="Jurisdiction.EU_AIACT"/>, emotion recognition (<see cref="FacialAttributes.Expression"/>) in a
    /// workplace or education institution fails the build unless <see cref="MedicalOrSafetyReason"/> is given (FC0111).
    /// </summary>
    public FacialUseContexts Contexts { get; set; }

    /// <summary>
    /// Why emotion recognition in a workplace or education institution is intended for medical or safety reasons, the
    /// exception of EU AI Act Art. 5(1)(f). Empty: no exception is claimed.
    /// </summary>
    public string? MedicalOrSafetyReason { get; set; }

    /// <summary>
    /// How a 1:N purpose identifies people (EU AI Act Art. 3(41)-(43)); required for a 1:N purpose serving
    /// <see cref="Jurisdiction.EU_AIACT"/> (FC0114). Remote identification is high-risk (Annex III 1(a)): the runtime then
    /// requires two people to confirm a match before its identity is given (Art. 14(5)).
    /// </summary>
    public FacialIdentificationMode IdentificationMode { get; set; }

    /// <summary>
    /// The objective real-time remote identification in a publicly accessible space for law enforcement serves (EU AI Act
    /// Art. 5(1)(h)(i)-(iii)); with <see cref="RealTimeAuthorisation"/>, it lifts the ban of FC0113.
    /// </summary>
    public RealTimeIdentificationException RealTimeException { get; set; }

    /// <summary>
    /// The national law and the prior authorisation each real-time use relies on (EU AI Act Art. 5(2)-(5)); required with
    /// <see cref="RealTimeException"/> (FC0113).
    /// </summary>
    public string? RealTimeAuthorisation { get; set; }
}
