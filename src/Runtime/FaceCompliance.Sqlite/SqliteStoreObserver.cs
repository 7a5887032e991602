using System;
using FaceCompliance.Storage;

namespace FaceCompliance.Sqlite;

/// <summary>The relational store's events, to this store's log events and metrics (<see cref="StoreTelemetry"/>).</summary>
internal sealed class SqliteStoreObserver(StoreTelemetry telemetry) : StoreObserver
{
    public override void ConsentGranted(string purposeId) => telemetry.Metrics.ConsentGranted(purposeId);

    public override void ConsentRefused(string subjectId, string purposeId, ConsentRejection reason)
    {
        StoreLog.ConsentRefused(telemetry.Logger, subjectId, purposeId, reason);
        telemetry.Metrics.ConsentRefused(purposeId, reason);
    }

    public override void ConsentWithdrawn(string subjectId, string purposeId, int templatesDeleted)
    {
        StoreLog.ConsentWithdrawn(telemetry.Logger, subjectId, purposeId, templatesDeleted);
        telemetry.Metrics.ConsentWithdrawn(purposeId);
    }

    public override void TemplateEnrolled(string purposeId) => telemetry.Metrics.TemplateEnrolled(purposeId);

    public override void Verified(string purposeId, string outcome, TimeSpan elapsed) => telemetry.Metrics.Verified(purposeId, outcome, elapsed);

    public override void TemplateQuarantined(string templateId, string subjectId, string purposeId)
    {
        StoreLog.TemplateQuarantined(telemetry.Logger, templateId, subjectId, purposeId);
        telemetry.Metrics.TemplateQuarantined(purposeId);
    }

    public override void TemplatesPurged(int count)
    {
        StoreLog.TemplatesPurged(telemetry.Logger, count);
        telemetry.Metrics.TemplatesPurged(count);
    }

    public override void FilingLevelReached(FilingThresholdEventArgs reached)
    {
        StoreLog.FilingThresholdReached(telemetry.Logger, reached.Level, reached.Threshold, reached.Count,
            reached.FilingDeadline is { } deadline ? deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (reached.FilingDeadlineIsEstimate ? " (estimate)" : "") : "none");
        telemetry.Metrics.FilingLevelReached(reached.Level);
    }
}
