using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// The PostgreSQL server stopped (immediate: every backend ended, as in a crash) and started again while two node
/// processes enrol and verify: writes fail with the driver's exception and are not acknowledged while it is away,
/// nothing acknowledged is lost, no record is torn, the chain verifies, and both nodes serve again by themselves (the
/// store needs no reconnect logic of its own: a write on a connection the restart broke fails once, and Npgsql drops
/// the pool's broken connections).
/// </summary>
[Collection(nameof(NodeProcessCollection))]
public sealed class PostgreSqlRestartTests(ITestOutputHelper output)
{
    [Fact]
    public void A_restart_of_the_server_in_the_middle_of_the_load_loses_no_acknowledged_write_and_the_nodes_recover_by_themselves()
    {
        using var server = new PrivatePostgresServer();
        server.Start();
        using var a = NodeProcess.OnPostgreSql("node-a", server.ConnectionString);
        using var b = NodeProcess.OnPostgreSql("node-b", server.ConnectionString);
        var nodes = new[] { a, b };
        Assert.Equal("0", a.Run("enrol subjects=pool count=10")["failed"]);
        var starts = nodes.Select(n => n.Lines.Count).ToArray();
        foreach (var node in nodes)
        {
            node.Send("load seconds=0 threads=2 enrol=0.3 pool=pool:10");
        }

        foreach (var (node, i) in nodes.Select((n, i) => (n, i)))
        {
            node.WaitForAcks("enrol", 10, starts[i]);
        }

        var restarted = starts;
        for (var round = 0; round < NodeProcess.Rounds(1, 15); round++)
        {
            server.Stop();
            var stopped = nodes.Select(n => n.Lines.Count).ToArray();
            foreach (var (node, i) in nodes.Select((n, i) => (n, i)))
            {
                node.WaitFor(stopped[i], line => line.StartsWith("fail ", StringComparison.Ordinal), "a failed write while the server is stopped");
            }

            server.Start();
            restarted = nodes.Select(n => n.Lines.Count).ToArray();
            foreach (var (node, i) in nodes.Select((n, i) => (n, i)))
            {
                // Serving again without help: enrolments and verifications acknowledged after the restart.
                node.WaitForAcks("enrol", 10, restarted[i]);
                node.WaitForAcks("verify", 10, restarted[i]);
            }
        }

        foreach (var (node, i) in nodes.Select((n, i) => (n, i)))
        {
            node.Send("stop");
            var done = node.Done("load", starts[i]);
            var failures = node.Lines.Skip(starts[i]).Where(l => l.StartsWith("fail ", StringComparison.Ordinal)).ToList();
            Assert.Equal(failures.Count, NodeProcess.Number(done, "failed"));
            var kinds = failures.Select(l => l.Split(' ')[3].TrimEnd(':')).Distinct().Order().ToList();
            var afterRestart = node.Lines.Skip(restarted[i]).Count(l => l.StartsWith("fail ", StringComparison.Ordinal));
            output.WriteLine($"{node.Name}: {string.Join(' ', done.Select(p => $"{p.Key}={p.Value}"))}; {afterRestart} of the failures after the last restart");
            foreach (var message in failures.Select(l => string.Join(' ', l.Split(' ')[3..])).Distinct())
            {
                output.WriteLine("  " + message);
            }

            // The driver's own exceptions, which say the server went away: nothing else failed.
            Assert.All(kinds, kind => Assert.Contains(kind, new[] { "Npgsql.NpgsqlException", "Npgsql.PostgresException" }));
            Assert.All(node.Acks("verify"), ack => Assert.Equal("match", ack[1]));
        }

        var stored = StoredRecords.Read(server.ConnectionString);
        stored.CheckWholeAndAcknowledged(nodes);
        foreach (var node in nodes)
        {
            var chain = node.Run("chain");
            Assert.True(chain["valid"] == "True", $"{node.Name}: {chain["problem"]}");
            Assert.Equal(stored.Audit.Count, NodeProcess.Number(chain, "records"));
        }

        output.WriteLine($"{stored.Templates.Count} templates, {stored.Audit.Count} audit records: whole, every acknowledged write kept");

        // A restart while the nodes are idle, their pools full of connections to the old server: the first write
        // finds its connection broken and fails (not acknowledged); the driver then drops the pool's other broken
        // connections, so every later write succeeds.
        server.Stop();
        server.Start();
        foreach (var node in nodes)
        {
            var results = Enumerable.Range(0, 5).Select(i => node.Run($"verify subject=pool-{i}")["failed"]).ToList();
            output.WriteLine($"{node.Name} after a restart while idle: {string.Join(' ', results.Select(r => r == "0" ? "ok" : "failed"))}");
            Assert.All(results.Skip(1), result => Assert.Equal("0", result));
        }
    }
}
