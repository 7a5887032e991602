using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>
/// The liveness model on the shared photos (live: every face the detector finds in the scenes) against stand-ins for
/// a printed photo held up to the camera (each scene shrunk and framed on a background, five ways). The figures are
/// the ones docs/vision.md reports for <see cref="LivenessChecker.DefaultThreshold"/>.
/// </summary>
public sealed class LivenessTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>, IDisposable
{
    private static readonly (string Name, byte Background, int Bezel, int Shrink)[] Recaptures =
    [
        ("on light gray", 200, 0, 2), ("on white", 255, 0, 2), ("on dark gray", 40, 0, 2), ("in a black bezel", 200, 10, 2), ("a third of the size", 200, 0, 3),
    ];

    private readonly TestStore _test = new();

    [Fact]
    public void The_default_threshold_passes_most_live_faces_and_stops_most_recaptured_photos()
    {
        var live = new List<float>();
        var recaptured = new List<float>();
        foreach (var scene in Scenes())
        {
            live.AddRange(fixture.Analyzer.Detect(scene).Select(box => fixture.Analyzer.Liveness(scene, box)));
            foreach (var recapture in Recaptures)
            {
                var framed = Framed(scene, recapture.Background, recapture.Bezel, recapture.Shrink);
                if (FaceAnalyzer.Largest(fixture.Analyzer.Detect(framed)) is { } box)
                {
                    recaptured.Add(fixture.Analyzer.Liveness(framed, box));
                }
            }
        }

        foreach (var threshold in new[] { 0.3f, 0.5f, 0.7f, 0.9f })
        {
            output.WriteLine($"threshold {threshold:0.0}: live faces passed {live.Count(s => s >= threshold)}/{live.Count}, recaptured photos passed {recaptured.Count(s => s >= threshold)}/{recaptured.Count}");
        }

        Assert.Equal(29, live.Count);
        Assert.Equal(100, recaptured.Count);
        Assert.InRange(live.Count(s => s >= LivenessChecker.DefaultThreshold), 21, 23);
        Assert.InRange(recaptured.Count(s => s >= LivenessChecker.DefaultThreshold), 30, 35);
        Assert.InRange(recaptured.Count(s => s >= 0.9f), 7, 11);
    }

    [Fact]
    public void The_gate_refuses_a_recaptured_photo_and_lets_the_live_face_through()
    {
        var receipt = _test.Grant<GateCheck>("obama");
        var gated = new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { RequireLiveness = true });
        var live = PipelineFixture.Scene("obama_2");
        var photo = Framed(live, 200, 0, 2);
        var liveScore = new LivenessChecker(_test.Consents).Check(receipt, live, Assert.Single(new FaceDetector(_test.Consents).Detect(receipt, live)));

        var error = Assert.Throws<FaceNotLiveException>(() => gated.ExtractTemplate(receipt, photo));
        var ungated = new FaceRecognizer(_test.Consents).ExtractTemplate(receipt, photo);

        Assert.True(liveScore.IsLive, $"obama_2 scored {liveScore.Score:0.000}");
        Assert.Equal(512, gated.ExtractTemplate(receipt, live).Dimension);
        Assert.True(error.Result.Score < LivenessChecker.DefaultThreshold);
        Assert.StartsWith("The face did not pass the liveness check (live probability 0.", error.Message, StringComparison.Ordinal);
        Assert.Equal(512, ungated.Dimension);
    }

    [Fact]
    public void A_threshold_outside_0_to_1_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LivenessChecker(_test.Consents, 1.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { LivenessThreshold = -0.1f }));
    }

    public void Dispose() => _test.Dispose();

    private static IEnumerable<FaceImage> Scenes() => Directory.GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "scenes"), "*.ppm")
        .Order(StringComparer.Ordinal)
        .Select(PpmReader.ReadFile);

    /// <summary>The scene shrunk by <paramref name="shrink"/> (nearest pixel), centred on a flat background, optionally with a black border.</summary>
    private static FaceImage Framed(FaceImage scene, byte background, int bezel, int shrink)
    {
        int width = scene.Width / shrink, height = scene.Height / shrink;
        int left = (scene.Width - width) / 2, top = (scene.Height - height) / 2;
        var pixels = new byte[scene.Width * scene.Height * 3];
        Array.Fill(pixels, background);
        for (var y = -bezel; y < height + bezel; y++)
        {
            for (var x = -bezel; x < width + bezel; x++)
            {
                var inside = y >= 0 && x >= 0 && y < height && x < width;
                var target = (((top + y) * scene.Width) + left + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    pixels[target + c] = inside ? scene.Pixels[(((y * shrink) * scene.Width) + (x * shrink)) * 3 + c] : (byte)10;
                }
            }
        }

        return FaceImage.FromRgb24(pixels, scene.Width, scene.Height);
    }
}
