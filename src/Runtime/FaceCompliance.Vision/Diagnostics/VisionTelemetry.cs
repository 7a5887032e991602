using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaceCompliance.Vision;

/// <summary>
/// The instruments of the meter "FaceCompliance.Vision" (docs/runtime.md, "Metrics") and the vision log events, with
/// the clock that times them. Nothing here carries a subject id, an image or a template.
/// </summary>
internal sealed partial class VisionTelemetry : IDisposable
{
    public const string MeterName = "FaceCompliance.Vision";
    public const string ModelTag = "facecompliance.vision.model";

    private static readonly double[] SecondsBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _modelLoads;
    private readonly Histogram<double> _modelLoadDuration;
    private readonly Histogram<double> _warmUpDuration;

    public VisionTelemetry(IMeterFactory? meterFactory, ILoggerFactory? loggerFactory, TimeProvider clock)
    {
        Clock = clock;
        Logger = loggerFactory?.CreateLogger("FaceCompliance.Vision") ?? NullLogger.Instance;
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _modelLoads = _meter.CreateCounter<long>("facecompliance.vision.model.loads", "{session}", "Face model sessions created (ONNX Runtime).");
        _modelLoadDuration = _meter.CreateHistogram("facecompliance.vision.model.load.duration", "s", "Time to verify a face model and create its session.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _warmUpDuration = _meter.CreateHistogram("facecompliance.vision.warmup.duration", "s", "Time of the model warm-up at host start (load and one inference per model).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
    }

    public TimeProvider Clock { get; }

    public ILogger Logger { get; }

    public void ModelLoaded(string fileName, TimeSpan elapsed)
    {
        var model = new KeyValuePair<string, object?>(ModelTag, fileName);
        _modelLoads.Add(1, model);
        _modelLoadDuration.Record(elapsed.TotalSeconds, model);
        LogModelLoaded(Logger, fileName, elapsed.TotalMilliseconds);
    }

    public void WarmedUp(int models, TimeSpan elapsed)
    {
        _warmUpDuration.Record(elapsed.TotalSeconds);
        LogWarmedUp(Logger, models, elapsed.TotalMilliseconds);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    [LoggerMessage(2001, LogLevel.Debug, "Face model {Model} loaded in {ElapsedMilliseconds:0} ms.")]
    private static partial void LogModelLoaded(ILogger logger, string model, double elapsedMilliseconds);

    [LoggerMessage(2002, LogLevel.Information, "Face models warmed up before the application serves: {Models} sessions loaded and run once in {ElapsedMilliseconds:0} ms.")]
    private static partial void LogWarmedUp(ILogger logger, int models, double elapsedMilliseconds);

    [LoggerMessage(2003, LogLevel.Information, "Face model warm-up is off (OnDeviceRecognitionOptions.WarmUpAtStart): the models load at the first face.")]
    public static partial void WarmUpOff(ILogger logger);
}
