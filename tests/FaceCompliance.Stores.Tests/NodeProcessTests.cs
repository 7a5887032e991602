using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using FaceCompliance.PostgreSql;

namespace FaceCompliance.Stores.Tests;

/// <summary>The node processes' tests run one at a time: each starts several processes that load the machine.</summary>
[CollectionDefinition(nameof(NodeProcessCollection), DisableParallelization = true)]
public sealed class NodeProcessCollection
{
}

/// <summary>
/// Several application nodes as real processes (FaceCompliance.Stores.NodeWorker) on one PostgreSQL database: they
/// append to one audit chain, count the people stored once, and a node killed with SIGKILL in the middle of an
/// enrolment loses nothing it acknowledged while the others go on verifying.
/// </summary>
[Collection(nameof(NodeProcessCollection))]
public sealed class NodeProcessTests(ITestOutputHelper output)
{
    private const int PoolSize = 10;

    [Fact]
    public void Node_processes_writing_at_once_form_one_chain_without_fork_or_gap_and_count_the_people_stored_once()
    {
        var database = TestServer.CreateDatabase();
        try
        {
            using var a = NodeProcess.OnPostgreSql("node-a", database);
            using var b = NodeProcess.OnPostgreSql("node-b", database);
            using var c = NodeProcess.OnPostgreSql("node-c", database);
            var nodes = new[] { a, b, c };
            Assert.Equal("0", a.Run($"enrol subjects=pool count={PoolSize}")["failed"]);

            var starts = nodes.Select(n => n.Lines.Count).ToArray();
            foreach (var node in nodes)
            {
                node.Send($"load seconds={NodeProcess.LoadSeconds} threads=2 enrol=0.3 withdraw=0.1 pool=pool:{PoolSize}");
            }

            foreach (var (node, i) in nodes.Select((n, i) => (n, i)))
            {
                var done = node.Done("load", starts[i]);
                Assert.Equal("0", done["failed"]);
                output.WriteLine($"{node.Name}: {string.Join(' ', done.Select(p => $"{p.Key}={p.Value}"))}");
            }

            int Acks(string operation) => nodes.Sum(n => n.Acks(operation).Count);
            var people = Acks("enrol") - Acks("withdraw");
            foreach (var node in nodes)
            {
                Assert.Equal(people, NodeProcess.Number(node.Run("census"), "people"));
            }

            var stored = StoredRecords.Read(database);
            // One record per acknowledged write (two for a withdrawal: the consent withdrawn, the data deleted).
            Assert.Equal(Acks("grant") + Acks("enrol") + Acks("verify") + 2 * Acks("withdraw"), stored.Audit.Count);
            Assert.Equal(Enumerable.Range(1, stored.Audit.Count).Select(i => (long)i), stored.Audit.Select(r => r.Sequence));
            Assert.Equal(["node-a", "node-b", "node-c"], stored.Audit.Select(r => r.Actor).Distinct().Order());
            Assert.Equal(people, stored.SubjectKeys.Count);
            foreach (var node in nodes)
            {
                var chain = node.Run("chain");
                Assert.True(chain["valid"] == "True", $"{node.Name}: {chain["problem"]}");
                Assert.Equal(stored.Audit.Count, NodeProcess.Number(chain, "records"));
            }

            output.WriteLine($"{stored.Audit.Count} audit records from 3 processes, one chain; {people} people stored");
        }
        finally
        {
            TestServer.DropDatabase(database);
        }
    }

    [Fact]
    public void A_node_killed_in_the_middle_of_enrolments_loses_no_acknowledged_enrolment_and_the_other_nodes_keep_verifying()
    {
        var database = TestServer.CreateDatabase();
        try
        {
            using var a = NodeProcess.OnPostgreSql("node-a", database);
            using var b = NodeProcess.OnPostgreSql("node-b", database);
            using var c = NodeProcess.OnPostgreSql("node-c", database);
            Assert.Equal("0", b.Run($"enrol subjects=pool count={PoolSize}")["failed"]);
            var verifiers = new[] { b, c };
            var starts = verifiers.Select(n => n.Lines.Count).ToArray();
            foreach (var node in verifiers)
            {
                node.Send($"load seconds=0 threads=1 pool=pool:{PoolSize}");
            }

            a.Send("enrol subjects=killed count=0");
            var killed = new System.Collections.Generic.List<NodeProcess>();
            var rounds = NodeProcess.Rounds(2, 5);
            for (var round = 1; round <= rounds; round++)
            {
                // Kill the enrolling node in the middle of its loop, start it again, and kill it again.
                var enrolling = round == 1 ? a : NodeProcess.OnPostgreSql("node-a", database);
                using var _ = round == 1 ? null : enrolling;
                if (round > 1)
                {
                    enrolling.Send($"enrol subjects=killed{round} count=0");
                }

                enrolling.WaitForAcks("enrol", 50);
                var verifiedBefore = verifiers.Select(n => n.Acks("verify").Count).ToArray();
                Assert.Equal(128 + 9, enrolling.Kill());
                killed.Add(enrolling);
                output.WriteLine($"round {round}: node-a killed after {enrolling.Acks("enrol").Count} acknowledged enrolments");

                // The others verify on: more acknowledged verifications after the kill, each one a match.
                foreach (var (node, i) in verifiers.Select((n, i) => (n, i)))
                {
                    node.WaitForAcks("verify", verifiedBefore[i] + 20);
                }

                var stored = StoredRecords.Read(database);
                stored.CheckWholeAndAcknowledged([.. killed, b, c]);
                output.WriteLine($"round {round}: {stored.ConsentSubjects.Count} consents, {stored.Templates.Count} templates (decrypted), {stored.Audit.Count} audit records: whole");
            }

            foreach (var (node, i) in verifiers.Select((n, i) => (n, i)))
            {
                node.Send("stop");
                var done = node.Done("load", starts[i]);
                Assert.Equal("0", done["failed"]);
                Assert.All(node.Acks("verify"), ack => Assert.Equal("match", ack[1]));
            }

            using var store = PostgreSqlFacialDataStore.Open(database, new FacialDataStoreOptions(new FacialDataKeys(StoreUnderTest.MasterKey))
            {
                Actor = "test",
                TemplateDimension = StoreUnderTest.Dimension,
            });
            var verification = store.Audit.Verify();
            Assert.True(verification.IsValid, verification.Problem);
        }
        finally
        {
            TestServer.DropDatabase(database);
        }
    }
}
