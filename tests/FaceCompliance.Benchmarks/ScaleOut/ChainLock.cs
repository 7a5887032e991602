using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using Npgsql;

namespace FaceCompliance.Benchmarks.ScaleOut;

/// <summary>
/// The cost of serialising appends on one chain head: the store's append transaction (lock the head row, read the
/// head, hash, insert the record, move the head, commit) on scratch tables, by W writers at once, against the same
/// statements without the lock on a head row of each writer's own (no contention, one chain per writer); alternating
/// rounds of each, after a warm-up.
/// </summary>
internal static class ChainLock
{
    public sealed record Result(int Writers, double LockedPerSecond, double UnlockedPerSecond, double MeanWaitMs, double P99WaitMs, double MeanTransactionMs);

    public static Result Measure(string connectionString, int writers, TimeSpan duration)
    {
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        using (var connection = dataSource.OpenConnection())
        {
            Execute(connection, null, """
                DROP TABLE IF EXISTS scratch_audit; DROP TABLE IF EXISTS scratch_chain;
                CREATE TABLE scratch_chain (id integer PRIMARY KEY, head_sequence bigint NOT NULL, head_hash bytea NOT NULL);
                CREATE TABLE scratch_audit (chain integer NOT NULL, sequence bigint NOT NULL, time bigint NOT NULL, actor text NOT NULL,
                    detail text, previous_hash bytea NOT NULL, hash bytea NOT NULL, PRIMARY KEY (chain, sequence));
                INSERT INTO scratch_chain SELECT g, 0, '\x00'::bytea FROM generate_series(0, 64) g;
                """);
        }

        // A short unmeasured run of each first (connections, JIT), then alternating rounds: the median of each side.
        Run(dataSource, writers, TimeSpan.FromMilliseconds(300), shared: true);
        Run(dataSource, writers, TimeSpan.FromMilliseconds(300), shared: false);
        var locked = new List<double>();
        var unlocked = new List<double>();
        var transactions = new List<double>();
        var waits = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var (perSecond, roundWaits, transactionMs) = Run(dataSource, writers, duration / Rounds, shared: true);
            locked.Add(perSecond);
            waits.AddRange(roundWaits);
            transactions.Add(transactionMs);
            unlocked.Add(Run(dataSource, writers, duration / Rounds, shared: false).PerSecond);
        }

        waits.Sort();
        return new Result(writers, Median(locked), Median(unlocked), waits.Average(), waits[(int)(waits.Count * 0.99)], Median(transactions));
    }

    private const int Rounds = 3;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <returns>Appends per second, the time each lock statement waited (ms), and the mean transaction time (ms).</returns>
    private static (double PerSecond, List<double> WaitsMs, double TransactionMs) Run(NpgsqlDataSource dataSource, int writers, TimeSpan duration, bool shared)
    {
        var appends = 0L;
        var waits = new List<double>();
        var transactionTicks = 0L;
        using var start = new Barrier(writers + 1);
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            var chain = shared ? 0 : w + 1;
            var lockClause = shared ? " FOR UPDATE" : "";
            var key = new byte[32];
            var myWaits = new List<double>();
            using var connection = dataSource.OpenConnection();
            start.SignalAndWait();
            var watch = Stopwatch.StartNew();
            var mine = 0L;
            var myTicks = 0L;
            while (watch.Elapsed < duration)
            {
                var began = Stopwatch.GetTimestamp();
                using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
                var before = Stopwatch.GetTimestamp();
                Execute(connection, transaction, $"SELECT 1 FROM scratch_chain WHERE id = {chain}{lockClause}");
                myWaits.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                long sequence;
                byte[] previous;
                using (var command = new NpgsqlCommand($"SELECT head_sequence, head_hash FROM scratch_chain WHERE id = {chain}{lockClause}", connection, transaction))
                using (var reader = command.ExecuteReader())
                {
                    reader.Read();
                    sequence = reader.GetInt64(0) + 1;
                    previous = (byte[])reader.GetValue(1);
                }

                var detail = "template " + Guid.NewGuid().ToString("N");
                byte[] message = [.. previous, .. BitConverter.GetBytes(sequence), .. System.Text.Encoding.UTF8.GetBytes(detail)];
                var hash = HMACSHA256.HashData(key, message);
                Execute(connection, transaction,
                    "INSERT INTO scratch_audit (chain, sequence, time, actor, detail, previous_hash, hash) VALUES (@chain, @sequence, @time, 'bench', @detail, @previous, @hash)",
                    ("@chain", chain), ("@sequence", sequence), ("@time", DateTime.UtcNow.Ticks), ("@detail", detail), ("@previous", previous), ("@hash", hash));
                Execute(connection, transaction, "UPDATE scratch_chain SET head_sequence = @sequence, head_hash = @hash WHERE id = @chain",
                    ("@sequence", sequence), ("@hash", hash), ("@chain", chain));
                transaction.Commit();
                myTicks += Stopwatch.GetTimestamp() - began;
                mine++;
            }

            Interlocked.Add(ref appends, mine);
            Interlocked.Add(ref transactionTicks, myTicks);
            lock (waits)
            {
                waits.AddRange(myWaits);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        start.SignalAndWait();
        var total = Stopwatch.StartNew();
        threads.ForEach(t => t.Join());
        return (appends / total.Elapsed.TotalSeconds, waits, Stopwatch.GetElapsedTime(0, transactionTicks).TotalMilliseconds / appends);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
