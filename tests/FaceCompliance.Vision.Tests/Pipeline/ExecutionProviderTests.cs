using System;
using FaceCompliance.Vision.Onnx;
using Microsoft.ML.OnnxRuntime;
using Xunit;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>
/// FaceModelOptions: the CPU by default; CUDA asked for with the CPU build of ONNX Runtime (this repository's, and this
/// machine has no GPU) fails where the component is created, naming the package to add.
/// </summary>
public sealed class ExecutionProviderTests : IDisposable
{
    private readonly TestStore _test = new();

    [Fact]
    public void The_default_runs_on_the_cpu_build_which_has_no_cuda_provider()
    {
        Assert.Equal(FaceExecutionProvider.Cpu, FaceModelOptions.Default.ExecutionProvider);
        Assert.Same(OnnxModels.Shared, OnnxModels.For(null));
        Assert.Same(OnnxModels.Shared, OnnxModels.For(new FaceModelOptions()));
        Assert.Equal(["CPUExecutionProvider"], OrtEnv.Instance().GetAvailableProviders());
    }

    [Fact]
    public void Cuda_without_the_gpu_package_fails_at_construction_and_names_the_package()
    {
        var cuda = new FaceModelOptions { ExecutionProvider = FaceExecutionProvider.Cuda };

        var recognizer = Assert.Throws<InvalidOperationException>(() => new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { ModelOptions = cuda }));
        var embedder = Assert.Throws<InvalidOperationException>(() => new FaceEmbedder(_test.Consents, cuda));

        Assert.Equal(recognizer.Message, embedder.Message);
        Assert.Equal(recognizer.Message, Assert.Throws<InvalidOperationException>(() => new FaceDetector(_test.Consents, modelOptions: cuda)).Message);
        Assert.Equal(recognizer.Message, Assert.Throws<InvalidOperationException>(() => new FaceAligner(_test.Consents, cuda)).Message);
        Assert.Equal(recognizer.Message, Assert.Throws<InvalidOperationException>(() => new LivenessChecker(_test.Consents, modelOptions: cuda)).Message);
        Assert.Contains("ExecutionProvider is Cuda", recognizer.Message, StringComparison.Ordinal);
        Assert.Contains("is the CPU build: its execution providers are CPUExecutionProvider.", recognizer.Message, StringComparison.Ordinal);
        Assert.Contains("Add the package Microsoft.ML.OnnxRuntime.Gpu", recognizer.Message, StringComparison.Ordinal);
        Assert.Contains("version 1.32.0", recognizer.Message, StringComparison.Ordinal);
        Assert.Contains("ExcludeAssets=\"native\"", recognizer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_cpu_settings_get_their_own_shared_sessions_and_bad_values_are_named()
    {
        var twoThreads = new FaceModelOptions { IntraOpThreads = 2 };

        Assert.Same(OnnxModels.For(twoThreads), OnnxModels.For(new FaceModelOptions { IntraOpThreads = 2 }));
        Assert.NotSame(OnnxModels.Shared, OnnxModels.For(twoThreads));
        Assert.Equal("IntraOpThreads", Assert.Throws<ArgumentOutOfRangeException>(() => new FaceEmbedder(_test.Consents, new FaceModelOptions { IntraOpThreads = -1 })).ParamName);
        Assert.Equal("CudaDeviceId", Assert.Throws<ArgumentOutOfRangeException>(() => new FaceEmbedder(_test.Consents, new FaceModelOptions { CudaDeviceId = -1 })).ParamName);
        Assert.Equal("ExecutionProvider", Assert.Throws<ArgumentOutOfRangeException>(() => new FaceEmbedder(_test.Consents, new FaceModelOptions { ExecutionProvider = (FaceExecutionProvider)7 })).ParamName);
    }

    public void Dispose() => _test.Dispose();
}
