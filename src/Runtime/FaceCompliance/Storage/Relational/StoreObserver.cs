using System;

namespace FaceCompliance.Storage;

/// <summary>
/// What the relational store tells its engine's logs and metrics, after the fact (the change is committed and audited
/// already). Does nothing by default; the SQLite store logs and counts (its Diagnostics folder).
/// </summary>
internal class StoreObserver
{
    public static readonly StoreObserver None = new();

    public virtual void ConsentGranted(string purposeId)
    {
    }

    /// <summary>A receipt was refused (the refusal is audited and committed).</summary>
    public virtual void ConsentRefused(string subjectId, string purposeId, ConsentRejection reason)
    {
    }

    public virtual void ConsentWithdrawn(string subjectId, string purposeId, int templatesDeleted)
    {
    }

    public virtual void TemplateEnrolled(string purposeId)
    {
    }

    /// <summary>One verification; <paramref name="outcome"/> is "compared", "no_template", "refused" or "failed".</summary>
    public virtual void Verified(string purposeId, string outcome, TimeSpan elapsed)
    {
    }

    public virtual void TemplateQuarantined(string templateId, string subjectId, string purposeId)
    {
    }

    public virtual void TemplatesPurged(int count)
    {
    }

    public virtual void FilingLevelReached(FilingThresholdEventArgs reached)
    {
    }
}
