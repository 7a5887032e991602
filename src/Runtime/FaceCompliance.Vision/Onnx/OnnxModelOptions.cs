using System;
using Microsoft.ML.OnnxRuntime;

namespace FaceCompliance.Vision.Onnx;

/// <summary>How <see cref="OnnxModels"/> creates its ONNX Runtime sessions.</summary>
internal sealed record OnnxModelOptions
{
    /// <summary>The default: one intra-op thread, full graph optimisation.</summary>
    public static OnnxModelOptions Default { get; } = new();

    /// <summary>
    /// Threads ONNX Runtime may use inside one <c>Run</c> call; 0 lets it choose (one per core). Default 1: on the
    /// 2-core reference machine one thread was as fast as two for every model or faster (docs/third-party.md has the
    /// figures), and callers that run faces concurrently get the parallelism from their own threads instead.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Graph optimisation level; default all.</summary>
    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>New native session options for these settings; the caller disposes them.</summary>
    internal SessionOptions CreateSessionOptions()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads);
        var options = new SessionOptions();
        try
        {
            options.IntraOpNumThreads = IntraOpThreads;
            options.InterOpNumThreads = 1;
            options.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
            options.GraphOptimizationLevel = OptimizationLevel;
            options.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }
}
