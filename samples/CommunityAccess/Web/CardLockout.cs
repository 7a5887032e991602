using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CommunityAccess.Gate;
using FaceCompliance;

namespace CommunityAccess.Web;

/// <summary>
/// Locks a resident's card or PIN after <see cref="GateSettings.CardLockoutFailures"/> consecutive wrong entries, for
/// <see cref="GateSettings.CardLockoutPeriod"/>, so that a PIN cannot be guessed online. Every wrong entry, every
/// lockout and every attempt while locked goes into the store's audit trail as an application event.
/// </summary>
/// <remarks>
/// Attempts are checked one at a time, so parallel guesses cannot slip past the limit while a PIN is being hashed.
/// The counts are kept in memory: a restart of the gate clears them. Only registered residents are counted, so the
/// table is as large as the resident list at most.
/// </remarks>
internal sealed class CardLockout(GateSettings settings, IAuditTrail audit, TimeProvider clock)
{
    private readonly Dictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> lockedUntil = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Runs one card or PIN check for a registered resident, unless their card or PIN is locked now.</summary>
    /// <param name="residentId">The resident claimed (registered).</param>
    /// <param name="check">The check itself: the gate's decision.</param>
    /// <returns>The decision, or when the card or PIN is locked, until when.</returns>
    public CardAttempt Attempt(string residentId, Func<GateDecision> check)
    {
        lock (gate)
        {
            DateTimeOffset now = clock.GetUtcNow();
            if (lockedUntil.TryGetValue(residentId, out DateTimeOffset until))
            {
                if (until > now)
                {
                    audit.RecordApplicationEvent(residentId, AuditOutcome.Refused, $"card/PIN attempt refused for subject '{residentId}': locked");
                    return new CardAttempt(null, until);
                }

                lockedUntil.Remove(residentId);
            }

            GateDecision decision = check();
            if (decision.Outcome == GateOutcome.Opened)
            {
                failures.Remove(residentId);
                return new CardAttempt(decision, null);
            }

            int count = failures[residentId] = failures.GetValueOrDefault(residentId) + 1;
            audit.RecordApplicationEvent(residentId, AuditOutcome.Refused,
                string.Create(CultureInfo.InvariantCulture, $"card/PIN refused for subject '{residentId}' (failure {count} of {settings.CardLockoutFailures})"));
            if (count >= settings.CardLockoutFailures)
            {
                failures.Remove(residentId);
                lockedUntil[residentId] = now + settings.CardLockoutPeriod;
                audit.RecordApplicationEvent(residentId, AuditOutcome.Refused,
                    string.Create(CultureInfo.InvariantCulture, $"card/PIN locked for subject '{residentId}' after {count} failures, for {settings.CardLockoutPeriod:c}"));
            }

            return new CardAttempt(decision, null);
        }
    }
}

/// <summary>One card or PIN attempt: the gate's decision, or, when the card or PIN was locked, until when.</summary>
internal sealed record CardAttempt(GateDecision? Decision, DateTimeOffset? LockedUntil);
