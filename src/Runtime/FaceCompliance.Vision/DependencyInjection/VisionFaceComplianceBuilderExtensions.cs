using System;
using System.Diagnostics.Metrics;
using FaceCompliance;
using FaceCompliance.Vision;
using FaceCompliance.Vision.Onnx;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds on-device face recognition to <c>services.AddFaceCompliance(…)</c> (docs/runtime.md, "Registration").</summary>
public static class VisionFaceComplianceBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="FaceRecognizer"/>, every <see cref="FaceVerifier{TPurpose}"/> (1:1, on the registered
    /// <see cref="IFaceTemplateStore"/>) and every <see cref="FaceMatcher{TPurpose}"/> (1:N) as singletons that check receipts
    /// with the registered <see cref="IConsentRegistry"/> (add a store first, e.g. <c>.AddSqliteStore(…)</c>), on
    /// face model sessions of their own that the container disposes; a model warm-up at host start
    /// (<see cref="OnDeviceRecognitionOptions.WarmUpAtStart"/>); the meter "FaceCompliance.Vision"; and the health check
    /// "facecompliance.vision". The options are validated when the host starts.
    /// </summary>
    public static IFaceComplianceBuilder AddOnDeviceRecognition(this IFaceComplianceBuilder builder, Action<OnDeviceRecognitionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<OnDeviceRecognitionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnDeviceRecognitionOptions>, OnDeviceRecognitionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new VisionTelemetry(
            provider.GetService<IMeterFactory>(), provider.GetService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new OnnxModels(
            provider.GetRequiredService<IOptions<OnDeviceRecognitionOptions>>().Value.Recognizer.ModelOptions ?? FaceModelOptions.Default,
            provider.GetRequiredService<VisionTelemetry>()));
        services.TryAddSingleton(provider => new FaceRecognizer(
            provider.GetRequiredService<IConsentRegistry>(),
            provider.GetRequiredService<OnnxModels>(),
            provider.GetRequiredService<IOptions<OnDeviceRecognitionOptions>>().Value.Recognizer));
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<OnDeviceRecognitionOptions>>().Value.Matcher);
        services.TryAddSingleton(typeof(FaceMatcher<>));
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<OnDeviceRecognitionOptions>>().Value.Verifier);
        services.TryAddSingleton(typeof(FaceVerifier<>));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FaceModelWarmup>());
        services.AddHealthChecks().AddCheck<FaceModelsHealthCheck>(FaceModelsHealthCheck.Name, tags: ["facecompliance"]);
        return builder;
    }
}
