using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>1:N on the scene photographs: a gallery of each person's "_1" photo, probed with their other photos.</summary>
public sealed class IdentificationTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>
{
    [Fact]
    public void Every_probe_is_identified_and_a_person_outside_the_gallery_is_rejected()
    {
        var photos = Directory.GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "scenes"), "*.ppm")
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Where(n => !n.StartsWith("group_", StringComparison.Ordinal) && n != "noface_white" && !n.StartsWith("partial_", StringComparison.Ordinal))
            .Select(n => (Person: n[..n.LastIndexOf('_')], Name: n))
            .ToList();
        var people = photos.Where(p => p.Name.EndsWith("_1", StringComparison.Ordinal)).Select(p => p.Person).Order(StringComparer.Ordinal).ToList();
        var outsider = people[^1];
        var gallery = people.SkipLast(1).ToDictionary(p => p, p => fixture.EmbedLargest(PipelineFixture.Scene(p + "_1")));
        var probes = photos.Where(p => !p.Name.EndsWith("_1", StringComparison.Ordinal)).ToList();

        Assert.True(gallery.Count >= 5, $"only {gallery.Count} people in the gallery");
        Assert.Contains(probes, p => p.Person == outsider);
        foreach (var (person, name) in probes)
        {
            var probe = fixture.EmbedLargest(PipelineFixture.Scene(name));
            var (best, score) = gallery.Select(g => (g.Key, TensorPrimitives.Dot(g.Value, probe))).MaxBy(g => g.Item2);
            output.WriteLine($"{name}: best {best} {score:0.000}");
            if (person == outsider)
            {
                Assert.True(score < FaceMatchThreshold.Default, $"{name} ({person}, not in the gallery) matched {best} at {score:0.000}");
            }
            else
            {
                Assert.Equal(person, best);
                Assert.True(score >= FaceMatchThreshold.Default, $"{name} matched {best} at only {score:0.000}");
            }
        }
    }
}
