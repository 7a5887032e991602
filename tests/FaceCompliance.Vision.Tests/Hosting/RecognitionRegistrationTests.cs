using System;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Vision.Components;
using FaceCompliance.Vision.Onnx;
using FaceCompliance.Vision.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace FaceCompliance.Vision.Tests.Hosting;

/// <summary>
/// <c>AddFaceCompliance(…).AddSqliteStore(…).AddOnDeviceRecognition(…)</c> in a real host with the real models and
/// photos: the models are loaded and run before the host has started, so the first face loads nothing (observed on
/// the meter "FaceCompliance.Vision"); bad thresholds stop the start; the health check and disposal.
/// </summary>
public sealed class RecognitionRegistrationTests : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-vision-hosting-" + Guid.NewGuid().ToString("N"));
    private IHost? _host;

    public RecognitionRegistrationTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task After_start_the_models_are_loaded_and_the_first_recognition_loads_none()
    {
        var host = Build();
        using var loads = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), "FaceCompliance.Vision", "facecompliance.vision.model.loads");
        var models = host.Services.GetRequiredService<OnnxModels>();
        Assert.Equal(0, models.SessionsCreated);

        await host.StartAsync();

        Assert.Equal(4, models.SessionsCreated);
        Assert.Equal(["fr_detect.onnx", "fr_feature.onnx", "fr_landmark.onnx", "fr_liveness.onnx"],
            loads.GetMeasurementSnapshot().Select(m => (string)m.Tags["facecompliance.vision.model"]!).Order(StringComparer.Ordinal));
        var receipt = host.Services.GetRequiredService<IConsentRegistry>().Grant<GateCheck>(new ConsentGrant("howard"));
        var recognizer = host.Services.GetRequiredService<FaceRecognizer>();

        var template = recognizer.ExtractTemplate(receipt, Identity("howard1.ppm"));

        Assert.Equal(4, loads.GetMeasurementSnapshot().Count);
        Assert.True(recognizer.ExtractTemplate(receipt, Identity("howard5.ppm")).CosineSimilarity(template) >= FaceMatchThreshold.Default);
        Assert.Equal(4, loads.GetMeasurementSnapshot().Count);
    }

    [Fact]
    public async Task The_registered_verifier_enrols_and_verifies_with_the_configured_threshold_through_the_registered_store()
    {
        var host = Build(o => o.Verifier = new FaceVerifierOptions { Threshold = 0.5f });
        await host.StartAsync();
        var receipt = host.Services.GetRequiredService<IConsentRegistry>().Grant<GateCheck>(new ConsentGrant("howard"));
        var verifier = host.Services.GetRequiredService<FaceVerifier<GateCheck>>();

        verifier.Enroll(receipt, Identity("howard1.ppm"));
        FaceVerification same = verifier.Verify(receipt, Identity("howard5.ppm"));
        FaceVerification other = verifier.Verify(receipt, Identity("amy1.ppm"));

        Assert.Equal(0.5f, same.Threshold);
        Assert.True(same.IsMatch, $"howard5 against howard1: {same.Similarity}");
        Assert.False(other.IsMatch, $"amy1 against howard1: {other.Similarity}");
        Assert.Single(host.Services.GetRequiredService<IFaceTemplateStore>().ListTemplates("howard"));
    }

    [Fact]
    public async Task With_the_warm_up_off_the_first_recognition_loads_the_models()
    {
        var host = Build(o => o.WarmUpAtStart = false);
        using var loads = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), "FaceCompliance.Vision", "facecompliance.vision.model.loads");
        await host.StartAsync();
        Assert.Empty(loads.GetMeasurementSnapshot());
        var receipt = host.Services.GetRequiredService<IConsentRegistry>().Grant<GateCheck>(new ConsentGrant("howard"));

        host.Services.GetRequiredService<FaceRecognizer>().ExtractTemplate(receipt, Identity("howard1.ppm"));

        Assert.Equal(["fr_detect.onnx", "fr_feature.onnx", "fr_landmark.onnx"],
            loads.GetMeasurementSnapshot().Select(m => (string)m.Tags["facecompliance.vision.model"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bad_thresholds_stop_the_start_each_named_with_its_value()
    {
        var host = Build(o =>
        {
            o.Recognizer = o.Recognizer with { DetectionThreshold = 1.5f, LivenessThreshold = -0.5f };
            o.Matcher = o.Matcher with { Threshold = 2f, MaxTemplatesPerPerson = 0 };
        });

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("OnDeviceRecognitionOptions.Recognizer.DetectionThreshold:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("1.5", refused.Message, StringComparison.Ordinal);
        Assert.Contains("OnDeviceRecognitionOptions.Recognizer.LivenessThreshold:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("-0.5", refused.Message, StringComparison.Ordinal);
        Assert.Contains("OnDeviceRecognitionOptions.Matcher.Threshold is 2", refused.Message, StringComparison.Ordinal);
        Assert.Contains("OnDeviceRecognitionOptions.Matcher.MaxTemplatesPerPerson is 0", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_reports_the_models_and_the_store()
    {
        var host = Build();
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(4, report.Entries["facecompliance.vision"].Data["models"]);
        Assert.Equal(HealthStatus.Healthy, report.Entries["facecompliance.sqlite"].Status);
    }

    [Fact]
    public async Task Disposing_the_host_closes_the_model_sessions_and_the_matchers()
    {
        var host = Build();
        await host.StartAsync();
        var models = host.Services.GetRequiredService<OnnxModels>();
        var matcher = host.Services.GetRequiredService<FaceMatcher<ResidentSearch>>();
        var receipt = host.Services.GetRequiredService<IConsentRegistry>().Grant<ResidentSearch>(new ConsentGrant("howard"));
        var enrolled = false;
        matcher.SubjectsChanged += (_, _) => enrolled = true;
        matcher.Enroll(receipt, host.Services.GetRequiredService<FaceRecognizer>().ExtractTemplate(receipt, Identity("howard1.ppm")));
        Assert.True(enrolled);
        Assert.Equal(1, matcher.Count);

        await host.StopAsync();
        host.Dispose();
        _host = null;

        Assert.Throws<ObjectDisposedException>(() => models[FaceModel.Detector]);
        Assert.Equal(0, matcher.Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            try
            {
                await _host.StopAsync();
            }
            catch (InvalidOperationException)
            {
            }

            _host.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private IHost Build(Action<OnDeviceRecognitionOptions>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFaceCompliance(o => o.MasterKey = FacialDataKeys.NewMasterKey())
            .AddSqliteStore(Path.Combine(_directory, "gate.db"))
            .AddOnDeviceRecognition(configure);
        _host = builder.Build();
        return _host;
    }

    private static FaceImage Identity(string file) =>
        FaceFrames.CenterInDetectorFrame(PpmReader.ReadFile(Path.Combine(VisionPaths.Faces, "ppm", "identities", file)));
}
