using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.PostgreSql;
using FaceCompliance.Sqlite;
using FaceCompliance.Stores.Tests;
using FaceCompliance.Vision.Tests.Pipeline;
using Npgsql;
using Xunit;

namespace FaceCompliance.Vision.Tests.Matching;

/// <summary>
/// Two nodes on one store: node A writes through its own store instance, node B serves 1:N from a
/// <see cref="SynchronizedFaceGallery{TPurpose}"/> on a second instance (its own connections and change feed). Every
/// wait for a change to arrive has a deadline; what is asserted is the gallery's content and answers, never a time.
/// </summary>
public abstract class SynchronizedGalleryContract
{
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    protected static readonly SynchronizedFaceGalleryOptions GalleryOptions = new()
    {
        Matcher = new FaceMatcherOptions { Dimension = StoreUnderTest.Dimension, Threshold = 0.99f },
    };

    protected abstract StoreUnderTest NewStore();

    /// <summary>The gallery source of a store instance that <see cref="StoreUnderTest.OpenAgain"/> opened.</summary>
    protected abstract IIdentificationGallerySource SourceOf(OpenedStore node);

    [Fact]
    public async Task The_gallery_loaded_at_start_equals_what_is_stored()
    {
        using var test = NewStore();
        for (var i = 0; i < 20; i++)
        {
            var receipt = Grant(test, Person(i));
            test.Templates.Enroll(receipt, StoreUnderTest.Template(i));
            if (i % 4 == 0)
            {
                test.Templates.Enroll(receipt, StoreUnderTest.Template(100 + i));
            }
        }

        test.Consents.Withdraw<ResidentSearch>(Person(3));
        test.Templates.DeleteSubject(Person(5));
        using var nodeB = test.OpenAgain(StoreUnderTest.MasterKey, "node-b");

        using var gallery = SynchronizedFaceGallery<ResidentSearch>.Start(SourceOf(nodeB), GalleryOptions);
        await gallery.WaitUntilCurrentAsync().WaitAsync(Deadline);

        var stored = Enumerable.Range(0, 20).Where(i => i is not 3 and not 5).Select(Person).Order(StringComparer.Ordinal);
        Assert.Equal(stored, gallery.SubjectsStored().Order(StringComparer.Ordinal));
        Assert.Equal(18 + 5, gallery.TemplateCount);
        foreach (var i in new[] { 0, 1, 4, 19 })
        {
            Assert.Equal(Person(i), Assert.Single(gallery.Identify(StoreUnderTest.Template(i))).SubjectId);
        }

        Assert.Equal(Person(8), Assert.Single(gallery.Identify(StoreUnderTest.Template(108))).SubjectId);
        Assert.Empty(gallery.Identify(StoreUnderTest.Template(3)));
    }

    [Fact]
    public async Task An_enrolment_on_node_A_appears_in_node_B_gallery()
    {
        using var test = NewStore();
        using var nodeB = test.OpenAgain(StoreUnderTest.MasterKey, "node-b");
        using var gallery = SynchronizedFaceGallery<ResidentSearch>.Start(SourceOf(nodeB), GalleryOptions);
        await gallery.WaitUntilCurrentAsync().WaitAsync(Deadline);
        Assert.Equal(0, gallery.Count);

        test.Templates.Enroll(Grant(test, "anna"), StoreUnderTest.Template(1));
        await gallery.WaitForSequenceAsync(LastSequence(test)).WaitAsync(Deadline);

        Assert.True(gallery.Contains("anna"));
        Assert.Equal("anna", Assert.Single(gallery.Identify(StoreUnderTest.Template(1))).SubjectId);
    }

    [Fact]
    public async Task After_node_A_acknowledges_a_withdrawal_node_B_never_returns_the_person()
    {
        using var test = NewStore();
        test.Templates.Enroll(Grant(test, "anna"), StoreUnderTest.Template(1));
        using var nodeB = test.OpenAgain(StoreUnderTest.MasterKey, "node-b");
        using var gallery = SynchronizedFaceGallery<ResidentSearch>.Start(SourceOf(nodeB), GalleryOptions);
        await gallery.WaitUntilCurrentAsync().WaitAsync(Deadline);
        Assert.Equal("anna", Assert.Single(gallery.Identify(StoreUnderTest.Template(1))).SubjectId);

        test.Consents.Withdraw<ResidentSearch>("anna");

        // No wait: the candidate's receipt is checked with the shared registry before it is returned.
        Assert.Empty(gallery.Identify(StoreUnderTest.Template(1)));
        await gallery.WaitForSequenceAsync(LastSequence(test)).WaitAsync(Deadline);
        Assert.False(gallery.Contains("anna"));
        Assert.Empty(gallery.Identify(StoreUnderTest.Template(1)));
    }

    [Fact]
    public async Task A_deletion_on_node_A_leaves_node_B_gallery_once_its_record_arrives()
    {
        using var test = NewStore();
        test.Templates.Enroll(Grant(test, "anna"), StoreUnderTest.Template(1));
        test.Templates.Enroll(Grant(test, "bo"), StoreUnderTest.Template(2));
        using var nodeB = test.OpenAgain(StoreUnderTest.MasterKey, "node-b");
        using var gallery = SynchronizedFaceGallery<ResidentSearch>.Start(SourceOf(nodeB), GalleryOptions);
        await gallery.WaitUntilCurrentAsync().WaitAsync(Deadline);

        test.Templates.DeleteSubject("anna");
        var deletion = test.Audit.Query(new AuditQuery { SubjectId = "anna", Action = AuditAction.Deleted }).Single().Sequence;
        await gallery.WaitForSequenceAsync(deletion).WaitAsync(Deadline);

        Assert.False(gallery.Contains("anna"));
        Assert.Empty(gallery.Identify(StoreUnderTest.Template(1)));
        Assert.Equal("bo", Assert.Single(gallery.Identify(StoreUnderTest.Template(2))).SubjectId);
    }

    [Fact]
    public async Task Ending_the_purpose_on_node_A_empties_node_B_gallery()
    {
        using var test = NewStore();
        test.Templates.Enroll(Grant(test, "anna"), StoreUnderTest.Template(1));
        test.Templates.Enroll(Grant(test, "bo"), StoreUnderTest.Template(2));
        using var nodeB = test.OpenAgain(StoreUnderTest.MasterKey, "node-b");
        using var gallery = SynchronizedFaceGallery<ResidentSearch>.Start(SourceOf(nodeB), GalleryOptions);
        await gallery.WaitUntilCurrentAsync().WaitAsync(Deadline);
        Assert.Equal(2, gallery.Count);

        test.Lifecycle.EndPurpose<ResidentSearch>("gate replaced");
        await gallery.WaitForSequenceAsync(LastSequence(test)).WaitAsync(Deadline);

        Assert.Equal(0, gallery.Count);
    }

    [Fact]
    public async Task A_damaged_template_is_quarantined_when_the_gallery_loads_and_the_persons_others_serve()
    {
        using var test = NewStore();
        var receipt = Grant(test, "anna");
        var damaged = test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Templates.Enroll(receipt, StoreUnderTest.Template(2));
        test.DamageCiphertext(damaged);
        using var nodeB = test.OpenAgain(StoreUnderTest.MasterKey, "node-b");

        using var gallery = SynchronizedFaceGallery<ResidentSearch>.Start(SourceOf(nodeB), GalleryOptions);
        await gallery.WaitUntilCurrentAsync().WaitAsync(Deadline);

        Assert.Equal(1, gallery.TemplatesQuarantinedAtStart);
        Assert.Equal(1, gallery.TemplateCount);
        Assert.Equal("anna", Assert.Single(gallery.Identify(StoreUnderTest.Template(2))).SubjectId);
        Assert.True(test.Templates.ListTemplates("anna").Single(t => t.TemplateId == damaged).Quarantined);
        Assert.Single(test.Audit.Query(new AuditQuery { Action = AuditAction.TemplateQuarantined }));
    }

    [Fact]
    public void A_purpose_not_declared_for_identification_gets_no_gallery()
    {
        using var test = NewStore();
        using var nodeB = test.OpenAgain(StoreUnderTest.MasterKey, "node-b");

        Assert.Throws<InvalidOperationException>(() => SynchronizedFaceGallery<FaceCounting>.Start(SourceOf(nodeB), GalleryOptions));
    }

    protected static ConsentReceipt<ResidentSearch> Grant(StoreUnderTest test, string subject) =>
        test.Consents.Grant<ResidentSearch>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult });

    protected static long LastSequence(StoreUnderTest test) => test.Audit.Read(max: 1000)[^1].Sequence;

    protected static string Person(int i) => "resident-" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteSynchronizedGalleryTests : SynchronizedGalleryContract
{
    protected override StoreUnderTest NewStore() => new SqliteStoreUnderTest(new StoreSettings());

    protected override IIdentificationGallerySource SourceOf(OpenedStore node) => ((SqliteFacialDataStore)node.Store).Identification;
}

public sealed class PostgreSqlSynchronizedGalleryTests : SynchronizedGalleryContract
{
    protected override StoreUnderTest NewStore() => new PostgreSqlStoreUnderTest(new StoreSettings());

    protected override IIdentificationGallerySource SourceOf(OpenedStore node) => ((PostgreSqlFacialDataStore)node.Store).Identification;

    /// <summary>
    /// Node B runs as a role of its own, so the test can cut exactly its connections (pg_terminate_backend) and keep
    /// it from reconnecting (NOLOGIN) until it lets it: while cut, B refuses 1:N; after it reconnects it has caught up
    /// with everything node A wrote meanwhile (whose notifications it never heard).
    /// </summary>
    [Fact]
    public async Task A_node_whose_listener_is_cut_refuses_1N_until_it_has_caught_up_and_then_misses_nothing()
    {
        using var test = new PostgreSqlStoreUnderTest(new StoreSettings());
        var role = "node_b_" + Guid.NewGuid().ToString("N")[..12];
        Sql(test.ConnectionString, $"CREATE ROLE {role} LOGIN; GRANT pg_read_all_data, pg_write_all_data TO {role}");
        try
        {
            test.Templates.Enroll(Grant(test, "anna"), StoreUnderTest.Template(1));
            test.Templates.Enroll(Grant(test, "bo"), StoreUnderTest.Template(2));
            // Node A follows too, which installs the notification trigger (node B's role may not create it).
            using var galleryA = SynchronizedFaceGallery<ResidentSearch>.Start(test.Store.Identification, GalleryOptions);
            await galleryA.WaitUntilCurrentAsync().WaitAsync(Deadline);
            var asB = new NpgsqlConnectionStringBuilder(test.ConnectionString) { Username = role }.ToString();
            using var nodeB = PostgreSqlFacialDataStore.Open(asB, test.Options(StoreUnderTest.MasterKey, "node-b"));
            using var galleryB = SynchronizedFaceGallery<ResidentSearch>.Start(nodeB.Identification, GalleryOptions);
            await galleryB.WaitUntilCurrentAsync().WaitAsync(Deadline);

            Sql(test.ConnectionString, $"ALTER ROLE {role} NOLOGIN");
            Sql(test.ConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
            var waited = Stopwatch.StartNew();
            while (galleryB.IsCurrent)
            {
                Assert.True(waited.Elapsed < Deadline, "node B did not notice that its listener was cut");
                await Task.Delay(10);
            }

            Assert.Throws<GalleryNotCurrentException>(() => galleryB.Identify(StoreUnderTest.Template(1)));
            test.Templates.Enroll(Grant(test, "chen"), StoreUnderTest.Template(3));
            test.Templates.DeleteSubject("anna");
            var lastWhileCut = LastSequence(test);
            Assert.Throws<GalleryNotCurrentException>(() => galleryB.Identify(StoreUnderTest.Template(1)));

            Sql(test.ConnectionString, $"ALTER ROLE {role} LOGIN");
            await galleryB.WaitUntilCurrentAsync().WaitAsync(Deadline);

            Assert.True(galleryB.AppliedSequence >= lastWhileCut);
            Assert.Equal(["bo", "chen"], galleryB.SubjectsStored().Order(StringComparer.Ordinal));
            Assert.Empty(galleryB.Identify(StoreUnderTest.Template(1)));
            Assert.Equal("chen", Assert.Single(galleryB.Identify(StoreUnderTest.Template(3))).SubjectId);
        }
        finally
        {
            Sql(test.ConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
            NpgsqlConnection.ClearAllPools();
            Sql(test.ConnectionString, $"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    private static void Sql(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>The gallery's own rule, with a change feed the test drives: 1:N runs only while the feed says the gallery is current.</summary>
public sealed class SynchronizedGalleryFeedTests
{
    [Fact]
    public void A_search_is_refused_until_the_feed_caught_up_and_again_while_it_is_interrupted()
    {
        using var test = new SqliteStoreUnderTest(new StoreSettings());
        test.Templates.Enroll(test.Consents.Grant<ResidentSearch>(new ConsentGrant("anna") { AgeBand = FacialAgeBand.Adult }), StoreUnderTest.Template(1));
        var feed = new DrivenSource(test.Store.Identification);
        using var gallery = SynchronizedFaceGallery<ResidentSearch>.Start(feed, new SynchronizedFaceGalleryOptions { Matcher = new FaceMatcherOptions { Dimension = StoreUnderTest.Dimension } });

        var refused = Assert.Throws<GalleryNotCurrentException>(() => gallery.Identify(StoreUnderTest.Template(1)));
        Assert.Equal(ResidentSearch.Info.Id, refused.PurposeId);
        Assert.Contains("not caught up", refused.Reason, StringComparison.Ordinal);

        feed.Observer!.OnCurrent();
        Assert.Equal("anna", Assert.Single(gallery.Identify(StoreUnderTest.Template(1))).SubjectId);

        var cut = new TimeoutException("network cut");
        feed.Observer.OnInterrupted(cut);
        refused = Assert.Throws<GalleryNotCurrentException>(() => gallery.IdentifyBatch([StoreUnderTest.Template(1)]));
        Assert.Same(cut, refused.InnerException);
        Assert.False(gallery.IsCurrent);

        feed.Observer.OnCurrent();
        Assert.True(gallery.IsCurrent);
    }

    [Fact]
    public void A_search_is_refused_when_the_feed_has_been_silent_longer_than_MaxSilence()
    {
        using var test = new SqliteStoreUnderTest(new StoreSettings());
        var feed = new DrivenSource(test.Store.Identification);
        using var gallery = SynchronizedFaceGallery<ResidentSearch>.Start(feed, new SynchronizedFaceGalleryOptions
        {
            Matcher = new FaceMatcherOptions { Dimension = StoreUnderTest.Dimension },
            MaxSilence = TimeSpan.Zero,
        });

        feed.Observer!.OnCurrent();

        var refused = Assert.Throws<GalleryNotCurrentException>(() => gallery.Identify(StoreUnderTest.Template(1)));
        Assert.Contains("silent", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_missing_before_a_page_make_the_gallery_reload_everything()
    {
        using var test = new SqliteStoreUnderTest(new StoreSettings());
        var feed = new DrivenSource(test.Store.Identification);
        using var gallery = SynchronizedFaceGallery<ResidentSearch>.Start(feed, new SynchronizedFaceGalleryOptions { Matcher = new FaceMatcherOptions { Dimension = StoreUnderTest.Dimension } });
        var receipt = test.Consents.Grant<ResidentSearch>(new ConsentGrant("anna") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        var records = test.Audit.Read(max: 1000);

        // Only an unrelated record arrives, after a gap: what the missing ones changed is read from the store.
        feed.Observer!.OnRecords([records[^1] with { Action = AuditAction.ApplicationEvent, Sequence = records[^1].Sequence + 5 }]);

        Assert.True(gallery.Contains("anna"));
        Assert.Equal(records[^1].Sequence + 5, gallery.AppliedSequence);
    }

    /// <summary>The store's reads, with a feed that delivers only what the test hands its observer.</summary>
    private sealed class DrivenSource(IIdentificationGallerySource store) : IIdentificationGallerySource
    {
        public IAuditChangeObserver? Observer { get; private set; }

        public IConsentRegistry Consents => store.Consents;

        public IdentificationSnapshot<TPurpose> ReadGallery<TPurpose>()
            where TPurpose : IFacialDataPurpose => store.ReadGallery<TPurpose>();

        public IdentificationEntry<TPurpose>? ReadPerson<TPurpose>(string subjectId)
            where TPurpose : IFacialDataPurpose => store.ReadPerson<TPurpose>(subjectId);

        public IDisposable Follow(long afterSequence, IAuditChangeObserver observer)
        {
            Observer = observer;
            return new NothingToStop();
        }

        private sealed class NothingToStop : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
