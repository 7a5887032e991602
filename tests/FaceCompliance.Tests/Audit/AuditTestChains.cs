using System;
using System.Collections.Generic;
using System.Linq;
using FaceCompliance.Storage;

namespace FaceCompliance.Tests.Audit;

/// <summary>Keys and chains shared by the audit tests; everything is fixed so runs are repeatable.</summary>
internal static class AuditTestChains
{
    public static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static readonly byte[] OtherKey = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    public static readonly DateTimeOffset Start = new(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public static AuditChain Chain() => new(Key);

    /// <summary>A chain of <paramref name="count"/> records whose fields vary, nulls included.</summary>
    public static List<AuditRecord> Build(int count, AuditChain? chain = null, string actor = "gate-1")
    {
        chain ??= Chain();
        var actions = Enum.GetValues<AuditAction>();
        var outcomes = Enum.GetValues<AuditOutcome>();
        var records = new List<AuditRecord>(count);
        AuditRecord? previous = null;
        for (var i = 0; i < count; i++)
        {
            previous = chain.Append(previous, Start.AddMinutes(i), actor, actions[i % actions.Length],
                i % 3 == 0 ? null : $"resident-{i}",
                i % 4 == 0 ? null : "Sunny.Gardens.CommunityEntry",
                i % 5 == 0 ? null : $"receipt-{i}",
                outcomes[i % outcomes.Length],
                i % 2 == 0 ? null : $"reason {i}");
            records.Add(previous);
        }

        return records;
    }
}
