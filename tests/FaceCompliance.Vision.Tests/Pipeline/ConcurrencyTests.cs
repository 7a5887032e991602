using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>The shared sessions and pooled buffers give the same answers under concurrent use as one at a time.</summary>
public sealed class PipelineConcurrencyTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
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
}
