using System;
using System.Threading;
using Npgsql;

namespace FaceCompliance.Benchmarks.ScaleOut;

/// <summary>
/// Samples the server's sessions on one database every few milliseconds while the nodes run: how many are in a
/// transaction, and how many of those wait for a lock. In this workload the only lock a write can wait for is the
/// chain head's row (every other row a write touches is its own person's), so the waiting ones are queued on it.
/// </summary>
internal sealed class LockSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _samples;
    private long _inTransaction;
    private long _waiting;

    public LockSampler(string server, string database)
    {
        _thread = new Thread(() =>
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ToString());
            connection.Open();
            using var command = new NpgsqlCommand("""
                SELECT count(*) FILTER (WHERE xact_start IS NOT NULL), count(*) FILTER (WHERE wait_event_type = 'Lock')
                FROM pg_stat_activity WHERE datname = @database AND backend_type = 'client backend'
                """, connection);
            command.Parameters.AddWithValue("@database", new NpgsqlConnectionStringBuilder(database).Database!);
            while (!_stop)
            {
                using (var reader = command.ExecuteReader())
                {
                    reader.Read();
                    _inTransaction += reader.GetInt64(0);
                    _waiting += reader.GetInt64(1);
                    _samples++;
                }

                Thread.Sleep(10);
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    /// <summary>The mean number of sessions in a transaction, and of those waiting for the head lock, over the samples.</summary>
    public (double InTransaction, double Waiting) Stop()
    {
        _stop = true;
        _thread.Join();
        return _samples == 0 ? (0, 0) : ((double)_inTransaction / _samples, (double)_waiting / _samples);
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }
}
