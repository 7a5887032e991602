using System;

namespace FaceCompliance.Storage;

/// <summary>
/// What the relational store tells its logs and metrics (<see cref="StoreTelemetry"/>), whatever its engine, after the
/// fact: the change is committed and audited already.
/// </summary>
internal sealed class StoreObserver(StoreTelemetry telemetry)
{
    public void ConsentGranted(string purposeId) => telemetry.Metrics.ConsentGranted(purposeId);

    public void ConsentRefused(string subjectId, string purposeId, ConsentRejection reason)
    {
        StoreLog.ConsentRefused(telemetry.Logger, subjectId, purposeId, reason);
        telemetry.Metrics.ConsentRefused(purposeId, reason);
    }

    public void ConsentWithdrawn(string subjectId, string purposeId, int templatesDeleted)
    {
        StoreLog.ConsentWithdrawn(telemetry.Logger, subjectId, purposeId, templatesDeleted);
        telemetry.Metrics.ConsentWithdrawn(purposeId);
    }

    public void TemplateEnrolled(string purposeId) => telemetry.Metrics.TemplateEnrolled(purposeId);

    public void Verified(string purposeId, string outcome, TimeSpan elapsed) => telemetry.Metrics.Verified(purposeId, outcome, elapsed);

    public void TemplateQuarantined(string templateId, string subjectId, string purposeId)
    {
        StoreLog.TemplateQuarantined(telemetry.Logger, templateId, subjectId, purposeId);
        telemetry.Metrics.TemplateQuarantined(purposeId);
    }

    public void TemplatesPurged(int count)
    {
        StoreLog.TemplatesPurged(telemetry.Logger, count);
        telemetry.Metrics.TemplatesPurged(count);
    }

    public void FilingLevelReached(FilingThresholdEventArgs reached)
    {
        StoreLog.FilingThresholdReached(telemetry.Logger, reached.Level, reached.Threshold, reached.Count,
            reached.FilingDeadline is { } deadline ? deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (reached.FilingDeadlineIsEstimate ? " (estimate)" : "") : "none");
        telemetry.Metrics.FilingLevelReached(reached.Level);
    }
}
