using Microsoft.Extensions.Logging;

namespace FaceCompliance;

/// <summary>
/// The stores' log events, the same for every store (docs/runtime.md, "Logging"). Subject ids are classified
/// (<see cref="ClassifiedSubjectIdAttribute"/>) so that a redactor hides them; no event carries a template, an image
/// or a similarity.
/// </summary>
internal static partial class StoreLog
{
    [LoggerMessage(1001, LogLevel.Information, "FaceCompliance store opened: {Store}, schema version {SchemaVersion}, {PeopleStored} people stored.")]
    public static partial void StoreOpened(ILogger logger, string store, int schemaVersion, int peopleStored);

    [LoggerMessage(1002, LogLevel.Critical, "FaceCompliance store refused: the master key does not match the one {Store} was created with. Nothing was written.")]
    public static partial void MasterKeyRefused(ILogger logger, string store);

    [LoggerMessage(1003, LogLevel.Critical, "FaceCompliance store refused: {Store} is damaged. Nothing was written.")]
    public static partial void StoreDamaged(ILogger logger, string store, System.Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Template {TemplateId} of subject {SubjectId} for purpose {PurposeId} failed authentication and was quarantined.")]
    public static partial void TemplateQuarantined(ILogger logger, string templateId, [ClassifiedSubjectId] string subjectId, string purposeId);

    [LoggerMessage(1005, LogLevel.Information, "Retention purge deleted {Count} template(s) past their retention.")]
    public static partial void TemplatesPurged(ILogger logger, int count);

    [LoggerMessage(1006, LogLevel.Warning, "Filing threshold: {Level} level {Threshold} reached with {Count} people stored; filing deadline {Deadline}.")]
    public static partial void FilingThresholdReached(ILogger logger, FilingThresholdLevel level, int threshold, int count, string deadline);

    [LoggerMessage(1007, LogLevel.Information, "Consent of subject {SubjectId} to purpose {PurposeId} refused: {Reason}.")]
    public static partial void ConsentRefused(ILogger logger, [ClassifiedSubjectId] string subjectId, string purposeId, ConsentRejection reason);

    [LoggerMessage(1008, LogLevel.Information, "Subject {SubjectId} withdrew consent to purpose {PurposeId}; {TemplatesDeleted} template(s) deleted.")]
    public static partial void ConsentWithdrawn(ILogger logger, [ClassifiedSubjectId] string subjectId, string purposeId, int templatesDeleted);
}
