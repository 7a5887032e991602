using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FaceCompliance.Vision.Tests.Pipeline;
using Xunit;
using Xunit.Abstractions;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Imaging;

/// <summary>FaceFrames.CenterInDetectorFrame: the exact bytes of a crop centred in a black 320x240 frame, and why it is needed.</summary>
public sealed class FaceFramesTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>
{
    public static TheoryData<int, int> Sizes() => new() { { 1, 1 }, { 150, 150 }, { 151, 97 }, { 320, 1 }, { 1, 240 }, { 320, 240 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_crop_lands_unscaled_at_the_centre_rounded_down_on_black(int width, int height)
    {
        var rgb = ImageOpsTests.RandomImage(width, height, seed: width + height);
        using var crop = FaceImage.FromRgb24(rgb, width, height);

        using var frame = FaceFrames.CenterInDetectorFrame(crop);

        Assert.Equal((320, 240), (frame.Width, frame.Height));
        Assert.Equal(Framed(rgb, width, height), frame.Pixels.ToArray());
        Assert.Equal(rgb, crop.Pixels.ToArray());
    }

    [Fact]
    public void Every_identity_crop_gives_exactly_the_bytes_of_a_row_by_row_copy_into_a_black_frame()
    {
        foreach (var ppm in Directory.GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "identities"), "*.ppm"))
        {
            using var crop = PpmReader.ReadFile(ppm);
            using var frame = FaceFrames.CenterInDetectorFrame(crop);

            Assert.True(frame.Pixels.SequenceEqual(Framed(crop.Pixels.ToArray(), crop.Width, crop.Height)), ppm);
        }
    }

    [Theory]
    [InlineData(321, 240)]
    [InlineData(320, 241)]
    [InlineData(640, 480)]
    public void A_photo_larger_than_the_frame_is_refused_with_its_size(int width, int height)
    {
        using var photo = FaceImage.FromRgb24(new byte[width * height * 3], width, height);

        var refused = Assert.Throws<ArgumentException>(() => FaceFrames.CenterInDetectorFrame(photo));

        Assert.Equal("crop", refused.ParamName);
        Assert.StartsWith($"A {width}x{height} image does not fit in the 320x240 detector frame", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_frame_owns_its_pixels_apart_from_the_crop()
    {
        var crop = FaceImage.FromRgb24(ImageOpsTests.RandomImage(150, 150, seed: 3), 150, 150);
        using var frame = FaceFrames.CenterInDetectorFrame(crop);
        var before = frame.Pixels.ToArray();

        crop.Dispose();

        Assert.Equal(before, frame.Pixels.ToArray());
        Assert.Contains(before, b => b != 0);
        frame.Dispose();
        Assert.All(frame.BufferForTests, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Framed_every_identity_crop_gives_a_face_narrower_than_it_and_unframed_some_give_none_or_one_wider_than_the_photo()
    {
        var framedWidths = new List<float>();
        var unframedWidths = new List<float>();
        var missedOrOversized = 0;
        foreach (var ppm in Directory.GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "identities"), "*.ppm").Order(StringComparer.Ordinal))
        {
            using var crop = PpmReader.ReadFile(ppm);
            using var frame = FaceFrames.CenterInDetectorFrame(crop);

            var framed = FaceAnalyzer.Largest(fixture.Analyzer.Detect(frame));
            Assert.True(framed is { } box && box.Width <= crop.Width, $"{ppm}: framed, {framed}");
            framedWidths.Add(framed!.Value.Width);
            var unframed = FaceAnalyzer.Largest(fixture.Analyzer.Detect(crop));
            if (unframed is not { } face || face.Width > crop.Width)
            {
                missedOrOversized++;
            }

            if (unframed is { } found)
            {
                unframedWidths.Add(found.Width);
            }
        }

        output.WriteLine($"framed: a face in all 40, boxes {framedWidths.Min():0} to {framedWidths.Max():0} px wide");
        output.WriteLine($"unframed: a face in {unframedWidths.Count} of 40, boxes {unframedWidths.Min():0} to {unframedWidths.Max():0} px wide; no face or a box wider than the 150 px photo: {missedOrOversized}");
        Assert.True(missedOrOversized > 0);
    }

    /// <summary>The expected frame written out directly: zeros, then the crop's rows at ((320 - w) / 2, (240 - h) / 2).</summary>
    private static byte[] Framed(byte[] rgb, int width, int height)
    {
        var frame = new byte[320 * 240 * 3];
        var (left, top) = ((320 - width) / 2, (240 - height) / 2);
        for (var y = 0; y < height; y++)
        {
            Array.Copy(rgb, y * width * 3, frame, (((top + y) * 320) + left) * 3, width * 3);
        }

        return frame;
    }
}
