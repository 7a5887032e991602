using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static FaceCompliance.Vision.Tests.Matching.GalleryData;

namespace FaceCompliance.Vision.Tests.Matching;

public class ConcurrencyTests
{
    [Fact]
    public void Concurrent_searches_return_what_a_lone_search_returns()
    {
        const int dimension = 128;
        var values = Gaussian(2000, dimension, seed: 41);
        using var gallery = Build(values, dimension, int8: true);
        var probes = Gaussian(16, dimension, seed: 42);
        var expected = Enumerable.Range(0, 16).Select(p => gallery.Search(probes.AsSpan(p * dimension, dimension), 5)).ToArray();
        var expectedInt8 = Enumerable.Range(0, 16).Select(p => gallery.Search(probes.AsSpan(p * dimension, dimension), 5, GalleryPrecision.Int8)).ToArray();

        var failures = new ConcurrentBag<string>();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var p = i % 16;
            var precision = i % 3 == 0 ? GalleryPrecision.Int8 : GalleryPrecision.Float32;
            var result = gallery.Search(probes.AsSpan(p * dimension, dimension), 5, precision);
            if (!result.SequenceEqual(precision == GalleryPrecision.Int8 ? expectedInt8[p] : expected[p]))
            {
                failures.Add($"search {i}");
            }
        });

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Searches_during_writes_see_the_gallery_before_or_after_each_write_never_between()
    {
        // A fixed base gallery, and a writer that keeps adding then removing an exact copy of the probe (which also
        // moves rows and grows the arrays). A search must return either the copy (similarity 1) or the base's own
        // best match (or an extra that beats it), with its exact score; never an exception, a torn row or a wrong id.
        const int dimension = 64;
        var values = Gaussian(300, dimension, seed: 43);
        using var gallery = Build(values, dimension, int8: true, initialCapacity: 300);
        var probe = Gaussian(1, dimension, seed: 44);
        var baseBest = gallery.Search(probe, 1)[0];

        var extra = Gaussian(50, dimension, seed: 45);
        using var extrasAlone = Build(extra, dimension);
        var extraScores = extrasAlone.Search(probe, 50).ToDictionary(m => "extra" + int.Parse(m.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), m => m.Similarity);

        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(() =>
        {
            // Pausing outside the lock after each write lets readers in at every state, not only where a write
            // happens to do work before taking the lock (Add normalises first; Remove does all its work inside).
            static void Pause() => Thread.SpinWait(500);

            while (!stop.IsCancellationRequested)
            {
                gallery.Add("copy", probe);
                Pause();
                for (var e = 0; e < 50; e++)
                {
                    gallery.Add("extra" + e, extra.AsSpan(e * dimension, dimension));
                    Pause();
                }

                gallery.Remove("copy");
                Pause();
                for (var e = 0; e < 50; e++)
                {
                    gallery.Remove("extra" + e);
                    Pause();
                }

                Interlocked.Increment(ref writes);
            }
        });

        var failures = new ConcurrentBag<string>();
        var sawCopy = 0;
        var sawBase = 0;
        var searches = 0;
        var readers = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            // At least 300 searches each, and until the writer has done 3 whole rounds.
            for (var i = 0; i < 300 || Volatile.Read(ref writes) < 3; i++)
            {
                Interlocked.Increment(ref searches);
                var result = gallery.Search(probe, 1)[0];
                if (result.Id == "copy" && Math.Abs(result.Similarity - 1) < 1e-5)
                {
                    Interlocked.Increment(ref sawCopy);
                }
                else if (result == baseBest
                    || (extraScores.TryGetValue(result.Id, out var score) && score == result.Similarity && score >= baseBest.Similarity))
                {
                    // The base best, or an extra that beats it, with its exact score (a state between whole writes).
                    Interlocked.Increment(ref sawBase);
                }
                else
                {
                    failures.Add($"{result}");
                }
            }
        })).ToArray();

        await Task.WhenAll(readers);
        await stop.CancelAsync();
        await writer;

        Assert.Empty(failures);
        Assert.True(writes >= 3);
        Assert.True(sawCopy > 0 && sawBase > 0, $"copy seen {sawCopy} times, base {sawBase} times");
        Assert.Equal(searches, sawCopy + sawBase);
        Assert.Equal(300, gallery.Count);
        Assert.Equal(baseBest, gallery.Search(probe, 1)[0]);
    }
}
