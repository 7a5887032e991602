using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FaceCompliance.Vision.Onnx;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>The analyzer over the real models, and the shared photographs decoded once.</summary>
public sealed class PipelineFixture
{
    internal FaceAnalyzer Analyzer { get; } = new(OnnxModels.Shared);

    /// <summary>The 40 identity crops (8 people x 5), person name and image, padded into a 320x240 canvas as a camera frame would hold them.</summary>
    public IReadOnlyList<(string Person, string File, FaceImage Image)> Identities { get; } = Directory
        .GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "identities"), "*.ppm")
        .OrderBy(p => p, StringComparer.Ordinal)
        .Select(p => (new string(Path.GetFileNameWithoutExtension(p).TakeWhile(char.IsLetter).ToArray()), Path.GetFileName(p), FaceFrames.CenterInDetectorFrame(PpmReader.ReadFile(p))))
        .ToList();

    /// <summary>One padded identity crop by file name, e.g. "howard1.ppm".</summary>
    public FaceImage Identity(string file) => Identities.Single(i => i.File == file).Image;

    public static FaceImage Scene(string name) => PpmReader.ReadFile(Path.Combine(VisionPaths.Faces, "ppm", "scenes", name + ".ppm"));

    /// <summary>The embedding of the largest face in the image.</summary>
    internal float[] EmbedLargest(FaceImage image)
    {
        var largest = FaceAnalyzer.Largest(Analyzer.Detect(image)) ?? throw new InvalidOperationException("no face found");
        return Analyzer.Embed(image, Analyzer.FivePoints(image, largest));
    }
}
