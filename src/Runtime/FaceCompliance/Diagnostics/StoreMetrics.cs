using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace FaceCompliance;

/// <summary>
/// A store's instruments on the meter "FaceCompliance" (docs/runtime.md, "Metrics"). Tags carry purpose ids,
/// reasons and outcomes, never a subject id.
/// </summary>
internal sealed class StoreMetrics : IDisposable
{
    public const string MeterName = "FaceCompliance";
    public const string PurposeTag = "facecompliance.purpose";
    public const string ReasonTag = "facecompliance.consent.refusal_reason";
    public const string OutcomeTag = "facecompliance.verification.outcome";
    public const string LevelTag = "facecompliance.filing.level";

    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _grants;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _withdrawals;
    private readonly Counter<long> _enrolled;
    private readonly Counter<long> _quarantined;
    private readonly Counter<long> _purged;
    private readonly Counter<long> _filingLevels;
    private readonly Histogram<double> _verification;
    private volatile bool _disposed;

    public StoreMetrics(IMeterFactory? meterFactory, Func<int> peopleStored, Func<int> templatesStored)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _grants = _meter.CreateCounter<long>("facecompliance.consent.grants", "{consent}", "Consents recorded.");
        _refusals = _meter.CreateCounter<long>("facecompliance.consent.refusals", "{refusal}", "Receipts refused by the registry, by reason.");
        _withdrawals = _meter.CreateCounter<long>("facecompliance.consent.withdrawals", "{withdrawal}", "Consents withdrawn.");
        _enrolled = _meter.CreateCounter<long>("facecompliance.templates.enrolled", "{template}", "Templates enrolled.");
        _quarantined = _meter.CreateCounter<long>("facecompliance.templates.quarantined", "{template}", "Templates that failed authentication and were quarantined.");
        _purged = _meter.CreateCounter<long>("facecompliance.templates.purged", "{template}", "Templates deleted by the retention purge.");
        _filingLevels = _meter.CreateCounter<long>("facecompliance.filing.levels_reached", "{event}", "Filing-threshold levels reached (Measures Art. 15).");
        _verification = _meter.CreateHistogram("facecompliance.verification.duration", "s", "Time of a 1:1 verification against the stored templates.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        // A factory's meter outlives the store until the container is disposed: a disposed store reports nothing.
        _meter.CreateObservableGauge("facecompliance.people.stored",
            () => _disposed ? [] : new[] { new Measurement<int>(peopleStored()) }, "{person}", "People with at least one template stored (the filing count).");
        _meter.CreateObservableGauge("facecompliance.templates.stored",
            () => _disposed ? [] : new[] { new Measurement<int>(templatesStored()) }, "{template}", "Templates stored, quarantined ones included.");
    }

    public void ConsentGranted(string purposeId) => _grants.Add(1, new KeyValuePair<string, object?>(PurposeTag, purposeId));

    public void ConsentRefused(string purposeId, ConsentRejection reason) =>
        _refusals.Add(1, new KeyValuePair<string, object?>(PurposeTag, purposeId), new KeyValuePair<string, object?>(ReasonTag, reason.ToString()));

    public void ConsentWithdrawn(string purposeId) => _withdrawals.Add(1, new KeyValuePair<string, object?>(PurposeTag, purposeId));

    public void TemplateEnrolled(string purposeId) => _enrolled.Add(1, new KeyValuePair<string, object?>(PurposeTag, purposeId));

    public void TemplateQuarantined(string purposeId) => _quarantined.Add(1, new KeyValuePair<string, object?>(PurposeTag, purposeId));

    public void TemplatesPurged(int count) => _purged.Add(count);

    public void FilingLevelReached(FilingThresholdLevel level) => _filingLevels.Add(1, new KeyValuePair<string, object?>(LevelTag, level.ToString()));

    /// <summary>Records one verification; <paramref name="outcome"/> is "compared", "no_template" or "refused".</summary>
    public void Verified(string purposeId, string outcome, TimeSpan elapsed) =>
        _verification.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(PurposeTag, purposeId), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void Dispose()
    {
        _disposed = true;
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
