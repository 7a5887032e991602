using System;
using System.Collections.Generic;
using System.Linq;
using FaceCompliance.Vision.Tests.Pipeline;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Vision.Tests.Matching;

/// <summary>
/// Several photos per person in <see cref="FaceMatcher{TPurpose}"/>, on the identity crops: each of the 8 people
/// enrolled with photos 1 to 3, probed with photos 4 and 5. A search returns a person once with their best template's
/// similarity; verification against a list returns the best.
/// </summary>
public sealed class MultiTemplateTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly TestStore _test = new();
    private readonly Dictionary<string, FaceTemplate> _templates = fixture.Identities.ToDictionary(i => i.File, i => new FaceTemplate(fixture.EmbedLargest(i.Image)));

    private IEnumerable<string> People => fixture.Identities.Select(i => i.Person).Distinct().Order(StringComparer.Ordinal);

    [Theory]
    [InlineData(GalleryPrecision.Float32)]
    [InlineData(GalleryPrecision.Int8Rescored)]
    public void A_search_returns_each_person_once_with_their_best_template(GalleryPrecision precision)
    {
        using var matcher = new FaceMatcher<ResidentSearch>(_test.Consents, new FaceMatcherOptions { Precision = precision, Threshold = -1 });
        foreach (var person in People)
        {
            matcher.Enroll(_test.Grant<ResidentSearch>(person), Photos(person, 1, 2, 3));
        }

        Assert.Equal(8, matcher.Count);
        Assert.Equal(24, matcher.TemplateCount);
        foreach (var person in People)
        {
            foreach (var probe in Photos(person, 4, 5))
            {
                var found = matcher.Identify(probe, k: 8);

                Assert.Equal(8, found.Count);
                Assert.Equal(found.Select(f => f.SubjectId).Distinct().Count(), found.Count);
                Assert.Equal(person, found[0].SubjectId);
                foreach (var match in found)
                {
                    var best = Photos(match.SubjectId, 1, 2, 3).Max(t => t.CosineSimilarity(probe));
                    Assert.Equal(best, match.Similarity, precision == GalleryPrecision.Float32 ? 1e-5 : 2e-2);
                }

                Assert.Equal(found.Take(3), matcher.Identify(probe, k: 3));
                Assert.Equal(found, matcher.IdentifyBatch([probe], k: 8)[0]);
            }
        }
    }

    [Fact]
    public void Three_photos_per_person_score_the_probes_at_least_as_well_as_one()
    {
        // Every candidate is returned (threshold -1): the scores are compared, not the decision.
        var everyone = new FaceMatcherOptions { Threshold = -1f };
        using var one = new FaceMatcher<ResidentSearch>(_test.Consents, everyone);
        using var three = new FaceMatcher<ResidentSearch>(_test.Consents, everyone);
        foreach (var person in People)
        {
            var receipt = _test.Grant<ResidentSearch>(person);
            one.Enroll(receipt, Photos(person, 1)[0]);
            three.Enroll(receipt, Photos(person, 1, 2, 3));
        }

        var gains = new List<float>();
        foreach (var person in People)
        {
            foreach (var probe in Photos(person, 4, 5))
            {
                var single = Assert.Single(one.Identify(probe), f => f.SubjectId == person);
                var multiple = three.Identify(probe)[0];

                Assert.Equal(person, multiple.SubjectId);
                Assert.True(multiple.Similarity >= single.Similarity, $"{person}: {multiple.Similarity:0.000} < {single.Similarity:0.000}");
                gains.Add(multiple.Similarity - single.Similarity);
            }
        }

        output.WriteLine($"16 probes, best of 3 photos minus photo 1: mean {gains.Average():0.000}, max {gains.Max():0.000}");
        Assert.True(gains.Average() > 0.02f, $"mean gain {gains.Average():0.000}");
    }

    [Fact]
    public void Enrolling_again_replaces_and_removing_drops_every_template()
    {
        using var matcher = new FaceMatcher<ResidentSearch>(_test.Consents);
        var penny = _test.Grant<ResidentSearch>("penny");
        var raj = _test.Grant<ResidentSearch>("raj");
        matcher.Enroll(penny, Photos("penny", 1, 2, 3));
        matcher.Enroll(raj, Photos("raj", 1, 2));

        matcher.Enroll(penny, Photos("penny", 4, 5));
        var afterReplace = matcher.TemplateCount;
        var probeScore = matcher.Identify(Photos("penny", 4)[0])[0].Similarity;
        var removed = matcher.Remove("penny");

        Assert.Equal(4, afterReplace);
        Assert.Equal(1f, probeScore, 1e-5);
        Assert.True(removed);
        Assert.False(matcher.Remove("penny"));
        Assert.Equal(1, matcher.Count);
        Assert.Equal(2, matcher.TemplateCount);
        Assert.All(Photos("penny", 1, 2, 3, 4, 5), p => Assert.DoesNotContain(matcher.Identify(p, k: 2), f => f.SubjectId == "penny"));
    }

    [Fact]
    public void A_withdrawn_person_leaves_with_all_their_templates()
    {
        using var matcher = new FaceMatcher<ResidentSearch>(_test.Consents);
        matcher.Enroll(_test.Grant<ResidentSearch>("sheldon"), Photos("sheldon", 1, 2, 3));
        matcher.Enroll(_test.Grant<ResidentSearch>("leonard"), Photos("leonard", 1, 2, 3));
        var probe = Photos("sheldon", 5)[0];
        Assert.Equal("sheldon", matcher.Identify(probe)[0].SubjectId);

        _test.Store.Consents.Withdraw<ResidentSearch>("sheldon");
        var found = matcher.Identify(probe, k: 2);

        Assert.DoesNotContain(found, f => f.SubjectId == "sheldon");
        Assert.Equal(1, matcher.Count);
        Assert.Equal(3, matcher.TemplateCount);
    }

    [Fact]
    public void A_bad_list_is_refused_and_changes_nothing()
    {
        using var matcher = new FaceMatcher<ResidentSearch>(_test.Consents, new FaceMatcherOptions { MaxTemplatesPerPerson = 3 });
        var amy = _test.Grant<ResidentSearch>("amy");
        matcher.Enroll(amy, Photos("amy", 1, 2));

        var tooMany = Assert.Throws<ArgumentException>(() => matcher.Enroll(amy, Photos("amy", 1, 2, 3, 4)));
        var shortOne = Assert.Throws<ArgumentException>(() => matcher.Enroll(amy, [Photos("amy", 3)[0], new FaceTemplate([1f, 2f])]));
        var nullOne = Assert.Throws<ArgumentException>(() => matcher.Enroll(amy, [Photos("amy", 3)[0], null!]));
        var badOption = Assert.Throws<ArgumentOutOfRangeException>(() => new FaceMatcher<ResidentSearch>(_test.Consents, new FaceMatcherOptions { MaxTemplatesPerPerson = 0 }));

        Assert.StartsWith("4 templates were given; a person needs 1 to 3.", tooMany.Message, StringComparison.Ordinal);
        Assert.StartsWith("Template 1 has 2 values; this matcher holds 512.", shortOne.Message, StringComparison.Ordinal);
        Assert.StartsWith("Template 1 is null.", nullOne.Message, StringComparison.Ordinal);
        Assert.StartsWith("FaceMatcherOptions.MaxTemplatesPerPerson is 0; a person needs at least 1 template.", badOption.Message, StringComparison.Ordinal);
        Assert.Equal(1, matcher.Count);
        Assert.Equal(2, matcher.TemplateCount);
        Assert.Equal(1f, matcher.Identify(Photos("amy", 2)[0])[0].Similarity, 1e-5);
    }

    public void Dispose() => _test.Dispose();

    private FaceTemplate[] Photos(string person, params int[] numbers) => numbers.Select(n => _templates[$"{person}{n}.ppm"]).ToArray();
}
