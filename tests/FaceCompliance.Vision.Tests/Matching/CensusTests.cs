using System;
using System.Collections.Generic;
using System.Linq;
using FaceCompliance.Vision.Tests.Pipeline;
using Xunit;

namespace FaceCompliance.Vision.Tests.Matching;

/// <summary>
/// The people of a 1:N gallery count towards the processor's number of people stored (Measures Art. 15): a
/// <see cref="FaceMatcher{TPurpose}"/> reports them to a <see cref="FacialDataCensus"/>, with the SQLite store's.
/// </summary>
public sealed class CensusTests : IDisposable
{
    private readonly TestStore _test = new();

    [Fact]
    public void A_matcher_reports_enrolments_removals_and_withdrawn_people_to_the_census()
    {
        using var matcher = new FaceMatcher<ResidentSearch>(_test.Consents, new FaceMatcherOptions { Dimension = 4, Threshold = -1 });
        var census = new FacialDataCensus(new FilingThresholdOptions { WarningLevel = 1, FilingLevel = 3 });
        var events = new List<FilingThresholdEventArgs>();
        census.FilingThresholdReached += (_, e) => events.Add(e);
        census.Register(matcher);
        census.Register(_test.Store.Templates);

        matcher.Enroll(_test.Grant<ResidentSearch>("p1"), Template(1));
        matcher.Enroll(_test.Grant<ResidentSearch>("p1"), Template(2));   // enrolled again: still one person
        matcher.Enroll(_test.Grant<ResidentSearch>("p2"), Template(3));
        Assert.Equal(2, census.PeopleStored);
        Assert.Equal(["p1", "p2"], matcher.SubjectsStored().Order(StringComparer.Ordinal));
        matcher.Enroll(_test.Grant<ResidentSearch>("p3"), Template(4));
        Assert.Equal([FilingThresholdLevel.Warning, FilingThresholdLevel.Filing], events.Select(e => e.Level));
        Assert.Equal(3, events[^1].Count);

        Assert.True(matcher.Remove("p3"));
        Assert.Equal(2, census.PeopleStored);
        _test.Consents.Withdraw<ResidentSearch>("p2");
        matcher.Identify(Template(3), k: 2);                                // a search drops the withdrawn person
        Assert.Equal(1, census.PeopleStored);
    }

    public void Dispose() => _test.Dispose();

    private static FaceTemplate Template(int seed) => new([seed, 1f, -seed, 0.5f]);
}
