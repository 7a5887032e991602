using System;
using System.Linq;

namespace FaceCompliance.Vision.Tests.Matching;

/// <summary>Seeded random templates and a naive reference search, in double precision.</summary>
internal static class GalleryData
{
    /// <summary><paramref name="count"/> × <paramref name="dimension"/> Gaussian values, not normalised (the gallery normalises).</summary>
    public static float[] Gaussian(int count, int dimension, int seed, double scale = 1)
    {
        var random = new Random(seed);
        var values = new float[count * dimension];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return values;
    }

    /// <summary>Probes near chosen gallery rows: normalised row + Gaussian noise of norm about <paramref name="noise"/>.</summary>
    public static float[] NoisyCopies(float[] gallery, int dimension, int[] rows, double noise, int seed)
    {
        var jitter = Gaussian(rows.Length, dimension, seed, noise / Math.Sqrt(dimension));
        var probes = new float[rows.Length * dimension];
        for (var p = 0; p < rows.Length; p++)
        {
            var source = gallery.AsSpan(rows[p] * dimension, dimension);
            var norm = Math.Sqrt(source.ToArray().Sum(v => (double)v * v));
            for (var i = 0; i < dimension; i++)
            {
                probes[(p * dimension) + i] = (float)(source[i] / norm) + jitter[(p * dimension) + i];
            }
        }

        return probes;
    }

    public static string Id(int row) => "t" + row.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static FaceGallery Build(float[] values, int dimension, bool int8 = false, int initialCapacity = 0)
    {
        var gallery = new FaceGallery(dimension, int8, initialCapacity);
        for (var r = 0; r < values.Length / dimension; r++)
        {
            gallery.Add(Id(r), values.AsSpan(r * dimension, dimension));
        }

        return gallery;
    }

    /// <summary>Cosine similarity of every row with the probe, in double, sorted best first (ties: lower row first).</summary>
    public static (int Row, double Score)[] Reference(float[] values, int dimension, ReadOnlySpan<float> probe)
    {
        var p = probe.ToArray();
        var pn = Math.Sqrt(p.Sum(v => (double)v * v));
        var count = values.Length / dimension;
        var scores = new (int Row, double Score)[count];
        for (var r = 0; r < count; r++)
        {
            double dot = 0, norm = 0;
            for (var i = 0; i < dimension; i++)
            {
                double x = values[(r * dimension) + i];
                dot += x * p[i];
                norm += x * x;
            }

            scores[r] = (r, dot / (Math.Sqrt(norm) * pn));
        }

        return scores.OrderByDescending(s => s.Score).ThenBy(s => s.Row).ToArray();
    }
}
