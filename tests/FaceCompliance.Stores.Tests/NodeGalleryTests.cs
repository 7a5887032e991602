using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// 1:N on several node processes (FaceCompliance.Stores.NodeWorker) sharing one PostgreSQL database: node A writes,
/// node B serves identification from its synchronised gallery (LISTEN/NOTIFY feed). A withdrawal A acknowledged is
/// never returned by B's next search; a deletion leaves B's gallery once its record arrives; while B cannot be sure
/// its gallery is current (the server stopped) it refuses 1:N, and it becomes current again by itself.
/// </summary>
[Collection(nameof(NodeProcessCollection))]
public sealed class NodeGalleryTests(ITestOutputHelper output)
{
    private const int People = 8;

    [Fact]
    public void After_node_A_acknowledges_a_withdrawal_the_next_identify_on_node_B_does_not_return_the_person()
    {
        var database = TestServer.CreateDatabase();
        try
        {
            using var a = NodeProcess.OnPostgreSql("node-a", database);
            using var b = NodeProcess.OnPostgreSql("node-b", database);
            Assert.Equal("True", b.Run("gallery")["current"]);

            // Enrolled on A after B's gallery started: they reach it through the feed.
            Assert.Equal("0", a.Run($"enrol subjects=resident count={People} purpose=search")["failed"]);
            var caughtUp = b.Run($"wait sequence={LastSequence(database)}");
            Assert.Equal("True", caughtUp["reached"]);
            Assert.Equal(People, NodeProcess.Number(caughtUp, "people"));
            Assert.All(Residents(0, People), subject => Assert.Equal("found", Identify(b, subject)));

            foreach (var subject in Residents(0, People / 2))
            {
                Assert.Equal("0", a.Run($"withdraw subject={subject} purpose=search")["failed"]);
                Assert.Single(a.Acks("withdraw"), ack => ack[0] == subject);

                // No wait: B checks each candidate's consent with the shared registry before returning them.
                Assert.Equal("absent", Identify(b, subject));
            }

            Assert.All(Residents(People / 2, People), subject => Assert.Equal("found", Identify(b, subject)));

            // Once the withdrawals' records have arrived, B's gallery no longer holds those people at all.
            var applied = b.Run($"wait sequence={LastSequence(database)}");
            Assert.Equal("True", applied["reached"]);
            Assert.Equal(People - People / 2, NodeProcess.Number(applied, "people"));
            Assert.All(Residents(0, People / 2), subject => Assert.Equal("absent", Identify(b, subject)));
        }
        finally
        {
            TestServer.DropDatabase(database);
        }
    }

    [Fact]
    public void A_deletion_on_node_A_leaves_node_B_gallery_within_the_bound_while_the_consent_stays()
    {
        var database = TestServer.CreateDatabase();
        try
        {
            using var a = NodeProcess.OnPostgreSql("node-a", database);
            using var b = NodeProcess.OnPostgreSql("node-b", database);
            Assert.Equal("0", a.Run($"enrol subjects=resident count={People} purpose=search")["failed"]);

            // Enrolled before B's gallery started: loaded from the store.
            var started = b.Run("gallery");
            Assert.Equal("True", started["current"]);
            Assert.Equal(People, NodeProcess.Number(started, "people"));
            Assert.All(Residents(0, People), subject => Assert.Equal("found", Identify(b, subject)));

            var deleted = Residents(0, People / 2);
            foreach (var subject in deleted)
            {
                Assert.Equal("0", a.Run($"delete subject={subject}")["failed"]);
            }

            // The consent is kept, so only the feed removes them: wait with a deadline, assert no time.
            var deadline = Stopwatch.StartNew();
            foreach (var subject in deleted)
            {
                while (Identify(b, subject) != "absent")
                {
                    Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"node B still returns {subject} a minute after node A deleted them");
                    System.Threading.Thread.Sleep(10);
                }
            }

            output.WriteLine($"node B stopped returning the {deleted.Count} deleted people after {deadline.ElapsedMilliseconds} ms (stated bound: docs/benchmarks/scale-out.md)");
            var applied = b.Run($"wait sequence={LastSequence(database)}");
            Assert.Equal("True", applied["reached"]);
            Assert.Equal(People - deleted.Count, NodeProcess.Number(applied, "people"));
            Assert.All(deleted, subject => Assert.Equal("absent", Identify(b, subject)));
            Assert.All(Residents(People / 2, People), subject => Assert.Equal("found", Identify(b, subject)));
        }
        finally
        {
            TestServer.DropDatabase(database);
        }
    }

    private static string Identify(NodeProcess node, string subject) => node.Run($"identify subject={subject}")["answer"];

    private static List<string> Residents(int from, int to) => Enumerable.Range(from, to - from).Select(i => $"resident-{i}").ToList();

    /// <summary>The last audit record in the database: what a node's gallery must have applied to hold every write so far.</summary>
    private static long LastSequence(string connectionString)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand("SELECT coalesce(max(sequence), 0) FROM audit", connection);
        return (long)command.ExecuteScalar()!;
    }
}
