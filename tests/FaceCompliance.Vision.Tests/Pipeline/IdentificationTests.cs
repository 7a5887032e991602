using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>
/// 1:N on the scene photographs with <see cref="FaceMatcher{TPurpose}"/>: each person's "_1" photo enrolled with a real
/// receipt, probed with their other photos; the last person is left out of the gallery and must be rejected.
/// </summary>
public sealed class IdentificationTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly TestStore _test = new();

    [Theory]
    [InlineData(GalleryPrecision.Float32)]
    [InlineData(GalleryPrecision.Int8)]
    [InlineData(GalleryPrecision.Int8Rescored)]
    public void Every_probe_is_identified_and_a_person_outside_the_gallery_is_rejected(GalleryPrecision precision)
    {
        var (people, probes) = ScenePhotos();
        var outsider = people[^1];
        using var matcher = Enrolled(people.SkipLast(1), precision);
        var templates = probes.Select(p => Template(p.Name)).ToList();

        var single = templates.Select(t => matcher.Identify(t, k: 3)).ToList();
        var batch = matcher.IdentifyBatch(templates, k: 3);

        Assert.True(matcher.Count >= 5, $"only {matcher.Count} people in the gallery");
        Assert.Contains(probes, p => p.Person == outsider);
        for (var i = 0; i < probes.Count; i++)
        {
            var (person, name) = probes[i];
            output.WriteLine($"{name}: {string.Join(", ", single[i])}");
            Assert.Equal(single[i], batch[i]);
            Assert.All(single[i], m => Assert.True(m.Similarity >= FaceMatchThreshold.Default, $"{name}: {m} is below the threshold"));
            if (person == outsider)
            {
                Assert.Empty(single[i]);
            }
            else
            {
                Assert.Equal(person, single[i][0].SubjectId);
            }
        }
    }

    [Fact]
    public void A_withdrawn_person_is_never_returned_and_leaves_the_gallery()
    {
        var (people, probes) = ScenePhotos();
        using var matcher = Enrolled(people, GalleryPrecision.Float32);
        var (person, name) = probes.First(p => p.Person != people[^1]);
        var probe = Template(name);
        Assert.Equal(person, matcher.Identify(probe)[0].SubjectId);

        _test.Store.Consents.Withdraw<ResidentSearch>(person);

        Assert.DoesNotContain(matcher.Identify(probe, k: people.Count), m => m.SubjectId == person);
        Assert.Equal(people.Count - 1, matcher.Count);
    }

    [Fact]
    public void A_1_to_1_purpose_cannot_enrol_or_search_for_1_to_N()
    {
        var howard = _test.Grant<GateCheck>("howard");
        using var matcher = new FaceMatcher<GateCheck>(_test.Consents);
        var reference = Template(fixture.Identity("howard1.ppm"));

        var enrol = Assert.Throws<InvalidOperationException>(() => matcher.Enroll(howard, reference));
        var search = Assert.Throws<InvalidOperationException>(() => matcher.Identify(reference));

        Assert.Contains("does not allow Identification (rule FC0005)", enrol.Message, StringComparison.Ordinal);
        Assert.Contains("does not allow Identification (rule FC0005)", search.Message, StringComparison.Ordinal);
        Assert.Equal(0, matcher.Count);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_reason()
    {
        using var matcher = new FaceMatcher<ResidentSearch>(_test.Consents);
        var receipt = _test.Grant<ResidentSearch>("penny");

        var shortTemplate = Assert.Throws<ArgumentException>(() => matcher.Enroll(receipt, new FaceTemplate([1f, 2f, 3f])));
        var badK = Assert.Throws<ArgumentOutOfRangeException>(() => matcher.Identify(UnitTemplate(), k: 0));
        var badThreshold = Assert.Throws<ArgumentOutOfRangeException>(() => new FaceMatcher<ResidentSearch>(_test.Consents, new FaceMatcherOptions { Threshold = 1.5f }));

        Assert.StartsWith("The template has 3 values; this matcher holds 512.", shortTemplate.Message, StringComparison.Ordinal);
        Assert.Equal("k", badK.ParamName);
        Assert.Contains("cosine similarity from -1 to 1", badThreshold.Message, StringComparison.Ordinal);
        Assert.Equal(0, matcher.Count);
    }

    public void Dispose() => _test.Dispose();

    private static (List<string> People, List<(string Person, string Name)> Probes) ScenePhotos()
    {
        var photos = Directory.GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "scenes"), "*.ppm")
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Where(n => !n.StartsWith("group_", StringComparison.Ordinal) && n != "noface_white" && !n.StartsWith("partial_", StringComparison.Ordinal))
            .Select(n => (Person: n[..n.LastIndexOf('_')], Name: n))
            .ToList();
        var people = photos.Where(p => p.Name.EndsWith("_1", StringComparison.Ordinal)).Select(p => p.Person).Order(StringComparer.Ordinal).ToList();
        return (people, photos.Where(p => !p.Name.EndsWith("_1", StringComparison.Ordinal)).ToList());
    }

    private FaceMatcher<ResidentSearch> Enrolled(IEnumerable<string> people, GalleryPrecision precision)
    {
        var matcher = new FaceMatcher<ResidentSearch>(_test.Consents, new FaceMatcherOptions { Precision = precision });
        foreach (var person in people)
        {
            matcher.Enroll(_test.Grant<ResidentSearch>(person), Template(person + "_1"));
        }

        return matcher;
    }

    private static FaceTemplate UnitTemplate()
    {
        var values = new float[512];
        values[0] = 1;
        return new FaceTemplate(values);
    }

    private FaceTemplate Template(string scene) => Template(PipelineFixture.Scene(scene));

    private FaceTemplate Template(FaceImage image) => new(fixture.EmbedLargest(image));
}
