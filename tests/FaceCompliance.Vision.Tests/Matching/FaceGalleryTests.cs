using System;
using System.Linq;
using Xunit;
using static FaceCompliance.Vision.Tests.Matching.GalleryData;

namespace FaceCompliance.Vision.Tests.Matching;

public class FaceGalleryTests
{
    [Theory]
    [InlineData(1003, 512, 10)]
    [InlineData(1003, 512, 1)]
    [InlineData(517, 77, 25)]   // dimension with a scalar tail, rows not a multiple of 4
    [InlineData(6, 13, 4)]
    [InlineData(3, 512, 10)]    // fewer rows than a tile, k above the count
    public void Float32_top_k_equals_a_naive_double_reference(int rows, int dimension, int k)
    {
        var values = Gaussian(rows, dimension, seed: rows + dimension);
        using var gallery = Build(values, dimension);
        var probes = Gaussian(5, dimension, seed: 99);

        for (var p = 0; p < 5; p++)
        {
            var probe = probes.AsSpan(p * dimension, dimension);
            var expected = Reference(values, dimension, probe).Take(k).ToArray();

            var actual = gallery.Search(probe, k);

            Assert.Equal(expected.Select(e => Id(e.Row)), actual.Select(a => a.Id));
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Score, actual[i].Similarity, 5e-6);
            }
        }
    }

    [Theory]
    [InlineData(GalleryPrecision.Float32)]
    [InlineData(GalleryPrecision.Int8)]
    [InlineData(GalleryPrecision.Int8Rescored)]
    public void A_batch_returns_exactly_what_single_searches_return(GalleryPrecision precision)
    {
        const int dimension = 512;
        var values = Gaussian(1001, dimension, seed: 5);
        using var gallery = Build(values, dimension, int8: true);

        foreach (var probeCount in new[] { 1, 2, 3, 64, 65, 131 })
        {
            var probes = Gaussian(probeCount, dimension, seed: probeCount);

            var batch = gallery.SearchBatch(probes, 7, precision);

            Assert.Equal(probeCount, batch.Length);
            for (var p = 0; p < probeCount; p++)
            {
                var single = gallery.Search(probes.AsSpan(p * dimension, dimension), 7, precision);
                Assert.Equal(single, batch[p]); // ids and bit-identical similarities
            }
        }
    }

    [Theory]
    [InlineData(512)]
    [InlineData(45)]   // an odd number of vector blocks and a scalar tail
    public void Every_score_of_a_batch_is_bit_identical_to_single_searches_for_every_tail(int dimension)
    {
        // Rows 1..9: none, part of or one to two 4-row tiles, plus 0..3 leftover rows. Probes 1..7 and 64..67: every
        // remainder of 3 (triples plus zero, one or two pairs), ProbeBlock, and a block of 1 after it (65).
        var probeCounts = new[] { 1, 2, 3, 4, 5, 6, 7, 64, 65, 66, 67 };
        var probes = Gaussian(probeCounts.Max(), dimension, seed: 12);
        for (var rows = 1; rows <= 9; rows++)
        {
            using var gallery = Build(Gaussian(rows, dimension, seed: 100 + rows), dimension, int8: true);
            var singles = Enumerable.Range(0, probeCounts.Max())
                .Select(p => gallery.Search(probes.AsSpan(p * dimension, dimension), rows))
                .ToArray();
            foreach (var probeCount in probeCounts)
            {
                var batch = gallery.SearchBatch(probes.AsSpan(0, probeCount * dimension), rows); // k = rows: every score

                Assert.Equal(probeCount, batch.Length);
                for (var p = 0; p < probeCount; p++)
                {
                    Assert.Equal(singles[p].Select(m => m.Id), batch[p].Select(m => m.Id));
                    Assert.Equal(
                        singles[p].Select(m => BitConverter.SingleToInt32Bits(m.Similarity)),
                        batch[p].Select(m => BitConverter.SingleToInt32Bits(m.Similarity)));
                }
            }

            foreach (var precision in new[] { GalleryPrecision.Int8, GalleryPrecision.Int8Rescored })
            {
                var batch = gallery.SearchBatch(probes.AsSpan(0, 7 * dimension), rows, precision);
                for (var p = 0; p < 7; p++)
                {
                    Assert.Equal(gallery.Search(probes.AsSpan(p * dimension, dimension), rows, precision), batch[p]);
                }
            }
        }
    }

    [Fact]
    public void A_batch_with_a_tail_dimension_also_equals_single_searches()
    {
        const int dimension = 45;
        var values = Gaussian(203, dimension, seed: 6);
        using var gallery = Build(values, dimension, int8: true);
        var probes = Gaussian(9, dimension, seed: 7);

        foreach (var precision in new[] { GalleryPrecision.Float32, GalleryPrecision.Int8, GalleryPrecision.Int8Rescored })
        {
            var batch = gallery.SearchBatch(probes, 5, precision);
            for (var p = 0; p < 9; p++)
            {
                Assert.Equal(gallery.Search(probes.AsSpan(p * dimension, dimension), 5, precision), batch[p]);
            }
        }
    }

    [Fact]
    public void Templates_and_probes_are_normalised_so_scale_does_not_matter()
    {
        using var gallery = new FaceGallery(3);
        gallery.Add("a", [3, 0, 4]);
        gallery.Add("b", [0, 10, 0]);

        var result = gallery.Search([30, 0, 40], 2);

        Assert.Equal("a", result[0].Id);
        Assert.Equal(1f, result[0].Similarity, 6);
        Assert.Equal("b", result[1].Id);
        Assert.Equal(0f, result[1].Similarity, 6);
        var opposite = gallery.Search([-3, 0, -4], 2)[1];
        Assert.Equal("a", opposite.Id);
        Assert.Equal(-1f, opposite.Similarity, 6);
    }

    [Fact]
    public void Equal_similarities_come_in_insertion_order_and_k_above_the_count_returns_all()
    {
        using var gallery = new FaceGallery(2);
        gallery.Add("first", [1, 1]);
        gallery.Add("other", [1, -1]);
        gallery.Add("second", [2, 2]);
        gallery.Add("third", [0.5f, 0.5f]);

        var result = gallery.Search([1, 1], 10);

        Assert.Equal(new[] { "first", "second", "third", "other" }, result.Select(r => r.Id));
    }

    [Fact]
    public void Remove_moves_the_last_row_erases_the_vacated_one_and_search_still_finds_everyone()
    {
        const int dimension = 64;
        var values = Gaussian(10, dimension, seed: 8);
        using var gallery = Build(values, dimension, int8: true, initialCapacity: 16);

        Assert.True(gallery.Remove(Id(3)));
        Assert.False(gallery.Remove(Id(3)));
        Assert.False(gallery.Contains(Id(3)));
        Assert.Equal(9, gallery.Count);

        // Row 9 moved into row 3; the old row 9 is zeros in both copies.
        Assert.All(gallery.VectorBufferForTests.AsSpan(9 * dimension, dimension).ToArray(), v => Assert.Equal(0f, v));
        Assert.All(gallery.CodeBufferForTests!.AsSpan(9 * dimension, dimension).ToArray(), v => Assert.Equal(0, v));

        for (var r = 0; r < 10; r++)
        {
            var probe = values.AsSpan(r * dimension, dimension);
            foreach (var precision in new[] { GalleryPrecision.Float32, GalleryPrecision.Int8, GalleryPrecision.Int8Rescored })
            {
                var best = gallery.Search(probe, 1, precision)[0];
                if (r == 3)
                {
                    Assert.NotEqual(Id(3), best.Id);
                    Assert.True(best.Similarity < 0.6f);
                }
                else
                {
                    Assert.Equal(Id(r), best.Id);
                    Assert.Equal(1f, best.Similarity, 2);
                }
            }
        }

        // The id can be used again.
        gallery.Add(Id(3), values.AsSpan(3 * dimension, dimension));
        Assert.Equal(Id(3), gallery.Search(values.AsSpan(3 * dimension, dimension), 1)[0].Id);
    }

    [Fact]
    public void Removing_the_only_and_the_last_entries_works()
    {
        using var gallery = new FaceGallery(2);
        gallery.Add("a", [1, 0]);
        gallery.Add("b", [0, 1]);

        Assert.True(gallery.Remove("b"));
        Assert.Equal("a", gallery.Search([0, 1], 5).Single().Id);
        Assert.True(gallery.Remove("a"));
        Assert.Equal(0, gallery.Count);
        Assert.Throws<InvalidOperationException>(() => gallery.Search([1, 0], 1));
    }

    [Fact]
    public void Clear_and_Dispose_erase_the_templates()
    {
        var values = Gaussian(40, 32, seed: 9);
        var gallery = Build(values, 32, int8: true);
        var vectors = gallery.VectorBufferForTests;
        var codes = gallery.CodeBufferForTests!;

        gallery.Clear();

        Assert.Equal(0, gallery.Count);
        Assert.All(vectors, v => Assert.Equal(0f, v));
        Assert.All(codes, v => Assert.Equal(0, v));
        Assert.False(gallery.Contains(Id(0)));

        gallery.Add("again", values.AsSpan(0, 32));
        vectors = gallery.VectorBufferForTests;
        gallery.Dispose();
        gallery.Dispose();

        Assert.All(vectors, v => Assert.Equal(0f, v));
        Assert.Throws<ObjectDisposedException>(() => gallery.Search(values.AsSpan(0, 32), 1));
        Assert.Throws<ObjectDisposedException>(() => gallery.Add("x", values.AsSpan(0, 32)));
    }

    [Fact]
    public void Growing_erases_the_old_buffer()
    {
        using var gallery = new FaceGallery(8, keepInt8Copy: true, initialCapacity: 2);
        gallery.Add("a", [1, 2, 3, 4, 5, 6, 7, 8]);
        gallery.Add("b", [8, 7, 6, 5, 4, 3, 2, 1]);
        var old = gallery.VectorBufferForTests;
        var oldCodes = gallery.CodeBufferForTests!;

        gallery.Add("c", [1, 0, 0, 0, 0, 0, 0, 0]);

        Assert.NotSame(old, gallery.VectorBufferForTests);
        Assert.All(old, v => Assert.Equal(0f, v));
        Assert.All(oldCodes, v => Assert.Equal(0, v));
        Assert.Equal(new[] { "a", "b", "c" }, gallery.Search([1, 2, 3, 4, 5, 6, 7, 8], 3).Select(m => m.Id));
    }

    [Fact]
    public void FaceTemplate_overloads_match_the_span_ones()
    {
        var values = Gaussian(20, 16, seed: 10);
        using var gallery = new FaceGallery(16);
        for (var r = 0; r < 20; r++)
        {
            gallery.Add(Id(r), new FaceTemplate(values.AsSpan(r * 16, 16)));
        }

        var probes = Gaussian(3, 16, seed: 11);
        var templates = Enumerable.Range(0, 3).Select(p => new FaceTemplate(probes.AsSpan(p * 16, 16))).ToArray();

        Assert.Equal(gallery.Search(probes.AsSpan(0, 16), 4), gallery.Search(templates[0], 4));
        var batch = gallery.SearchBatch(templates, 4);
        Assert.Equal(gallery.SearchBatch(probes, 4), batch);
    }

    [Fact]
    public void Clear_errors_for_bad_input()
    {
        using var gallery = new FaceGallery(4);
        using var int8Less = new FaceGallery(4);
        int8Less.Add("x", [1, 2, 3, 4]);

        Assert.Contains("has 3 values; this gallery holds 4-value templates", Assert.Throws<ArgumentException>(() => gallery.Add("a", [1, 2, 3])).Message, StringComparison.Ordinal);
        Assert.Contains("Value 2 of the template is NaN", Assert.Throws<ArgumentException>(() => gallery.Add("a", [1, 2, float.NaN, 4])).Message, StringComparison.Ordinal);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => gallery.Add("a", [1, float.PositiveInfinity, 0, 4])).Message, StringComparison.Ordinal);
        Assert.Contains("all zeros", Assert.Throws<ArgumentException>(() => gallery.Add("a", [0, 0, 0, 0])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => gallery.Add("", [1, 2, 3, 4]));
        Assert.Throws<ArgumentNullException>(() => gallery.Add(null!, [1, 2, 3, 4]));
        Assert.Equal(0, gallery.Count); // nothing half-added

        Assert.Contains("empty", Assert.Throws<InvalidOperationException>(() => gallery.Search([1, 2, 3, 4], 1)).Message, StringComparison.Ordinal);
        gallery.Add("a", [1, 2, 3, 4]);
        Assert.Contains("already holds a template with id 'a'", Assert.Throws<ArgumentException>(() => gallery.Add("a", [4, 3, 2, 1])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => gallery.Search([1, 2, 3, 4], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => gallery.Search([1, 2, 3, 4], -3));
        Assert.Throws<ArgumentOutOfRangeException>(() => gallery.Search([1, 2, 3, 4], 1, (GalleryPrecision)7));
        Assert.Throws<ArgumentException>(() => gallery.Search([1, 2, 3], 1));
        Assert.Throws<ArgumentException>(() => gallery.Search([1, 2, float.NaN, 4], 1));
        Assert.Throws<ArgumentException>(() => gallery.Search([0, 0, 0, 0], 1));
        Assert.Contains("keepInt8Copy", Assert.Throws<InvalidOperationException>(() => int8Less.Search([1, 2, 3, 4], 1, GalleryPrecision.Int8)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => int8Less.SearchBatch([1, 2, 3, 4], 1, GalleryPrecision.Int8Rescored));

        Assert.Contains("not a multiple of 4", Assert.Throws<ArgumentException>(() => gallery.SearchBatch([1, 2, 3, 4, 5], 1)).Message, StringComparison.Ordinal);
        Assert.Contains("probe 1", Assert.Throws<ArgumentException>(() => gallery.SearchBatch([1, 2, 3, 4, 0, 0, 0, 0], 1)).ParamName, StringComparison.Ordinal);
        Assert.Empty(gallery.SearchBatch(ReadOnlySpan<float>.Empty, 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => new FaceGallery(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaceGallery(FaceTemplate.MaxDimension + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaceGallery(4, initialCapacity: -1));
    }
}
