using System.Collections.Generic;
using FaceCompliance.Notice;

namespace FaceCompliance.Filing;

/// <summary>
/// What the filing form (人脸识别技术应用情况备案表; Measures Art. 15) says of a processor and its purposes, as plain
/// values: the generator builds it from the declarations it reads, the runtime (<c>FilingExport</c>) from the same
/// attributes by reflection, and <see cref="FilingWriter"/> writes filing.json from it, so there is one writer. Enum
/// values are the runtime enums' integers (<c>ProcessingMethodTable</c>, <c>LawValues</c>, <see cref="FilingLabels"/>).
/// Absent texts are empty.
/// </summary>
internal sealed record FilingFacts(FilingProcessor Processor, IReadOnlyList<FilingPurpose> Purposes);

/// <summary>The processor (个人信息处理者基本情况): <see cref="NameEn"/> and <see cref="ComplaintChannelEn"/> already fall back to the Chinese.</summary>
internal sealed record FilingProcessor(
    string Name,
    string NameEn,
    string Contact,
    string ComplaintChannel,
    string ComplaintChannelEn,
    int SecurityMeasures,
    string ImpactAssessmentReference);

/// <summary>One purpose's row of the form (处理目的和处理方式).</summary>
internal sealed record FilingPurpose(
    string Id,
    string DescriptionZh,
    string DescriptionEn,
    int Method,
    string NecessityZh,
    string NecessityEn,
    string ImpactZh,
    string ImpactEn,
    string AlternativeZh,
    string AlternativeEn,
    int Storage,
    string TransferRecipientZh,
    string TransferRecipientEn,
    int RetentionDays,
    bool RetainsImages,
    bool MayInvolveMinors,
    int DataCategories,
    int Site,
    string CollectionAreaZh,
    string CollectionAreaEn,
    int Kind,
    string PublicPlaceLawZh,
    string PublicPlaceLawEn,
    int Attributes,
    int LegalBasis,
    string LegalBasisLawZh,
    string LegalBasisLawEn,
    IReadOnlyList<RecipientDeclaration> Recipients,
    string NoticeVersion,
    int TransferAbroad = 0,
    string TransferAbroadRecipientZh = "",
    string TransferAbroadRecipientEn = "",
    string TransferAbroadCountryZh = "",
    string TransferAbroadCountryEn = "");

/// <summary>Which filing a document is: the first (首次备案), a change (变更备案) or the cancellation (注销备案).</summary>
internal enum FilingKind
{
    Initial = 0,
    Change = 1,
    Cancellation = 2,
}

/// <summary>One difference between the last filing and this one (变更事项), as the values appear in filing.json.</summary>
internal sealed record FilingChange(string Item, string? Before, string? After);

/// <summary>
/// What only the moment of writing knows: the kind of filing, the number of people stored (null at build time), the
/// date (yyyy-MM-dd; null at build time), the date the threshold was reached and the deadline, and for a cancellation
/// the day processing stopped and how many people are still stored after deletion.
/// </summary>
internal sealed record FilingOccasion(
    FilingKind Kind,
    string Tool,
    int? PeopleStored = null,
    string? Date = null,
    string? ThresholdReachedOn = null,
    string? Deadline = null,
    string? StoppedOn = null,
    int? PeopleStoredAfterDeletion = null,
    IReadOnlyList<FilingChange>? Changes = null);
