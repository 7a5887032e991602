using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.Vision.Onnx;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaceCompliance.Vision;

/// <summary>
/// The health check "facecompliance.vision": the four face models are loaded (integrity-checked, sessions created).
/// A model not loaded yet (warm-up off) is loaded now; one that cannot be is reported unhealthy with the reason.
/// </summary>
internal sealed class FaceModelsHealthCheck(OnnxModels models) : IHealthCheck
{
    public const string Name = "facecompliance.vision";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (var model in FaceModel.All)
            {
                _ = models[model];
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.IO.InvalidDataException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("A face model could not be loaded: " + e.Message, e));
        }

        var data = new Dictionary<string, object>
        {
            ["models"] = models.SessionsCreated,
            ["executionProvider"] = models.Options.ExecutionProvider.ToString(),
        };
        return Task.FromResult(HealthCheckResult.Healthy($"{models.SessionsCreated} face models loaded ({models.Options.ExecutionProvider}).", data));
    }
}
