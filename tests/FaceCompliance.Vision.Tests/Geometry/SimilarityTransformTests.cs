using System;
using System.Linq;
using System.Numerics;
using Xunit;

namespace FaceCompliance.Vision.Tests.Geometry;

public class SimilarityTransformTests
{
    private static readonly Vector2[] Reference = SimilarityTransform.ArcFaceReference.ToArray();

    [Fact]
    public void The_reference_points_are_the_standard_arcface_112_points()
    {
        Assert.Equal(
            new[] { new Vector2(38.2946f, 51.6963f), new Vector2(73.5318f, 51.5014f), new Vector2(56.0252f, 71.7366f), new Vector2(41.5493f, 92.3655f), new Vector2(70.7299f, 92.2041f) },
            Reference);
        Assert.Equal(112, SimilarityTransform.ArcFaceCropSize);
    }

    [Fact]
    public void Reference_points_onto_themselves_is_the_identity()
    {
        var t = SimilarityTransform.EstimateToArcFace(Reference);

        Assert.Equal(1, t.A, 6);
        Assert.Equal(0, t.B, 6);
        Assert.Equal(0, t.TranslateX, 4);
        Assert.Equal(0, t.TranslateY, 4);
        Assert.True(t.RootMeanSquareError(Reference, Reference) < 1e-4);
    }

    [Theory]
    [InlineData(2.5, 30, 100, -40)]
    [InlineData(0.4, -75, -3, 12)]
    [InlineData(1.0, 179, 0, 0)]
    [InlineData(3.7, -120, 250.5, 80.25)]
    public void Recovers_a_known_scale_rotation_and_translation_exactly(double scale, double degrees, double tx, double ty)
    {
        var known = SimilarityTransform.FromScaleRotation(scale, degrees * Math.PI / 180, tx, ty);
        var detected = Reference.Select(known.Apply).ToArray();

        var estimated = SimilarityTransform.Estimate(Reference, detected);

        Assert.Equal(known.A, estimated.A, 5);
        Assert.Equal(known.B, estimated.B, 5);
        Assert.Equal(known.TranslateX, estimated.TranslateX, 3);
        Assert.Equal(known.TranslateY, estimated.TranslateY, 3);
        Assert.Equal(scale, estimated.Scale, 5);
        Assert.Equal(degrees * Math.PI / 180, estimated.RotationRadians, 5);

        // And the alignment direction: from the detected landmarks back to the reference, the inverse.
        var align = SimilarityTransform.EstimateToArcFace(detected);
        var inverse = known.Inverse();
        Assert.Equal(inverse.A, align.A, 5);
        Assert.Equal(inverse.B, align.B, 5);
        Assert.Equal(inverse.TranslateX, align.TranslateX, 2);
        Assert.Equal(inverse.TranslateY, align.TranslateY, 2);
        Assert.True(align.RootMeanSquareError(detected, Reference) < 1e-3);
    }

    [Fact]
    public void With_noise_it_is_the_least_squares_optimum_of_the_normal_equations()
    {
        var random = new Random(11);
        var known = SimilarityTransform.FromScaleRotation(1.8, 0.3, 40, 25);
        for (var trial = 0; trial < 50; trial++)
        {
            var detected = Reference.Select(p => known.Apply(p) + new Vector2((float)Gaussian(random, 2), (float)Gaussian(random, 2))).ToArray();

            var t = SimilarityTransform.Estimate(Reference, detected);
            var reference = SolveNormalEquations(Reference, detected);

            Assert.Equal(reference[0], t.A, 6);
            Assert.Equal(reference[1], t.B, 6);
            Assert.Equal(reference[2], t.TranslateX, 4);
            Assert.Equal(reference[3], t.TranslateY, 4);
        }
    }

    [Fact]
    public void With_noise_the_residual_tracks_the_noise_and_any_perturbation_makes_it_worse()
    {
        var random = new Random(12);
        var known = SimilarityTransform.FromScaleRotation(2.2, -0.5, 10, 300);
        foreach (var sigma in new[] { 0.0, 0.5, 2.0, 5.0 })
        {
            double sum = 0;
            for (var trial = 0; trial < 200; trial++)
            {
                var detected = Reference.Select(p => known.Apply(p) + new Vector2((float)Gaussian(random, sigma), (float)Gaussian(random, sigma))).ToArray();
                var t = SimilarityTransform.Estimate(Reference, detected);
                var rms = t.RootMeanSquareError(Reference, detected);
                sum += rms;

                // Optimal: no parameter nudge lowers the residual, and the true transform fits no better.
                Assert.True(rms <= known.RootMeanSquareError(Reference, detected) + 1e-9);
                foreach (var nudge in new[] { t with { A = t.A + 1e-3 }, t with { B = t.B - 1e-3 }, t with { TranslateX = t.TranslateX + 0.05 }, t with { TranslateY = t.TranslateY - 0.05 } })
                {
                    Assert.True(nudge.RootMeanSquareError(Reference, detected) >= rms - 1e-9);
                }
            }

            // 10 coordinates, 4 parameters fitted: E[rms^2] = sigma^2 * 2 * (5 - 2) / 5.
            var mean = sum / 200;
            var expected = sigma * Math.Sqrt(6.0 / 5);
            Assert.InRange(mean, (expected * 0.8) - 1e-4, (expected * 1.1) + 1e-4);
        }
    }

    [Fact]
    public void Mirrored_points_give_a_proper_rotation_not_a_reflection()
    {
        var mirrored = Reference.Select(p => new Vector2(112 - p.X, p.Y)).ToArray();

        var t = SimilarityTransform.Estimate(Reference, mirrored);

        // A similarity has det = A^2 + B^2 > 0 by construction; the fit cannot undo the mirror, so it is poor
        // but still the best proper one (checked against the normal equations).
        var reference = SolveNormalEquations(Reference, mirrored);
        Assert.Equal(reference[0], t.A, 6);
        Assert.Equal(reference[1], t.B, 6);
        Assert.True(t.RootMeanSquareError(Reference, mirrored) > 5);
    }

    [Fact]
    public void Inverse_and_apply_round_trip()
    {
        var t = SimilarityTransform.FromScaleRotation(0.7, 2.0, -13, 99);
        var inverse = t.Inverse();

        foreach (var p in Reference)
        {
            var back = inverse.Apply(t.Apply(p));
            Assert.Equal(p.X, back.X, 3);
            Assert.Equal(p.Y, back.Y, 3);
        }

        Assert.Equal(1 / 0.7, inverse.Scale, 9);
        Assert.Throws<InvalidOperationException>(() => new SimilarityTransform(0, 0, 1, 1).Inverse());
    }

    [Fact]
    public void Refuses_bad_point_sets()
    {
        Assert.Contains("5 landmarks", Assert.Throws<ArgumentException>(() => SimilarityTransform.EstimateToArcFace(Reference[..4])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(Reference, Reference[..4]));
        Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(Reference[..1], Reference[..1]));
        Assert.Contains("coincide", Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(Enumerable.Repeat(new Vector2(50, 60), 5).ToArray(), Reference)).Message, StringComparison.Ordinal);
        var withNaN = Reference.ToArray();
        withNaN[2] = new Vector2(float.NaN, 1);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => SimilarityTransform.EstimateToArcFace(withNaN)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SimilarityTransform.FromScaleRotation(0, 0, 0, 0));
    }

    /// <summary>The linear least squares over (a, b, tx, ty) solved by Gaussian elimination: an independent reference.</summary>
    private static double[] SolveNormalEquations(Vector2[] source, Vector2[] destination)
    {
        // Rows: [x, -y, 1, 0] -> u ; [y, x, 0, 1] -> v
        var m = new double[4, 5];
        for (var i = 0; i < source.Length; i++)
        {
            double x = source[i].X, y = source[i].Y;
            var rows = new[] { (new[] { x, -y, 1, 0 }, (double)destination[i].X), (new[] { y, x, 0, 1.0 }, (double)destination[i].Y) };
            foreach (var (r, rhs) in rows)
            {
                for (var a = 0; a < 4; a++)
                {
                    for (var b = 0; b < 4; b++)
                    {
                        m[a, b] += r[a] * r[b];
                    }

                    m[a, 4] += r[a] * rhs;
                }
            }
        }

        for (var col = 0; col < 4; col++)
        {
            var pivot = Enumerable.Range(col, 4 - col).MaxBy(r => Math.Abs(m[r, col]));
            for (var k = 0; k < 5; k++)
            {
                (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            }

            for (var r = 0; r < 4; r++)
            {
                if (r != col)
                {
                    var f = m[r, col] / m[col, col];
                    for (var k = 0; k < 5; k++)
                    {
                        m[r, k] -= f * m[col, k];
                    }
                }
            }
        }

        return Enumerable.Range(0, 4).Select(i => m[i, 4] / m[i, i]).ToArray();
    }

    internal static double Gaussian(Random random, double sigma) =>
        sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
