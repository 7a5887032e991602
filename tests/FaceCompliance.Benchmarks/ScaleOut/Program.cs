using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using FaceCompliance.Benchmarks;
using FaceCompliance.Benchmarks.ScaleOut;
using FaceCompliance.Stores.Tests;
using Npgsql;

// Options: --seconds S (load per measurement, default 6), --rounds R (default 5), --threads T (per node, default 2),
// --postgres <connection string of a role that may CREATE DATABASE> (default: a private server started here, as the
// tests' PrivatePostgresServer, with Debian's binaries), --fsync on|off (the private server's; default off, as the
// test server), --no-write (print only).
var seconds = 6.0;
var rounds = 5;
var threads = 2;
string? postgres = null;
var fsync = false;
var write = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--postgres": postgres = args[++i]; break;
        case "--fsync": fsync = args[++i] == "on"; break;
        case "--no-write": write = false; break;
        default: Console.Error.WriteLine("unknown option " + args[i]); return 2;
    }
}

var loadAtStart = BenchmarkMachine.LoadAverage();
const string MasterKey = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";
const int PoolSize = 100;
const double EnrolShare = 0.2;
const double WithdrawShare = 0.05;

PrivatePostgresServer? server = null;
if (postgres is null)
{
    if (Environment.GetEnvironmentVariable(PrivatePostgresServer.BinVariable) is not { Length: > 0 })
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).Order().LastOrDefault()
            : null;
        Environment.SetEnvironmentVariable(PrivatePostgresServer.BinVariable, bin);
        if (Environment.UserName == "root" && Environment.GetEnvironmentVariable(PrivatePostgresServer.AsVariable) is null)
        {
            Environment.SetEnvironmentVariable(PrivatePostgresServer.AsVariable, "runuser -u postgres --");
        }
    }

    server = new PrivatePostgresServer { Fsync = fsync };
    server.Start();
    postgres = server.ConnectionString;
}

try
{
    // The last PostgreSQL row: one node with the threads of two, to tell more processes from more concurrent writers.
    var configurations = new (string Store, int Nodes, int Threads)[]
    {
        ("PostgreSQL", 1, threads), ("PostgreSQL", 2, threads), ("PostgreSQL", 4, threads), ("PostgreSQL", 1, 2 * threads), ("SQLite", 1, threads),
    };
    var results = configurations.ToDictionary(c => c, _ => new List<Measure>());
    for (var round = 0; round < rounds; round++)
    {
        // Rotate the order each round, so that drift in the machine's load does not favour one configuration.
        foreach (var configuration in configurations.Skip(round % configurations.Length).Concat(configurations.Take(round % configurations.Length)))
        {
            var measure = RunLoad(configuration.Store, configuration.Nodes, configuration.Threads);
            results[configuration].Add(measure);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: {configuration.Store} {configuration.Nodes}x{configuration.Threads}: {measure.All:0} ops/s (enrol {measure.Enrol:0}/s, verify {measure.Verify:0}/s), failed {measure.Failed}"));
        }
    }

    var lockResults = new List<ChainLock.Result>();
    var scratch = CreateDatabase(postgres);
    try
    {
        foreach (var writers in new[] { 1, 2, 4, 8 })
        {
            var result = ChainLock.Measure(scratch, writers, TimeSpan.FromSeconds(3));
            lockResults.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chain lock, {writers} writers: {result.LockedPerSecond:0} vs {result.UnlockedPerSecond:0} appends/s"));
        }
    }
    finally
    {
        DropDatabase(postgres, scratch);
    }

    var throughput = ThroughputSection(results, configurations);
    var chainLock = ChainLockSection(lockResults);
    Console.WriteLine(throughput);
    Console.WriteLine(chainLock);
    if (write)
    {
        var path = Path.Combine(BenchmarkMachine.RepositoryRoot(), "docs", "benchmarks", "scale-out.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Scale-out: several nodes on one PostgreSQL database\n\nIssue 16: what several application nodes on one PostgreSQL database gain and cost. Each section names the program that writes it and how to run it again.\n";
        text = ReplaceSection(ReplaceSection(text, "## Throughput", throughput), "## Chain-head lock", chainLock);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
finally
{
    server?.Dispose();
}

return 0;

Measure RunLoad(string store, int nodeCount, int threadsPerNode)
{
    var sqliteDirectory = Path.Combine(Path.GetTempPath(), "facecompliance-scaleout-" + Guid.NewGuid().ToString("N"));
    var database = store == "PostgreSQL" ? CreateDatabase(postgres) : null;
    if (database is null)
    {
        Directory.CreateDirectory(sqliteDirectory);
    }

    var nodes = new List<BenchNode>();
    try
    {
        for (var n = 0; n < nodeCount; n++)
        {
            nodes.Add(database is not null
                ? new BenchNode($"node-{n}", "--postgres", database, MasterKey)
                : new BenchNode($"node-{n}", "--sqlite", Path.Combine(sqliteDirectory, "faces.db"), MasterKey));
        }

        nodes[0].Run($"enrol subjects=pool count={PoolSize}");
        var load = string.Create(CultureInfo.InvariantCulture,
            $"load seconds={seconds} threads={threadsPerNode} enrol={EnrolShare} withdraw={WithdrawShare} pool=pool:{PoolSize}");
        using var sampler = database is not null ? new LockSampler(postgres, database) : null;
        nodes.ForEach(n => n.Send(load));
        var done = nodes.Select(n => n.Next()).ToList();
        var (inTransaction, waiting) = sampler?.Stop() ?? (double.NaN, double.NaN);
        var duration = done.Max(d => BenchNode.Number(d, "seconds"));
        double Sum(string field) => done.Sum(d => BenchNode.Number(d, field));
        return new Measure(Sum("enrol") / duration, Sum("verify") / duration, Sum("withdraw") / duration, (long)Sum("failed"), inTransaction, waiting);
    }
    finally
    {
        nodes.ForEach(n => n.Dispose());
        if (database is not null)
        {
            DropDatabase(postgres, database);
        }
        else
        {
            Directory.Delete(sqliteDirectory, recursive: true);
        }
    }
}

string ThroughputSection(Dictionary<(string Store, int Nodes, int Threads), List<Measure>> results, (string Store, int Nodes, int Threads)[] configurations)
{
    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    var one = results[("PostgreSQL", 1, threads)];
    var text = new StringBuilder()
        .AppendLine("## Throughput")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Written by `dotnet run -c Release --project tests/FaceCompliance.Benchmarks/ScaleOut{Options()}` (issue 16): {DateTime.UtcNow:yyyy-MM-dd} UTC; {BenchmarkMachine.CpuModel()}, {Environment.ProcessorCount} logical cores shared by the database server, every node process and this program (and, on this machine, other work: load average {loadAtStart} at the start, {BenchmarkMachine.LoadAverage()} at the end); PostgreSQL {ServerVersion(postgres)} {(server is null ? "given with --postgres" : $"started by the program in a temporary folder, Unix socket, fsync={(fsync ? "on" : "off")}")}.")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Each node is a process of its own (FaceCompliance.Stores.NodeWorker, Release) with {threads} threads (one row: {2 * threads}) and its own connection pool, on a fresh database (or SQLite file) where {PoolSize} people were enrolled first. For {seconds} s each thread picks at random: enrol a new person ({EnrolShare:P0}: a consent grant and an enrolment, two write transactions), withdraw a person it enrolled ({WithdrawShare:P0}), or verify (1:1) a person of the pool (the rest; a verification is audited, so it is a write transaction too). Every write locks the audit chain's head. Throughput is operations acknowledged per second, all nodes together; median of {rounds} rounds, the configurations' order rotated each round. The last two columns sample the server's sessions every 10 ms during the load (`pg_stat_activity`): the mean number in a transaction, and of those waiting for a lock, which in this workload can only be the chain head's row.")
        .AppendLine()
        .AppendLine("| store | nodes | threads per node | enrolments/s | verifications/s | withdrawals/s | all operations/s | x one PostgreSQL node | failed | sessions in a transaction | of which waiting for the head lock |")
        .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var configuration in configurations)
    {
        var measures = results[configuration];
        var ratio = Median(measures.Zip(one, (m, o) => m.All / o.All));
        string Sampled(Func<Measure, double> value) => configuration.Store == "PostgreSQL" ? Median(measures.Select(value)).ToString("0.0", CultureInfo.InvariantCulture) : "";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {configuration.Store} | {configuration.Nodes} | {configuration.Threads} | {Median(measures.Select(m => m.Enrol)):0} | {Median(measures.Select(m => m.Verify)):0} | {Median(measures.Select(m => m.Withdraw)):0} | {Median(measures.Select(m => m.All)):0} | {ratio:0.00} | {measures.Sum(m => m.Failed)} | {Sampled(m => m.InTransaction)} | {Sampled(m => m.Waiting)} |");
    }

    var two = Median(results[("PostgreSQL", 2, threads)].Zip(one, (m, o) => m.All / o.All));
    text.AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"\"x one PostgreSQL node\": the median over rounds of the ratio to the one-node run of the same round (per round: {string.Join(", ", results[("PostgreSQL", 2, threads)].Zip(one, (m, o) => (m.All / o.All).ToString("0.00", CultureInfo.InvariantCulture)))}). Goal: 2 nodes >= 1.7x one node's throughput on the mixed workload: **{(two >= 1.7 ? "met" : "not met")}** ({two:0.00}x).")
        .AppendLine()
        .AppendLine("What bounds these figures. Every write of every node (a verification too: it is audited) is one transaction that holds the chain head's row lock from its first statement to its commit: the consent check, the template reads and decryption, the record, the head. So the database runs the writes of all nodes one at a time, whatever the number of nodes (the last two columns: of the sessions in a transaction, all but about one are waiting for the head lock): a second node adds client CPU, not write capacity, and with more writers than cores a lock holder that loses its core makes every other writer wait (the chain-head lock below). Here the server, every node and this program also share 2 cores with other work, so a second node mostly competes for the same CPU, and runs differ by tens of percent (compare the rounds). The row with one node and twice the threads has as many concurrent writers as two nodes: what separates it from the two-node row is the second process, not more concurrency. The goal needs the lock held for less than a whole write (take it only for the append and re-check the consent under it, so that template reads, decryption and comparison run outside it), or a machine where the server and the nodes do not share 2 cores.");
    return text.ToString();
}

string ChainLockSection(List<ChainLock.Result> lockResults)
{
    var text = new StringBuilder()
        .AppendLine("## Chain-head lock")
        .AppendLine()
        .AppendLine("The store's append transaction on scratch tables of the same server, by W writers at once (threads of this program, a connection each): lock the head row (`SELECT ... FOR UPDATE`), read the head, hash the record (HMAC-SHA256), insert it, move the head, commit; against the same statements without `FOR UPDATE`, each writer on a head row of its own (no contention: one chain per writer). Median of 3 alternating rounds of each after a warm-up; \"wait\" is the time of the lock statement (all rounds), \"transaction\" the whole append with the lock.")
        .AppendLine()
        .AppendLine("The store's own writes hold the lock longer than this minimal append (an enrolment also checks the consent and the limits, creates the data key and encrypts; a verification reads and decrypts the templates), so their ceiling is lower than the \"with the head lock\" column. On this shared machine the appends/s columns move by tens of percent between runs (a ratio above 1 is noise); the wait columns are steadier: the wait for the lock grows with the writers queued on it.")
        .AppendLine()
        .AppendLine("| writers | appends/s with the head lock | appends/s without (a head per writer) | with / without | mean wait for the lock (ms) | p99 wait (ms) | mean transaction (ms) |")
        .AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var r in lockResults)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {r.Writers} | {r.LockedPerSecond:0} | {r.UnlockedPerSecond:0} | {r.LockedPerSecond / r.UnlockedPerSecond:0.00} | {r.MeanWaitMs:0.00} | {r.P99WaitMs:0.00} | {r.MeanTransactionMs:0.00} |");
    }

    return text.ToString();
}

string Options()
{
    var shown = new List<string>();
    if (seconds != 6 || rounds != 5 || threads != 2)
    {
        shown.Add(string.Create(CultureInfo.InvariantCulture, $"--seconds {seconds} --rounds {rounds} --threads {threads}"));
    }

    if (fsync)
    {
        shown.Add("--fsync on");
    }

    return shown.Count == 0 ? "" : " -- " + string.Join(' ', shown);
}

static string ReplaceSection(string text, string heading, string section)
{
    var start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
    if (start < 0)
    {
        return text.TrimEnd('\n') + "\n\n" + section;
    }

    var next = text.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
    return text[..(start + 1)] + section + (next < 0 ? "" : "\n" + text[(next + 1)..]);
}

static string CreateDatabase(string server)
{
    var name = "facecompliance_bench_" + Guid.NewGuid().ToString("N");
    Admin(server, $"CREATE DATABASE {name}");
    return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
}

static void DropDatabase(string server, string database) =>
    Admin(server, $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(database).Database} WITH (FORCE)");

static void Admin(string server, string sql)
{
    using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ToString());
    connection.Open();
    using var command = new NpgsqlCommand(sql, connection);
    command.ExecuteNonQuery();
}

static string ServerVersion(string server)
{
    using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ToString());
    connection.Open();
    return connection.ServerVersion;
}

/// <summary>Operations acknowledged per second in one run, all nodes together; and, on PostgreSQL, the mean sessions in a transaction and waiting for the head lock.</summary>
internal sealed record Measure(double Enrol, double Verify, double Withdraw, long Failed, double InTransaction, double Waiting)
{
    public double All => Enrol + Verify + Withdraw;
}
