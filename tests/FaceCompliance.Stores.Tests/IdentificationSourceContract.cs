using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// Templates leave a store only for a 1:N gallery (<see cref="IIdentificationGallerySource"/>): of people whose consent
/// to a purpose declared for identification is valid now, decrypted, damaged ones quarantined; and the change feed
/// delivers every audit record after a given one, in order.
/// </summary>
public abstract class IdentificationSourceContract
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    protected abstract StoreUnderTest NewStore();

    protected abstract IIdentificationGallerySource SourceOf(StoreUnderTest test);

    [Fact]
    public void The_gallery_read_holds_each_person_with_valid_consent_and_their_decrypted_templates()
    {
        using var test = NewStore();
        var anna = Grant(test, "anna");
        test.Templates.Enroll(anna, StoreUnderTest.Template(1));
        test.Clock.Advance(TimeSpan.FromMinutes(1));
        test.Templates.Enroll(anna, StoreUnderTest.Template(2));
        test.Templates.Enroll(Grant(test, "bo"), StoreUnderTest.Template(3));
        test.Templates.Enroll(Grant(test, "withdrawn"), StoreUnderTest.Template(4));
        test.Consents.Withdraw<ResidentSearch>("withdrawn");
        test.Consents.Grant<ResidentSearch>(new ConsentGrant("no-template") { AgeBand = FacialAgeBand.Adult });
        var gate = test.Consents.Grant<GateEntry>(new ConsentGrant("gate-only") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(gate, StoreUnderTest.Template(5));

        var snapshot = SourceOf(test).ReadGallery<ResidentSearch>();

        Assert.Equal(["anna", "bo"], snapshot.People.Select(p => p.SubjectId));
        Assert.Equal([StoreUnderTest.Template(1).Values.ToArray(), StoreUnderTest.Template(2).Values.ToArray()],
            snapshot.People[0].Templates.Select(t => t.Values.ToArray()));
        Assert.Equal(anna.Id, snapshot.People[0].Receipt.Id);
        Assert.Null(test.Consents.Check(snapshot.People[1].Receipt));
        Assert.Equal(test.Audit.Read(max: 1000)[^1].Sequence, snapshot.AuditSequence);
        Assert.Equal(0, snapshot.TemplatesQuarantined);
    }

    [Fact]
    public void A_person_past_consent_expiry_or_retention_is_left_out()
    {
        using var test = NewStore();
        test.Templates.Enroll(Grant(test, "anna"), StoreUnderTest.Template(1));
        Assert.NotNull(SourceOf(test).ReadPerson<ResidentSearch>("anna"));

        test.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Null(SourceOf(test).ReadPerson<ResidentSearch>("anna"));
        Assert.Empty(SourceOf(test).ReadGallery<ResidentSearch>().People);
    }

    [Fact]
    public void One_person_is_read_as_the_store_holds_them_now()
    {
        using var test = NewStore();
        var receipt = Grant(test, "anna");
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        var source = SourceOf(test);

        var read = source.ReadPerson<ResidentSearch>("anna");

        Assert.NotNull(read);
        Assert.Equal(receipt.Id, read.Receipt.Id);
        Assert.Equal(StoreUnderTest.Template(1).Values.ToArray(), Assert.Single(read.Templates).Values.ToArray());
        test.Templates.DeleteSubject("anna");
        Assert.Null(source.ReadPerson<ResidentSearch>("anna"));
        Assert.Null(source.ReadPerson<ResidentSearch>("nobody"));
    }

    [Fact]
    public void A_damaged_template_is_quarantined_audited_and_left_out_while_the_others_are_read()
    {
        using var test = NewStore();
        var receipt = Grant(test, "anna");
        var damaged = test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Templates.Enroll(receipt, StoreUnderTest.Template(2));
        test.DamageCiphertext(damaged);

        var snapshot = SourceOf(test).ReadGallery<ResidentSearch>();

        Assert.Equal(1, snapshot.TemplatesQuarantined);
        Assert.Equal(StoreUnderTest.Template(2).Values.ToArray(), Assert.Single(Assert.Single(snapshot.People).Templates).Values.ToArray());
        Assert.True(test.Templates.ListTemplates("anna").Single(t => t.TemplateId == damaged).Quarantined);
        var record = test.Audit.Query(new AuditQuery { Action = AuditAction.TemplateQuarantined }).Single();
        Assert.Equal(("anna", ResidentSearch.Info.Id), (record.SubjectId, record.PurposeId));
        Assert.Equal(0, SourceOf(test).ReadGallery<ResidentSearch>().TemplatesQuarantined);
    }

    [Fact]
    public void A_purpose_not_declared_for_identification_gets_no_template()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("anna") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));

        var error = Assert.Throws<InvalidOperationException>(() => SourceOf(test).ReadGallery<GateEntry>());
        Assert.Contains("FC0005", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => SourceOf(test).ReadPerson<GateEntry>("anna"));
    }

    [Fact]
    public async Task The_feed_delivers_every_record_after_the_start_in_order_and_reports_current()
    {
        using var test = NewStore();
        test.Templates.Enroll(Grant(test, "anna"), StoreUnderTest.Template(1));
        var start = test.Audit.Read(max: 1000)[^1].Sequence;
        var observer = new CollectingObserver();
        using (SourceOf(test).Follow(start, observer))
        {
            await observer.Current.Task.WaitAsync(Deadline);
            test.Templates.Enroll(Grant(test, "bo"), StoreUnderTest.Template(2));
            test.Templates.DeleteSubject("anna");
            var last = test.Audit.Read(max: 1000)[^1].Sequence;

            await observer.WaitForAsync(last).WaitAsync(Deadline);
        }

        Assert.Equal(Enumerable.Range((int)start + 1, observer.Records.Count).Select(i => (long)i), observer.Records.Select(r => r.Sequence));
        Assert.Equal([AuditAction.ConsentGranted, AuditAction.Enrolled, AuditAction.Deleted], observer.Records.Select(r => r.Action));
    }

    private static ConsentReceipt<ResidentSearch> Grant(StoreUnderTest test, string subject) =>
        test.Consents.Grant<ResidentSearch>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult });

    /// <summary>Keeps what the feed delivers.</summary>
    public sealed class CollectingObserver : IAuditChangeObserver
    {
        private readonly ConcurrentQueue<AuditRecord> _records = new();
        private readonly object _lock = new();
        private readonly List<(long Sequence, TaskCompletionSource Done)> _waiters = [];

        public TaskCompletionSource Current { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<AuditRecord> Records => [.. _records];

        public int Interruptions;

        public void OnRecords(IReadOnlyList<AuditRecord> records)
        {
            foreach (var record in records)
            {
                _records.Enqueue(record);
            }

            lock (_lock)
            {
                foreach (var waiter in _waiters.Where(w => w.Sequence <= records[^1].Sequence))
                {
                    waiter.Done.TrySetResult();
                }
            }
        }

        public void OnCurrent() => Current.TrySetResult();

        public void OnInterrupted(Exception error) => Interlocked.Increment(ref Interruptions);

        public Task WaitForAsync(long sequence)
        {
            lock (_lock)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_records.LastOrDefault()?.Sequence >= sequence)
                {
                    done.SetResult();
                }

                _waiters.Add((sequence, done));
                return done.Task;
            }
        }
    }
}

public sealed class SqliteIdentificationSourceContract : IdentificationSourceContract
{
    protected override StoreUnderTest NewStore() => new SqliteStoreUnderTest(new StoreSettings());

    protected override IIdentificationGallerySource SourceOf(StoreUnderTest test) => ((SqliteStoreUnderTest)test).Store.Identification;
}

public sealed class PostgreSqlIdentificationSourceContract : IdentificationSourceContract
{
    protected override StoreUnderTest NewStore() => new PostgreSqlStoreUnderTest(new StoreSettings());

    protected override IIdentificationGallerySource SourceOf(StoreUnderTest test) => ((PostgreSqlStoreUnderTest)test).Store.Identification;
}
