using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// One count of distinct people for the processor across its stores and in-memory galleries
/// (<see cref="FacialDataCensus"/>; Measures Art. 15: duplicates removed across scenarios).
/// </summary>
public abstract class CensusContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void People_in_two_stores_and_a_gallery_count_once_each_and_levels_are_raised_across_them()
    {
        using var gate = NewStore();
        using var visitors = NewStore();
        var gallery = new Gallery("p1", "p4");
        Enrol<GateEntry>(gate, "p1");
        Enrol<GateEntry>(gate, "p2");
        Enrol<VisitorCheck>(visitors, "p2");
        Enrol<VisitorCheck>(visitors, "p3");
        var census = new FacialDataCensus(new FilingThresholdOptions { WarningLevel = 3, FilingLevel = 5, TimeProvider = gate.Clock });
        var events = new List<FilingThresholdEventArgs>();
        census.FilingThresholdReached += (_, e) => events.Add(e);

        census.Register(gate.Templates);
        census.Register(visitors.Templates);
        Assert.Equal(3, census.PeopleStored);                 // p1, p2, p3
        var warning = Assert.Single(events);
        Assert.Equal((FilingThresholdLevel.Warning, 3, true), (warning.Level, warning.Count, warning.FoundAtOpen));

        census.Register(gallery);
        Assert.Equal(4, census.PeopleStored);                 // p4 is new; p1 is in the gate store already

        Enrol<VisitorCheck>(visitors, "p1");                  // already counted
        Assert.Equal(4, census.PeopleStored);
        Enrol<GateEntry>(gate, "p5");
        Assert.Equal(5, census.PeopleStored);
        var filing = events[^1];
        Assert.Equal((FilingThresholdLevel.Filing, 5, false, new DateOnly(2026, 4, 14)), (filing.Level, filing.Count, filing.FoundAtOpen, filing.FilingDeadline));

        gate.Lifecycle.EndRelationship("p5", "moved out");
        Assert.Equal(4, census.PeopleStored);
        gallery.Remove("p4");
        Assert.Equal(3, census.PeopleStored);
        Assert.True(census.Unregister(gallery));
        Assert.Equal(3, census.PeopleStored);                 // p1 is still in both stores
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void A_holder_is_registered_once()
    {
        using var store = NewStore();
        var census = new FacialDataCensus();
        census.Register(store.Templates);

        Assert.Throws<ArgumentException>(() => census.Register(store.Templates));
    }

    private static void Enrol<TPurpose>(StoreUnderTest test, string subject)
        where TPurpose : IFacialDataPurpose =>
        test.Templates.Enroll(test.Consents.Grant<TPurpose>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult }), StoreUnderTest.Template(subject.Length));

    /// <summary>An in-memory 1:N gallery as the census sees one (FaceMatcher in FaceCompliance.Vision is another).</summary>
    private sealed class Gallery(params string[] subjects) : IFacialDataHolder
    {
        private readonly HashSet<string> people = [.. subjects];

        public event EventHandler? SubjectsChanged;

        public IReadOnlyCollection<string> SubjectsStored() => people.ToArray();

        public void Remove(string subject)
        {
            people.Remove(subject);
            SubjectsChanged?.Invoke(this, EventArgs.Empty);
        }
    }
}

public sealed class SqliteCensusContract : CensusContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlCensusContract : CensusContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
