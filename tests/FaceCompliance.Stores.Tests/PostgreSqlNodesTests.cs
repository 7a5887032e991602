using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// Two store instances on one PostgreSQL database, each with its own connection pool, stand for two application
/// nodes; several threads on each write at once (grants, enrolments, events, withdrawals). Every node appends to the one audit chain: no fork, no gap.
/// </summary>
public sealed class PostgreSqlNodesTests
{
    private const int ThreadsPerNode = 4;
    private const int PeoplePerThread = 5;

    [Fact]
    public void Concurrent_writes_from_two_nodes_form_one_chain_without_fork_or_gap()
    {
        using var test = new PostgreSqlStoreUnderTest(new StoreSettings());
        using var nodeA = test.OpenNode(StoreUnderTest.MasterKey, "node-a");
        using var nodeB = test.OpenNode(StoreUnderTest.MasterKey, "node-b");
        var failures = new ConcurrentQueue<Exception>();
        using var start = new Barrier(2 * ThreadsPerNode);
        var workers = new[] { nodeA, nodeB }
            .SelectMany((node, n) => Enumerable.Range(0, ThreadsPerNode).Select(t => new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    for (var i = 0; i < PeoplePerThread; i++)
                    {
                        var subject = $"resident-{n}-{t}-{i}";
                        var receipt = node.Consents.Grant<GateEntry>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult });
                        node.Templates.Enroll(receipt, StoreUnderTest.Template(i));
                        node.Audit.RecordApplicationEvent(subject, AuditOutcome.Succeeded, "card issued");
                        if (i % 2 == 0)
                        {
                            node.Consents.Withdraw<GateEntry>(subject);
                        }
                    }
                }
                catch (Exception error)
                {
                    failures.Enqueue(error);
                }
            })))
            .ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        Assert.Empty(failures);
        const int people = 2 * ThreadsPerNode * PeoplePerThread;
        const int withdrawn = 2 * ThreadsPerNode * ((PeoplePerThread + 1) / 2);
        var records = test.Audit.Read(max: 10 * people);
        // Grant, enrolment and event for each person; withdrawal and deletion for each one withdrawn.
        Assert.Equal(3 * people + 2 * withdrawn, records.Count);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(records.Count, records.Select(r => Convert.ToHexString(r.PreviousHash)).Distinct().Count());
        Assert.Equal(["node-a", "node-b"], records.Select(r => r.Actor).Distinct().Order());
        var verification = test.Audit.Verify();
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(people - withdrawn, nodeA.Templates.PeopleStored);
        Assert.Equal(people - withdrawn, nodeB.Templates.PeopleStored);
    }

    [Fact]
    public void Nodes_that_open_an_empty_database_at_once_create_one_schema_and_share_it()
    {
        var database = TestServer.CreateDatabase();
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var stores = new PostgreSql.PostgreSqlFacialDataStore?[4];
        var failures = new ConcurrentQueue<Exception>();
        using var start = new Barrier(stores.Length);
        try
        {
            var openers = Enumerable.Range(0, stores.Length).Select(i => new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    stores[i] = PostgreSql.PostgreSqlFacialDataStore.Open(database, new FacialDataStoreOptions(new FacialDataKeys(StoreUnderTest.MasterKey))
                    {
                        Actor = "node-" + i,
                        TemplateDimension = StoreUnderTest.Dimension,
                        TimeProvider = clock,
                    });
                }
                catch (Exception error)
                {
                    failures.Enqueue(error);
                }
            })).ToArray();
            foreach (var opener in openers)
            {
                opener.Start();
            }

            foreach (var opener in openers)
            {
                opener.Join();
            }

            Assert.Empty(failures);
            var receipt = stores[0]!.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
            stores[1]!.Templates.Enroll(receipt, StoreUnderTest.Template(1));
            Assert.True(stores[2]!.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.9f).IsMatch);
            Assert.Equal(["node-0", "node-1", "node-2"], stores[3]!.Audit.Read().Select(r => r.Actor));
            Assert.True(stores[3]!.Audit.Verify().IsValid);
        }
        finally
        {
            foreach (var store in stores)
            {
                store?.Dispose();
            }

            TestServer.DropDatabase(database);
        }
    }

    [Fact]
    public void A_withdrawal_on_one_node_is_refused_on_the_other_at_once()
    {
        using var test = new PostgreSqlStoreUnderTest(new StoreSettings());
        using var nodeA = test.OpenNode(StoreUnderTest.MasterKey, "node-a");
        using var nodeB = test.OpenNode(StoreUnderTest.MasterKey, "node-b");
        var receipt = nodeA.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        nodeA.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        Assert.True(nodeB.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.9f).IsMatch);

        nodeA.Consents.Withdraw<GateEntry>("resident-1");

        var refused = Assert.Throws<ConsentRequiredException>(() => nodeB.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.9f));
        Assert.Equal(ConsentRejection.Withdrawn, refused.Reason);
        Assert.Equal(0, nodeB.Templates.PeopleStored);
    }
}
