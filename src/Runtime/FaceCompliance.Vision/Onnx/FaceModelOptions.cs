using System;
using System.Linq;
using FaceCompliance.Vision.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace FaceCompliance.Vision;

/// <summary>How the face models' ONNX Runtime sessions are created: where they run and with how many threads.</summary>
/// <remarks>
/// Sessions are created once per distinct options value and shared by every component created with it for the life of
/// the process (<see cref="Default"/> is the one most applications use).
/// </remarks>
public sealed record FaceModelOptions
{
    /// <summary>The name ONNX Runtime gives its CUDA execution provider.</summary>
    internal const string CudaProviderName = "CUDAExecutionProvider";

    /// <summary>The default: the CPU, one intra-op thread, full graph optimisation.</summary>
    public static FaceModelOptions Default { get; } = new();

    /// <summary>Where the models run; <see cref="FaceExecutionProvider.Cpu"/> by default.</summary>
    public FaceExecutionProvider ExecutionProvider { get; init; } = FaceExecutionProvider.Cpu;

    /// <summary>The CUDA device to run on when <see cref="ExecutionProvider"/> is <see cref="FaceExecutionProvider.Cuda"/>; 0 by default.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>
    /// Threads ONNX Runtime may use inside one <c>Run</c> call; 0 lets it choose (one per core). Default 1: on the
    /// 2-core reference machine one thread was as fast as two for every model or faster (docs/third-party.md has the
    /// figures), and callers that run faces concurrently get the parallelism from their own threads instead.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Graph optimisation level; default all.</summary>
    internal GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    internal void Validate()
    {
        if (!Enum.IsDefined(ExecutionProvider))
        {
            throw new ArgumentOutOfRangeException(nameof(ExecutionProvider), ExecutionProvider, "Unknown execution provider; use Cpu or Cuda.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads, nameof(IntraOpThreads));
        ArgumentOutOfRangeException.ThrowIfNegative(CudaDeviceId, nameof(CudaDeviceId));
    }

    /// <summary>New native session options for these settings; the caller disposes them.</summary>
    /// <exception cref="InvalidOperationException">CUDA was asked for, and the ONNX Runtime library loaded has no CUDA provider or cannot start it.</exception>
    internal SessionOptions CreateSessionOptions()
    {
        Validate();
        var options = new SessionOptions();
        try
        {
            options.IntraOpNumThreads = IntraOpThreads;
            options.InterOpNumThreads = 1;
            options.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
            options.GraphOptimizationLevel = OptimizationLevel;
            options.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
            if (ExecutionProvider == FaceExecutionProvider.Cuda)
            {
                AppendCuda(options);
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    private void AppendCuda(SessionOptions options)
    {
        string[] available = OrtEnv.Instance().GetAvailableProviders();
        if (!available.Contains(CudaProviderName, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"FaceModelOptions.ExecutionProvider is Cuda, but the ONNX Runtime library this application loaded ({OrtEnv.Instance().GetVersionString()}) is the CPU build: "
                + $"its execution providers are {string.Join(", ", available)}. Add the package Microsoft.ML.OnnxRuntime.Gpu (or Microsoft.ML.OnnxRuntime.Gpu.Linux / "
                + $"Microsoft.ML.OnnxRuntime.Gpu.Windows) version {OrtEnv.Instance().GetVersionString()} to the application, and reference Microsoft.ML.OnnxRuntime with "
                + "ExcludeAssets=\"native\" so that its CPU library does not replace the GPU one (docs/vision.md, \"GPU\"); or use FaceExecutionProvider.Cpu.");
        }

        try
        {
            options.AppendExecutionProvider_CUDA(CudaDeviceId);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidOperationException(
                $"ONNX Runtime's CUDA execution provider could not start on device {CudaDeviceId}: {e.Message.Trim()} "
                + "It needs an NVIDIA GPU with its driver, and the CUDA and cuDNN libraries that this ONNX Runtime version was built for, on the library path.",
                e);
        }
    }
}
