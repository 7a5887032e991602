using System;

namespace FaceCompliance;

/// <summary>How a facial-data store is set up; shared by every store implementation.</summary>
public sealed class FacialDataStoreOptions
{
    /// <summary>Creates options around the keys derived from the application's master key.</summary>
    public FacialDataStoreOptions(FacialDataKeys keys) => Keys = keys ?? throw new ArgumentNullException(nameof(keys));

    /// <summary>The keys that sign receipts, wrap data keys and chain the audit trail.</summary>
    public FacialDataKeys Keys { get; }

    /// <summary>Who acts, as written in the audit trail: an operator or device id.</summary>
    public string Actor { get; init; } = "system";

    /// <summary>The number of values every template has (the embedding size of the face model); 512 by default.</summary>
    public int TemplateDimension { get; init; } = 512;

    /// <summary>
    /// The warning and filing levels of the number of people stored (Measures Art. 15: 100,000) and the working-day
    /// calendar of the 30-working-day deadline. Its clock is ignored: the store's <see cref="TimeProvider"/> dates the events.
    /// </summary>
    public FilingThresholdOptions Filing { get; init; } = new();

    /// <summary>
    /// A handler subscribed to <see cref="IFaceTemplateStore.FilingThresholdReached"/> before the store opens, so that
    /// it also hears a level found already reached when the store opens (<see cref="FilingThresholdEventArgs.FoundAtOpen"/>).
    /// </summary>
    public EventHandler<FilingThresholdEventArgs>? FilingThresholdReached { get; init; }

    /// <summary>
    /// The most templates one person may have stored, over all purposes (quarantined ones included); 10 by default, at
    /// least 1. Enrolling one more is refused with <see cref="FacialDataLimitExceededException"/>: delete or let expire
    /// an old template first.
    /// </summary>
    public int MaxTemplatesPerSubject { get; init; } = 10;

    /// <summary>
    /// The most live consents (neither withdrawn nor expired) one person may hold for one purpose; 10 by default, at
    /// least 1. Granting one more is refused with <see cref="FacialDataLimitExceededException"/>; withdrawn and expired
    /// receipts do not count. A person needs one: look it up with <see cref="IConsentRegistry.TryGetCurrentReceipt{TPurpose}"/>
    /// rather than granting again.
    /// </summary>
    public int MaxConsentsPerSubjectAndPurpose { get; init; } = 10;

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where the store logs (store opened, key refused, quarantine, purge counts, filing levels, consent refused), with
    /// subject ids classified as <see cref="FaceComplianceTaxonomy.SubjectId"/>; null logs nothing.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Creates the store's meter ("FaceCompliance"; docs/runtime.md, "Metrics"); null uses a meter of the store's own.</summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; init; }
}
