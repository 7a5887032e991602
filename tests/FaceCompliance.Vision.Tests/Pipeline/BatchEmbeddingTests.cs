using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>FaceEmbedder.EmbedBatch: a roster at once, the same templates as one at a time, every receipt checked first.</summary>
public sealed class BatchEmbeddingTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly TestStore _test = new();

    [Fact]
    public void A_roster_of_40_gives_the_single_face_templates_in_order_bit_for_bit()
    {
        var embedder = new FaceEmbedder(_test.Consents);
        var roster = Roster(fixture.Identities.Count);
        try
        {
            var batch = embedder.EmbedBatch(roster);
            var single = roster.Select(f => embedder.Embed(f.Receipt, f.Face)).ToList();

            Assert.Equal(40, batch.Count);
            for (int i = 0; i < batch.Count; i++)
            {
                Assert.Equal(single[i].Values.ToArray(), batch[i].Values.ToArray());
            }

            // In order: each template is closest to its own face's single template (not merely the same set).
            Assert.All(Enumerable.Range(0, batch.Count), i =>
                Assert.Equal(i, Enumerable.Range(0, single.Count).MaxBy(j => batch[i].CosineSimilarity(single[j]))));
            var sequential = embedder.EmbedBatch(roster, maxDegreeOfParallelism: 1);
            Assert.Equal(batch.Select(t => t.Values.ToArray()), sequential.Select(t => t.Values.ToArray()));
        }
        finally
        {
            Dispose(roster);
        }
    }

    [Fact]
    public void One_withdrawn_receipt_refuses_the_whole_batch_and_names_the_person()
    {
        var roster = Roster(6);
        try
        {
            _test.Store.Consents.Withdraw<GateCheck>("person-4");

            var error = Assert.Throws<ConsentRequiredException>(() => new FaceEmbedder(_test.Consents).EmbedBatch(roster));

            Assert.Equal(ConsentRejection.Withdrawn, error.Reason);
            Assert.Equal("person-4", error.SubjectId);
        }
        finally
        {
            Dispose(roster);
        }
    }

    [Fact]
    public void A_face_that_is_not_aligned_is_named_by_its_index_and_nothing_is_processed()
    {
        var roster = Roster(3);
        var receipt = _test.Grant<GateCheck>("unaligned");
        roster.Add(new ConsentedFace<GateCheck>(receipt, PipelineFixture.Scene("obama_1")));
        try
        {
            var embedder = new FaceEmbedder(_test.Consents);

            var wrongSize = Assert.Throws<ArgumentException>(() => embedder.EmbedBatch(roster));
            var parallelism = Assert.Throws<ArgumentOutOfRangeException>(() => embedder.EmbedBatch(roster[..3], maxDegreeOfParallelism: 0));

            Assert.Equal("faces[3]", wrongSize.ParamName);
            Assert.Contains("aligned to 112x112", wrongSize.Message, StringComparison.Ordinal);
            Assert.Equal("maxDegreeOfParallelism", parallelism.ParamName);
            Assert.Empty(embedder.EmbedBatch(new List<ConsentedFace<GateCheck>>()));
        }
        finally
        {
            Dispose(roster);
        }
    }

    public void Dispose() => _test.Dispose();

    // The first `count` identity crops, aligned, each with its own person's receipt (person-0, person-1, ...).
    private List<ConsentedFace<GateCheck>> Roster(int count)
    {
        var aligner = new FaceAligner(_test.Consents);
        var detector = new FaceDetector(_test.Consents);
        var roster = new List<ConsentedFace<GateCheck>>();
        for (int i = 0; i < count; i++)
        {
            var receipt = _test.Grant<GateCheck>($"person-{i}");
            var image = fixture.Identities[i].Image;
            var box = detector.Detect(receipt, image).MaxBy(b => b.Area);
            roster.Add(new ConsentedFace<GateCheck>(receipt, aligner.Align(receipt, image, aligner.Locate(receipt, image, box))));
        }

        return roster;
    }

    private static void Dispose(IEnumerable<ConsentedFace<GateCheck>> roster)
    {
        foreach (var face in roster)
        {
            face.Face.Dispose();
        }
    }
}
