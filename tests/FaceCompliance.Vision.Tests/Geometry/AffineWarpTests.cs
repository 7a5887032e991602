using System;
using System.IO;
using System.Linq;
using System.Numerics;
using FaceCompliance.Vision.Tests.Imaging;
using Xunit;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Geometry;

public class AffineWarpTests
{
    [Fact]
    public void The_identity_copies_the_top_left_of_the_image()
    {
        var rgb = ImageOpsTests.RandomImage(150, 130, seed: 21);
        var crop = new byte[112 * 112 * 3];

        AffineWarp.Warp(rgb, 150, 130, SimilarityTransform.Identity, crop, 112, 112);

        for (var y = 0; y < 112; y++)
        {
            Assert.True(crop.AsSpan(y * 112 * 3, 112 * 3).SequenceEqual(rgb.AsSpan(y * 150 * 3, 112 * 3)), $"row {y}");
        }
    }

    [Fact]
    public void An_integer_translation_shifts_pixels_and_leaves_black_where_nothing_maps()
    {
        var rgb = ImageOpsTests.RandomImage(20, 10, seed: 22);
        var output = new byte[20 * 10 * 3];

        // Source (x, y) lands at (x + 5, y - 3).
        AffineWarp.Warp(rgb, 20, 10, new SimilarityTransform(1, 0, 5, -3), output, 20, 10);

        for (var y = 0; y < 10; y++)
        {
            for (var x = 0; x < 20; x++)
            {
                var sx = x - 5;
                var sy = y + 3;
                var inside = sx >= 0 && sy < 10;
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(inside ? rgb[(((sy * 20) + sx) * 3) + c] : 0, output[(((y * 20) + x) * 3) + c]);
                }
            }
        }
    }

    [Fact]
    public void A_rotated_scaled_warp_matches_a_reference_with_black_borders()
    {
        var rgb = ImageOpsTests.RandomImage(60, 50, seed: 23);
        var t = SimilarityTransform.FromScaleRotation(1.7, 0.6, 20, -15);
        var output = new byte[112 * 112 * 3];

        AffineWarp.Warp(rgb, 60, 50, t, output, 112, 112);

        var inverse = t.Inverse();
        var blackSeen = 0;
        for (var y = 0; y < 112; y++)
        {
            for (var x = 0; x < 112; x++)
            {
                var (sx, sy) = inverse.Apply(x, y);
                for (var c = 0; c < 3; c++)
                {
                    var expected = ReferenceSample(rgb, 60, 50, sx, sy, c);
                    Assert.InRange(output[(((y * 112) + x) * 3) + c] - expected, -0.5001, 0.5001);
                }

                if (sx < -1 || sy < -1 || sx > 60 || sy > 50)
                {
                    blackSeen++;
                    Assert.Equal(0, output[((y * 112) + x) * 3]);
                }
            }
        }

        Assert.True(blackSeen > 1000);
    }

    [Fact]
    public void Alignment_puts_five_marked_points_of_a_synthetic_face_on_the_reference_points()
    {
        // A gray image with five bright 3x3 dots where a rotated, scaled face's landmarks would be.
        const int width = 400, height = 300;
        var known = SimilarityTransform.FromScaleRotation(2.3, -0.35, 120, 40);
        var landmarks = SimilarityTransform.ArcFaceReference.ToArray().Select(known.Apply).ToArray();
        var rgb = Enumerable.Repeat((byte)60, width * height * 3).ToArray();
        foreach (var p in landmarks)
        {
            var cx = (int)MathF.Round(p.X);
            var cy = (int)MathF.Round(p.Y);
            for (var dy = -3; dy <= 3; dy++)
            {
                for (var dx = -3; dx <= 3; dx++)
                {
                    rgb.AsSpan((((cy + dy) * width) + cx + dx) * 3, 3).Fill(250);
                }
            }
        }

        var crop = new byte[112 * 112 * 3];
        var t = AffineWarp.AlignToArcFace(rgb, width, height, landmarks, crop);

        Assert.Equal(1 / 2.3, t.Scale, 4);
        foreach (var r in SimilarityTransform.ArcFaceReference)
        {
            // The dot (7 px in the image, about 3 px in the crop) is bright at the reference point.
            var x = (int)MathF.Round(r.X);
            var y = (int)MathF.Round(r.Y);
            Assert.True(crop[((y * 112) + x) * 3] > 200, $"reference point ({r.X}, {r.Y})");
        }

        // And the background between the eyes is not.
        Assert.Equal(60, crop[((40 * 112) + 56) * 3]);
    }

    [Fact]
    public void Aligns_a_real_photo_with_its_detected_point_positions()
    {
        // Not a model test: it checks the warp on real pixels, with hand-placed landmarks, reads no memory out of
        // range and produces a plausible crop (not black, not constant).
        using var image = PpmReader.ReadFile(Path.Combine(VisionPaths.Faces, "ppm", "identities", "sheldon1.ppm"));
        Vector2[] landmarks = [new(52, 66), new(98, 66), new(75, 92), new(56, 116), new(94, 116)];
        var crop = new byte[112 * 112 * 3];

        var t = AffineWarp.AlignToArcFace(image.Pixels, image.Width, image.Height, landmarks, crop);

        Assert.InRange(t.Scale, 0.6, 0.9);
        Assert.True(crop.Count(b => b == 0) < crop.Length / 10);
        Assert.True(crop.Distinct().Count() > 100);
    }

    [Fact]
    public void Refuses_bad_buffers()
    {
        var rgb = new byte[12];
        Assert.Throws<ArgumentException>(() => AffineWarp.Warp(rgb, 2, 3, SimilarityTransform.Identity, new byte[12], 2, 2));
        Assert.Throws<ArgumentException>(() => AffineWarp.Warp(rgb, 2, 2, SimilarityTransform.Identity, new byte[11], 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => AffineWarp.Warp(rgb, 2, 2, SimilarityTransform.Identity, new byte[12], 0, 2));
        Assert.Throws<InvalidOperationException>(() => AffineWarp.Warp(rgb, 2, 2, new SimilarityTransform(0, 0, 0, 0), new byte[12], 2, 2));
    }

    /// <summary>Bilinear with zero outside, in double, as OpenCV's BORDER_CONSTANT.</summary>
    private static double ReferenceSample(byte[] rgb, int width, int height, double sx, double sy, int c)
    {
        var x0 = (int)Math.Floor(sx);
        var y0 = (int)Math.Floor(sy);
        var fx = sx - x0;
        var fy = sy - y0;
        double P(int x, int y) => x >= 0 && y >= 0 && x < width && y < height ? rgb[(((y * width) + x) * 3) + c] : 0;
        return ((1 - fy) * (((1 - fx) * P(x0, y0)) + (fx * P(x0 + 1, y0)))) + (fy * (((1 - fx) * P(x0, y0 + 1)) + (fx * P(x0 + 1, y0 + 1))));
    }
}
