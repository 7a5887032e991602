using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>Verification and identification accuracy on the 40 shared identity crops (8 people x 5), with the real models.</summary>
public sealed class AccuracyTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>
{
    [Fact]
    public void All_780_pairs_are_decided_correctly_at_the_default_threshold()
    {
        var faces = Embeddings();
        var correct = 0;
        var pairs = 0;
        var (sameMin, differentMax) = (float.MaxValue, float.MinValue);
        for (var i = 0; i < faces.Count; i++)
        {
            for (var j = i + 1; j < faces.Count; j++)
            {
                var similarity = TensorPrimitives.Dot(faces[i].Embedding, faces[j].Embedding);
                var same = faces[i].Person == faces[j].Person;
                correct += (similarity >= FaceMatchThreshold.Default) == same ? 1 : 0;
                pairs++;
                (sameMin, differentMax) = same ? (Math.Min(sameMin, similarity), differentMax) : (sameMin, Math.Max(differentMax, similarity));
            }
        }

        output.WriteLine($"{correct}/{pairs} correct; same-person minimum {sameMin:0.000}, different-person maximum {differentMax:0.000}");
        Assert.Equal(780, pairs);
        Assert.True(correct >= 0.995 * pairs, $"{correct}/{pairs} pairs correct at {FaceMatchThreshold.Default}");
    }

    [Fact]
    public void Leave_one_out_rank_1_identification_finds_all_40()
    {
        var faces = Embeddings();

        var hits = faces.Count(probe => faces.Where(f => !ReferenceEquals(f, probe))
            .MaxBy(f => TensorPrimitives.Dot(f.Embedding, probe.Embedding))!.Person == probe.Person);

        Assert.Equal(40, hits);
    }

    [Fact]
    public void Embeddings_are_unit_length_and_deterministic()
    {
        var image = fixture.Identities[0].Image;

        var first = fixture.EmbedLargest(image);
        var second = fixture.EmbedLargest(image);

        Assert.Equal(512, first.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(first), 3);
        Assert.Equal(first, second);
    }

    private List<Face> Embeddings() => fixture.Identities.Select(i => new Face(i.Person, fixture.EmbedLargest(i.Image))).ToList();

    private sealed record Face(string Person, float[] Embedding);
}
