using FaceCompliance.Vision.Tests.Pipeline;
using Xunit;

namespace FaceCompliance.Vision.Tests.Matching;

/// <summary>A matcher with nobody in it (never enrolled, or everyone removed) finds nobody: a stranger's answer, not an error.</summary>
public sealed class EmptyMatcherTests
{
    private static readonly FaceMatcherOptions Options = new() { Dimension = 4, Threshold = 0.5f };

    [Fact]
    public void A_search_of_an_empty_matcher_finds_nobody()
    {
        using var test = new TestStore();
        using var matcher = new FaceMatcher<ResidentSearch>(test.Consents, Options);
        var probe = new FaceTemplate([1f, 0f, 0f, 0f]);

        Assert.Empty(matcher.Identify(probe));
        Assert.Empty(Assert.Single(matcher.IdentifyBatch([probe])));
    }

    [Fact]
    public void A_search_that_removes_the_last_person_for_their_withdrawn_consent_finds_nobody()
    {
        using var test = new TestStore();
        using var matcher = new FaceMatcher<ResidentSearch>(test.Consents, Options);
        var probe = new FaceTemplate([1f, 0f, 0f, 0f]);
        matcher.Enroll(test.Grant<ResidentSearch>("anna"), probe);
        test.Consents.Withdraw<ResidentSearch>("anna");

        Assert.Empty(matcher.Identify(probe));
        Assert.Equal(0, matcher.Count);
    }
}
