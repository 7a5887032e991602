using System;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Tests;

/// <summary>
/// The AI Act keeps the logs of high-risk systems at least 6 months (Art. 19, Art. 26(6); the EU-AIACT profile's
/// records floor). The audit trail holds those logs, and its retention cannot be configured below 3 years, so it can
/// never be configured below the AI Act's floor either.
/// </summary>
public sealed class AiActLogFloorTests
{
    private static readonly DateTimeOffset Start = new(2026, 8, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_audit_retention_minimum_covers_the_AI_Act_log_floor_even_at_its_longest()
    {
        var floor = JurisdictionRequirementTable.EUAIACT.RecordsFloor!.Value.Value;

        Assert.Equal(LawPeriod.OfMonths(6), floor);
        Assert.True(Start + AuditRetention.Minimum >= floor.After(Start));
    }

    [Fact]
    public void A_retention_of_6_months_is_refused()
    {
        var sixMonths = LawPeriod.OfMonths(6).After(Start) - Start;

        Assert.Throws<ArgumentOutOfRangeException>(() => AuditRetention.Validate(sixMonths));
    }
}
