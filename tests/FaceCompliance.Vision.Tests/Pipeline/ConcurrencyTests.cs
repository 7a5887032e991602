using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>The shared sessions and pooled buffers give the same answers under concurrent use as one at a time.</summary>
public sealed class PipelineConcurrencyTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly TestStore _test = new();

    [Fact]
    public void Concurrent_embeddings_equal_sequential_ones()
    {
        var images = fixture.Identities.Take(8).Select(i => i.Image).ToArray();
        var sequential = images.Select(fixture.EmbedLargest).ToArray();

        var concurrent = new float[4 * images.Length][];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i] = fixture.EmbedLargest(images[i % images.Length]));

        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[i % images.Length], concurrent[i]);
        }
    }

    [Fact]
    public void One_recognizer_serves_many_threads_with_receipts_checked_in_the_store()
    {
        var recognizer = new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { RequireLiveness = true, LivenessThreshold = 0f });
        var photos = fixture.Identities.Where((_, i) => i % 5 == 0).ToArray();
        var receipts = photos.Select(p => _test.Grant<GateCheck>(p.Person)).ToArray();
        var sequential = photos.Select((p, i) => recognizer.ExtractTemplate(receipts[i], p.Image).Values.ToArray()).ToArray();

        var concurrent = new float[6 * photos.Length][];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 },
            i => concurrent[i] = recognizer.ExtractTemplate(receipts[i % photos.Length], photos[i % photos.Length].Image).Values.ToArray());

        Assert.Equal(8, photos.Length);
        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[i % photos.Length], concurrent[i]);
        }
    }

    [Fact]
    public async Task Searches_stay_correct_while_other_people_enrol_and_leave()
    {
        using var matcher = new FaceMatcher<ResidentSearch>(_test.Consents, new FaceMatcherOptions { Precision = GalleryPrecision.Int8Rescored });
        var people = fixture.Identities.GroupBy(i => i.Person).Select(g => g.ToArray()).ToArray();
        var stable = people[..4];
        var churning = people[4..];
        foreach (var person in stable)
        {
            matcher.Enroll(_test.Grant<ResidentSearch>(person[0].Person), new FaceTemplate(fixture.EmbedLargest(person[0].Image)));
        }

        var churnTemplates = churning.Select(p => (Receipt: _test.Grant<ResidentSearch>(p[0].Person), Template: new FaceTemplate(fixture.EmbedLargest(p[0].Image)))).ToArray();
        var probes = stable.Select(p => (p[0].Person, Template: new FaceTemplate(fixture.EmbedLargest(p[4].Image)))).ToArray();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            var rounds = 0;
            while (!stop.IsCancellationRequested || rounds < 20)
            {
                foreach (var (receipt, template) in churnTemplates)
                {
                    matcher.Enroll(receipt, template);
                }

                foreach (var (receipt, _) in churnTemplates)
                {
                    matcher.Remove(receipt.Subject);
                }

                rounds++;
            }

            return rounds;
        });

        var searches = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var (person, template) = probes[i % probes.Length];
            Assert.Equal(person, matcher.Identify(template, k: 2)[0].SubjectId);
            Interlocked.Increment(ref searches);
        });
        await stop.CancelAsync();
        var rounds = await writer;

        Assert.True(rounds >= 20, $"the writer ran {rounds} rounds");
        Assert.Equal(400, searches);
        Assert.Equal(stable.Length, matcher.Count);
    }

    public void Dispose() => _test.Dispose();
}
