using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;
using FaceCompliance.Storage;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// The stress tests run alone, after the parallel ones: a store's <c>Dispose</c> clears every SQLite connection pool
/// in the process (see <see cref="ConcurrencyTests.Disposing_one_store_while_another_store_in_the_process_is_in_use_does_not_break_it"/>),
/// so the other tests' teardowns would otherwise hit these tests' connections, and on two cores they compete for CPU.
/// </summary>
[CollectionDefinition(nameof(StoreStressCollection), DisableParallelization = true)]
public sealed class StoreStressCollection
{
}

/// <summary>
/// A store's <c>Dispose</c> clears every SQLite connection pool in the process: another store must not notice. (Many
/// threads on one store: ConcurrencyContract in tests/FaceCompliance.Stores.Tests, against both stores.)
/// </summary>
[Collection(nameof(StoreStressCollection))]
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public void Disposing_one_store_while_another_store_in_the_process_is_in_use_does_not_break_it()
    {
        using var busy = new TestStore(dimension: 8);
        var receipt = busy.Consents.Grant<GateEntry>(new ConsentGrant("busy-subject") { AgeBand = FacialAgeBand.Adult });
        busy.Templates.Enroll(receipt, TestStore.Template(1));
        using var other = new TestStore(dimension: 8);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var stop = 0;
        var checks = 0L;
        var readers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            try
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    Assert.Null(busy.Consents.Check(receipt));
                    Interlocked.Increment(ref checks);
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })
        { IsBackground = true }).ToArray();
        foreach (var reader in readers)
        {
            reader.Start();
        }

        var disposals = 0;
        // Dispose the other store again and again (each call clears the pools) while the readers open connections.
        while (failures.IsEmpty && Interlocked.Read(ref checks) < 150_000)
        {
            other.Store.Dispose();
            disposals++;
            Thread.Sleep(disposals % 2);
        }

        Volatile.Write(ref stop, 1);
        foreach (var reader in readers)
        {
            Assert.True(reader.Join(TimeSpan.FromMinutes(2)));
        }

        output.WriteLine($"{disposals} disposals of another store during {Interlocked.Read(ref checks)} consent checks");
        Assert.True(failures.IsEmpty, $"after {disposals} disposals of another store: {failures.FirstOrDefault()}");
        Assert.Null(busy.Consents.Check(receipt));
    }

    internal static List<object[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
