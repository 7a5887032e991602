using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using static FaceCompliance.Vision.Tests.Matching.GalleryData;

namespace FaceCompliance.Vision.Tests.Matching;

public class Int8Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(512)]
    [InlineData(96)]   // one 64-byte step and one 32-byte step
    [InlineData(100)]  // and a scalar tail
    [InlineData(77)]
    [InlineData(33)]
    [InlineData(16)]
    [InlineData(15)]
    [InlineData(1)]
    public void Avx2_portable_and_scalar_int8_dot_products_are_the_same_integers(int dimension)
    {
        var random = new Random(dimension);
        var rows = new sbyte[4 * dimension];
        var probe0 = new sbyte[dimension];
        var probe1 = new sbyte[dimension];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (sbyte)random.Next(-127, 128);
        }

        for (var i = 0; i < dimension; i++)
        {
            probe0[i] = (sbyte)random.Next(-127, 128);
            probe1[i] = (sbyte)random.Next(-127, 128);
        }

        // The extremes: all products +127^2 (pairs summed in 16 bits must not overflow), all -127^2, and zeros.
        rows.AsSpan(0, dimension).Fill(-127);
        probe1.AsSpan().Fill(-127);
        rows.AsSpan(dimension, dimension).Fill(127);
        rows.AsSpan(2 * dimension, Math.Min(dimension, 5)).Clear();

        var wide0 = probe0.Select(v => (short)v).ToArray();
        var wide1 = probe1.Select(v => (short)v).ToArray();
        var naive = new int[8];
        for (var r = 0; r < 4; r++)
        {
            for (var i = 0; i < dimension; i++)
            {
                naive[r] += rows[(r * dimension) + i] * probe0[i];
                naive[4 + r] += rows[(r * dimension) + i] * probe1[i];
            }
        }

        Assert.Equal(127 * 127 * dimension, naive[4]);
        Assert.Equal(-127 * 127 * dimension, naive[5]);
        foreach (var avx2 in new[] { true, false })
        {
            var dots = new int[8];
            ScanKernels.DotInt8x4x2(ref rows[0], ref wide0[0], ref wide1[0], dimension, dots, avx2);
            Assert.Equal(naive, dots);

            for (var r = 0; r < 4; r++)
            {
                Assert.Equal(naive[r], ScanKernels.DotInt8(ref rows[r * dimension], ref probe0[0], ref wide0[0], dimension, avx2));
                Assert.Equal(naive[4 + r], ScanKernels.DotInt8(ref rows[r * dimension], ref probe1[0], ref wide1[0], dimension, avx2));
            }
        }
    }

    [Theory]
    [InlineData(512)]
    [InlineData(24)]
    [InlineData(13)]
    [InlineData(3)]
    public void The_fp32_tile_kernel_computes_each_pair_exactly_as_the_one_row_kernel(int dimension)
    {
        var rows = GalleryData.Gaussian(4, dimension, seed: dimension);
        var probes = GalleryData.Gaussian(2, dimension, seed: dimension + 1);
        var scores = new float[8];

        ScanKernels.Dot4x2(ref rows[0], ref probes[0], ref probes[dimension], dimension, scores);

        for (var p = 0; p < 2; p++)
        {
            for (var r = 0; r < 4; r++)
            {
                var one = ScanKernels.Dot1x1(ref rows[r * dimension], ref probes[p * dimension], dimension);
                Assert.Equal(BitConverter.SingleToInt32Bits(one), BitConverter.SingleToInt32Bits(scores[(p * 4) + r]));
                var reference = Enumerable.Range(0, dimension).Sum(i => (double)rows[(r * dimension) + i] * probes[(p * dimension) + i]);
                Assert.Equal(reference, one, 1e-3);
            }
        }
    }

    [Theory]
    [InlineData(512)]
    [InlineData(45)]   // an odd number of vector blocks (the last one unpaired) and a scalar tail
    [InlineData(24)]
    [InlineData(16)]
    [InlineData(13)]
    [InlineData(3)]
    public void The_fp32_three_probe_tile_computes_each_pair_exactly_as_the_one_row_kernel(int dimension)
    {
        var rows = GalleryData.Gaussian(4, dimension, seed: dimension);
        var probes = GalleryData.Gaussian(3, dimension, seed: dimension + 2);
        var scores = new float[12];

        ScanKernels.Dot4x3(ref rows[0], ref probes[0], ref probes[dimension], ref probes[2 * dimension], dimension, scores);

        for (var p = 0; p < 3; p++)
        {
            for (var r = 0; r < 4; r++)
            {
                var one = ScanKernels.Dot1x1(ref rows[r * dimension], ref probes[p * dimension], dimension);
                Assert.Equal(BitConverter.SingleToInt32Bits(one), BitConverter.SingleToInt32Bits(scores[(p * 4) + r]));
            }
        }
    }

    [Fact]
    public void Quantisation_is_symmetric_with_one_scale_and_half_a_step_of_error()
    {
        var values = Gaussian(1, 512, seed: 3);
        var norm = (float)Math.Sqrt(values.Sum(v => (double)v * v));
        var normalised = values.Select(v => v / norm).ToArray();
        var codes = new sbyte[512];

        var scale = FaceGallery.Quantise(normalised, codes);

        Assert.Equal(normalised.Max(MathF.Abs) / 127, scale, 6);
        Assert.Equal(127, codes.Max(c => Math.Abs((int)c)));
        Assert.DoesNotContain((sbyte)-128, codes);
        for (var i = 0; i < 512; i++)
        {
            Assert.InRange(Math.Abs((codes[i] * scale) - normalised[i]), 0, (scale / 2) + 1e-7);
        }

        // Negating the input negates the codes exactly (symmetric).
        var negated = new sbyte[512];
        FaceGallery.Quantise(normalised.Select(v => -v).ToArray(), negated);
        Assert.Equal(codes.Select(c => (sbyte)-c), negated);
    }

    [Fact]
    public void Int8_top_1_agrees_with_fp32_on_well_separated_512d_neighbours()
    {
        const int dimension = 512, rows = 10_000, probeCount = 1_000;
        var values = Gaussian(rows, dimension, seed: 21);
        using var gallery = Build(values, dimension, int8: true);
        var random = new Random(22);
        var targets = Enumerable.Range(0, probeCount).Select(_ => random.Next(rows)).ToArray();

        // Noise of norm 1.2 on a unit vector: the true neighbour's cosine is about 0.64, the best impostor's about 0.2.
        var probes = NoisyCopies(values, dimension, targets, noise: 1.2, seed: 23);

        var fp32 = gallery.SearchBatch(probes, 10);
        var int8 = gallery.SearchBatch(probes, 10, GalleryPrecision.Int8);
        var rescored = gallery.SearchBatch(probes, 10, GalleryPrecision.Int8Rescored);

        var top1 = Enumerable.Range(0, probeCount).Count(p => fp32[p][0].Id == int8[p][0].Id);
        var correct = Enumerable.Range(0, probeCount).Count(p => fp32[p][0].Id == Id(targets[p]));
        var top10Overlap = Enumerable.Range(0, probeCount).Average(p => fp32[p].Select(m => m.Id).Intersect(int8[p].Select(m => m.Id)).Count() / 10.0);
        var maxError = Enumerable.Range(0, probeCount).Max(p => Math.Abs(fp32[p][0].Similarity - int8[p].First(m => m.Id == fp32[p][0].Id).Similarity));
        var rescoredEqual = Enumerable.Range(0, probeCount).Count(p => fp32[p].SequenceEqual(rescored[p]));
        output.WriteLine($"well separated: fp32 finds the source {correct}/{probeCount}; int8 top-1 = fp32 top-1 {top1}/{probeCount}; top-10 overlap {top10Overlap:P2}; max |int8 - fp32| of the top-1 score {maxError:F5}; int8-rescored = fp32 top-10 exactly {rescoredEqual}/{probeCount}");

        Assert.Equal(probeCount, correct);
        Assert.True(top1 >= 0.99 * probeCount, $"int8 top-1 agreement {top1}/{probeCount}");
        Assert.True(maxError < 0.01, $"max int8 error {maxError}");
        Assert.True(rescoredEqual >= 0.99 * probeCount, $"rescored top-10 equal {rescoredEqual}/{probeCount}");
        Assert.All(Enumerable.Range(0, probeCount), p => Assert.Equal(fp32[p][0], rescored[p][0]));
    }

    [Fact]
    public void Int8_on_unrelated_random_probes_is_reported_and_its_scores_stay_close()
    {
        // The hard case: the nearest of 10,000 random vectors is barely ahead of the next, so int8 rounding can swap them.
        const int dimension = 512, rows = 10_000, probeCount = 300;
        var values = Gaussian(rows, dimension, seed: 31);
        using var gallery = Build(values, dimension, int8: true);
        var probes = Gaussian(probeCount, dimension, seed: 32);

        var fp32 = gallery.SearchBatch(probes, 1);
        var int8 = gallery.SearchBatch(probes, 1, GalleryPrecision.Int8);
        var rescored = gallery.SearchBatch(probes, 1, GalleryPrecision.Int8Rescored);

        var agree = Enumerable.Range(0, probeCount).Count(p => fp32[p][0].Id == int8[p][0].Id);
        var rescoredAgree = Enumerable.Range(0, probeCount).Count(p => fp32[p][0] == rescored[p][0]);
        output.WriteLine($"random probes: int8 top-1 = fp32 top-1 {agree}/{probeCount}; int8-rescored {rescoredAgree}/{probeCount}");

        // Agreeing or not, the int8 best score is within the int8 error of the fp32 best score.
        for (var p = 0; p < probeCount; p++)
        {
            Assert.InRange(Math.Abs(int8[p][0].Similarity - fp32[p][0].Similarity), 0, 0.01);
        }

        Assert.True(rescoredAgree >= agree);
        Assert.True(rescoredAgree >= 0.99 * probeCount, $"rescored agreement {rescoredAgree}/{probeCount}");
    }
}
