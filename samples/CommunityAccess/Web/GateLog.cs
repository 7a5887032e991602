using System;
using System.Collections.Generic;
using System.Threading;
using CommunityAccess.Gate;

namespace CommunityAccess.Web;

/// <summary>
/// The last gate decisions, face or card, in memory only, for the operator page. Card entries process no face
/// information, so accepted ones are not in FaceCompliance's audit trail (wrong ones and lockouts are: see
/// <see cref="CardLockout"/>); this shows that the alternative is used.
/// </summary>
internal sealed class GateLog(TimeProvider clock)
{
    private const int Capacity = 50;
    private readonly Queue<GateLogEntry> entries = new();
    private readonly Lock gate = new();

    /// <summary>Adds a decision.</summary>
    public GateDecision Add(GateDecision decision)
    {
        lock (gate)
        {
            entries.Enqueue(new GateLogEntry(clock.GetUtcNow(), decision.ResidentId, decision.Channel, decision.Outcome, decision.Reason));
            while (entries.Count > Capacity)
            {
                entries.Dequeue();
            }
        }

        return decision;
    }

    /// <summary>The decisions, newest first.</summary>
    public IReadOnlyList<GateLogEntry> Recent()
    {
        lock (gate)
        {
            var list = new List<GateLogEntry>(entries);
            list.Reverse();
            return list;
        }
    }
}

/// <summary>One gate decision in the log.</summary>
internal sealed record GateLogEntry(DateTimeOffset Time, string ResidentId, GateChannel Channel, GateOutcome Outcome, string Reason);
