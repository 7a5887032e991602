namespace FaceCompliance.Vision;

/// <summary>Where ONNX Runtime runs the face models.</summary>
public enum FaceExecutionProvider
{
    /// <summary>The CPU, with the native library that the package Microsoft.ML.OnnxRuntime ships for every platform (the default).</summary>
    Cpu,

    /// <summary>
    /// An NVIDIA GPU through CUDA. Needs the GPU build of ONNX Runtime in the application instead of the CPU one
    /// (docs/vision.md, "GPU"): the package Microsoft.ML.OnnxRuntime.Gpu (or .Gpu.Linux / .Gpu.Windows) 1.32.0, with
    /// <c>ExcludeAssets="native"</c> on Microsoft.ML.OnnxRuntime, plus CUDA and cuDNN on the machine.
    /// </summary>
    Cuda,
}
