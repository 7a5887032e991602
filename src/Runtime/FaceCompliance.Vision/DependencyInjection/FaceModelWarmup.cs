using System;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.Vision.Onnx;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaceCompliance.Vision;

/// <summary>
/// Loads the four face models and runs each once, on a blank image that holds no face, while the host is starting
/// (<see cref="IHostedLifecycleService.StartingAsync"/>: before any hosted service starts and before a server
/// listens), so that the first person at the camera does not wait for ONNX Runtime. Processes no facial data, so it
/// needs no consent. A model that fails its integrity check, or an execution provider that cannot start, stops the start.
/// </summary>
internal sealed class FaceModelWarmup(OnnxModels models, VisionTelemetry telemetry, IOptions<OnDeviceRecognitionOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WarmUpAtStart)
        {
            VisionTelemetry.WarmUpOff(telemetry.Logger);
            return Task.CompletedTask;
        }

        var started = telemetry.Clock.GetTimestamp();
        Run(models);
        telemetry.WarmedUp(models.SessionsCreated, telemetry.Clock.GetElapsedTime(started));
        return Task.CompletedTask;
    }

    /// <summary>One inference through each model: detection, landmarks, embedding and liveness on a gray frame.</summary>
    internal static void Run(OnnxModels models)
    {
        var pixels = new byte[FaceAnalyzer.DetectorWidth * FaceAnalyzer.DetectorHeight * 3];
        pixels.AsSpan().Fill(128);
        using var image = FaceImage.FromRgb24(pixels, FaceAnalyzer.DetectorWidth, FaceAnalyzer.DetectorHeight);
        var analyzer = new FaceAnalyzer(models);
        analyzer.Detect(image);
        var box = new FaceBox(110, 70, 210, 190, 1f);
        analyzer.FivePoints(image, box);
        analyzer.EmbedAligned(new byte[FaceAnalyzer.AlignedBytes]);
        analyzer.Liveness(image, box);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
