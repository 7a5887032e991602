using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Numerics;
using FaceCompliance.Vision.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace FaceCompliance.Vision;

/// <summary>
/// The four models run one step at a time, with no consent logic: detection, 68 landmarks reduced to five points,
/// ArcFace alignment and the 512-value embedding, and liveness. The public, consent-checking API is built on it.
/// Safe for concurrent use: sessions are shared, input buffers come from a pool.
/// </summary>
internal sealed class FaceAnalyzer(OnnxModels models)
{
    public const int DetectorWidth = 320;
    public const int DetectorHeight = 240;
    public const int LandmarkSize = 64;
    public const int LivenessSize = 128;
    public const float LivenessBoxScale = 2.7f;
    public const int AlignedBytes = 3 * SimilarityTransform.ArcFaceCropSize * SimilarityTransform.ArcFaceCropSize;

    private readonly BufferPool _detectorInputs = new(3 * DetectorWidth * DetectorHeight);
    private readonly BufferPool _landmarkInputs = new(LandmarkSize * LandmarkSize);
    private readonly BufferPool _embeddingInputs = new(AlignedBytes);
    private readonly BufferPool _livenessInputs = new(3 * LivenessSize * LivenessSize);
    private readonly ConcurrentBag<byte[]> _alignedCrops = [];

    /// <summary>Faces in the image, best score first, in image pixels (not squared).</summary>
    public List<FaceBox> Detect(FaceImage image, float scoreThreshold = NonMaximumSuppression.DefaultScoreThreshold)
    {
        var input = _detectorInputs.Rent();
        try
        {
            PrepareDetectorInput(image, input);
            using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, DetectorHeight, DetectorWidth]);
            using var runOptions = new RunOptions();
            using var outputs = models.Detector.Run(runOptions, ["input"], [value], ["scores", "boxes"]);
            return NonMaximumSuppression.FromDetectorOutput(
                outputs[1].GetTensorDataAsSpan<float>(), outputs[0].GetTensorDataAsSpan<float>(), image.Width, image.Height, scoreThreshold: scoreThreshold);
        }
        finally
        {
            _detectorInputs.Return(input);
        }
    }

    /// <summary>
    /// The five alignment points of a detected face, in image pixels: the centres of the left and right eye contours
    /// (landmarks 36-41 and 42-47), the nose tip (30) and the mouth corners (48, 54).
    /// </summary>
    public Vector2[] FivePoints(FaceImage image, FaceBox box)
    {
        var input = _landmarkInputs.Rent();
        try
        {
            var region = PrepareLandmarkInput(image, box, input);
            using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 1, LandmarkSize, LandmarkSize]);
            using var runOptions = new RunOptions();
            using var outputs = models.Landmarks.Run(runOptions, ["input"], [value], ["output"]);
            var relative = outputs[0].GetTensorDataAsSpan<float>();
            Span<Vector2> points = stackalloc Vector2[68];
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = new Vector2(region.X + (relative[i * 2] * region.Width), region.Y + (relative[(i * 2) + 1] * region.Height));
            }

            return [Mean(points[36..42]), Mean(points[42..48]), points[30], points[48], points[54]];
        }
        finally
        {
            _landmarkInputs.Return(input);
        }
    }

    /// <summary>The L2-normalised 512-value embedding of the face aligned on its five points.</summary>
    public float[] Embed(FaceImage image, ReadOnlySpan<Vector2> fivePoints)
    {
        var crop = _alignedCrops.TryTake(out var pooled) ? pooled : new byte[AlignedBytes];
        try
        {
            AffineWarp.AlignToArcFace(image.Pixels, image.Width, image.Height, fivePoints, crop);
            return EmbedAligned(crop);
        }
        finally
        {
            // The aligned face is image data: cleared before it is reused, never left in the pool as pixels.
            Array.Clear(crop);
            _alignedCrops.Add(crop);
        }
    }

    /// <summary>The face aligned on its five points: a new 112x112 RGB24 image.</summary>
    public static FaceImage Align(FaceImage image, ReadOnlySpan<Vector2> fivePoints)
    {
        var crop = new byte[AlignedBytes];
        try
        {
            AffineWarp.AlignToArcFace(image.Pixels, image.Width, image.Height, fivePoints, crop);
            return FaceImage.FromRgb24(crop, SimilarityTransform.ArcFaceCropSize, SimilarityTransform.ArcFaceCropSize);
        }
        finally
        {
            Array.Clear(crop);
        }
    }

    /// <summary>The L2-normalised 512-value embedding of an aligned 112x112 RGB24 face.</summary>
    public float[] EmbedAligned(ReadOnlySpan<byte> alignedFace)
    {
        const int size = SimilarityTransform.ArcFaceCropSize;
        var input = _embeddingInputs.Rent();
        try
        {
            PrepareAlignedInput(alignedFace, input);
            using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, size, size]);
            using var runOptions = new RunOptions();
            using var outputs = models.Embedding.Run(runOptions, ["input"], [value], ["output"]);
            var embedding = outputs[0].GetTensorDataAsSpan<float>().ToArray();
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(embedding);
            System.Numerics.Tensors.TensorPrimitives.Divide(embedding, norm, embedding);
            return embedding;
        }
        finally
        {
            _embeddingInputs.Return(input);
        }
    }

    /// <summary>The liveness model's class-0 probability for the face: the box enlarged 2.7 times, 128x128, raw RGB values.</summary>
    public float Liveness(FaceImage image, FaceBox box)
    {
        var scale = MathF.Min(MathF.Min((image.Height - 1) / box.Height, (image.Width - 1) / box.Width), LivenessBoxScale);
        var width = box.Width * scale;
        var height = box.Height * scale;
        var left = Math.Clamp(box.CenterX - (width / 2), 0, Math.Max(0, image.Width - 1 - width));
        var top = Math.Clamp(box.CenterY - (height / 2), 0, Math.Max(0, image.Height - 1 - height));
        var region = new PixelRegion((int)left, (int)top, Math.Max(1, (int)width), Math.Max(1, (int)height));
        var input = _livenessInputs.Rent();
        try
        {
            ImageOps.ResizeToTensor(image.Pixels, image.Width, image.Height, region, input, LivenessSize, LivenessSize, TensorChannels.Rgb, new ChannelNormalization(0f, 1f));
            using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, LivenessSize, LivenessSize]);
            using var runOptions = new RunOptions();
            using var outputs = models.Liveness.Run(runOptions, ["input"], [value], ["output"]);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            Span<float> probabilities = stackalloc float[logits.Length];
            System.Numerics.Tensors.TensorPrimitives.SoftMax(logits, probabilities);
            return probabilities[0];
        }
        finally
        {
            _livenessInputs.Return(input);
        }
    }

    /// <summary>The largest face of a detection, or null when there is none.</summary>
    public static FaceBox? Largest(IReadOnlyList<FaceBox> faces)
    {
        FaceBox? largest = null;
        foreach (var face in faces)
        {
            largest = largest is { } current && current.Area >= face.Area ? current : face;
        }

        return largest;
    }

    /// <summary>The detector's input: the whole image resized to 320x240, (p-127)/128, planes B,G,R.</summary>
    public static void PrepareDetectorInput(FaceImage image, Span<float> input) =>
        ImageOps.ResizeToTensor(image.Pixels, image.Width, image.Height, input, DetectorWidth, DetectorHeight, TensorChannels.Bgr, ChannelNormalization.Symmetric127);

    /// <summary>The landmark model's input: the box squared around its centre, 64x64 gray, p/256. Returns the square.</summary>
    public static PixelRegion PrepareLandmarkInput(FaceImage image, FaceBox box, Span<float> input)
    {
        var region = PixelRegion.SquareAround(box);
        ImageOps.ResizeToTensor(image.Pixels, image.Width, image.Height, region, input, LandmarkSize, LandmarkSize, TensorChannels.Gray, ChannelNormalization.Divide256);
        return region;
    }

    /// <summary>The embedding model's input: the face aligned on its five points into <paramref name="crop"/> (112x112 RGB24), then (p-127)/128.</summary>
    public static void PrepareEmbeddingInput(FaceImage image, ReadOnlySpan<Vector2> fivePoints, Span<byte> crop, Span<float> input)
    {
        AffineWarp.AlignToArcFace(image.Pixels, image.Width, image.Height, fivePoints, crop);
        PrepareAlignedInput(crop, input);
    }

    /// <summary>The embedding model's input from an aligned 112x112 RGB24 face: (p-127)/128, planes R,G,B.</summary>
    public static void PrepareAlignedInput(ReadOnlySpan<byte> alignedFace, Span<float> input)
    {
        const int size = SimilarityTransform.ArcFaceCropSize;
        ImageOps.ResizeToTensor(alignedFace, size, size, input, size, size, TensorChannels.Rgb, ChannelNormalization.Symmetric127);
    }

    private static Vector2 Mean(ReadOnlySpan<Vector2> points)
    {
        var sum = Vector2.Zero;
        foreach (var point in points)
        {
            sum += point;
        }

        return sum / points.Length;
    }

    /// <summary>Exact-size float buffers reused across calls, so steady state allocates no input tensors.</summary>
    private sealed class BufferPool(int length)
    {
        private readonly ConcurrentBag<float[]> _buffers = [];

        public float[] Rent() => _buffers.TryTake(out var buffer) ? buffer : new float[length];

        public void Return(float[] buffer) => _buffers.Add(buffer);
    }
}
