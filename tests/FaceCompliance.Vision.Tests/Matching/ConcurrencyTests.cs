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
        // A fixed base gallery, and a writer that adds then removes an exact copy of the probe, with 50 extras (which
        // also moves rows and grows the arrays). A search must return either the copy (similarity 1) or the base's own
        // best match (or an extra that beats it), with its exact score; never an exception, a torn row or a wrong id.
        const int dimension = 64;
        var values = Gaussian(300, dimension, seed: 43);
        using var gallery = Build(values, dimension, int8: true, initialCapacity: 300);
        var probe = Gaussian(1, dimension, seed: 44);
        var baseBest = gallery.Search(probe, 1)[0];

        var extra = Gaussian(50, dimension, seed: 45);
        using var extrasAlone = Build(extra, dimension);
        var extraScores = extrasAlone.Search(probe, 50).ToDictionary(m => "extra" + int.Parse(m.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), m => m.Similarity);

        // The writer runs 5 rounds. After adding the copy, and again after removing it, it waits until the readers have
        // finished 20 more searches, so each state is certainly searched (at most one search per reader can have
        // started before the write); the 50 extras go in and out without waiting, racing the searches.
        const int rounds = 5, settle = 20, readerCount = 4;
        var searches = 0;
        var done = 0;
        var readerFailed = 0;
        void WaitForSearches()
        {
            // Gives up if a reader failed or after a minute, so a broken gallery fails the test instead of hanging it.
            var target = Volatile.Read(ref searches) + settle;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (Volatile.Read(ref searches) < target && Volatile.Read(ref readerFailed) == 0 && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Yield();
            }
        }

        // Dedicated threads, not pool threads, so a busy test run cannot leave a reader waiting for a thread.
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                for (var round = 0; round < rounds; round++)
                {
                    gallery.Add("copy", probe);
                    WaitForSearches();
                    for (var e = 0; e < 50; e++)
                    {
                        gallery.Add("extra" + e, extra.AsSpan(e * dimension, dimension));
                    }

                    gallery.Remove("copy");
                    WaitForSearches();
                    for (var e = 0; e < 50; e++)
                    {
                        gallery.Remove("extra" + e);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref done, 1);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var failures = new ConcurrentBag<string>();
        var sawCopy = 0;
        var sawBase = 0;
        var readers = Enumerable.Range(0, readerCount).Select(t => Task.Factory.StartNew(() =>
        {
            while (Volatile.Read(ref done) == 0)
            {
                GalleryMatch result;
                try
                {
                    result = gallery.Search(probe, 1)[0];
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add(e.GetType().Name + ": " + e.Message);
                    Volatile.Write(ref readerFailed, 1);
                    return;
                }

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

                Interlocked.Increment(ref searches);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        await writer;
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.True(sawCopy >= rounds * (settle - readerCount), $"copy seen {sawCopy} times");
        Assert.True(sawBase >= rounds * (settle - readerCount), $"base seen {sawBase} times");
        Assert.Equal(searches, sawCopy + sawBase);
        Assert.Equal(300, gallery.Count);
        Assert.Equal(baseBest, gallery.Search(probe, 1)[0]);
    }
}
