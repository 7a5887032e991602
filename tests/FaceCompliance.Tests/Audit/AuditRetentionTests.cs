using System;
using Xunit;

namespace FaceCompliance.Tests.Audit;

/// <summary>Measures Art. 9: the processing record is kept at least 3 years.</summary>
public sealed class AuditRetentionTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_minimum_is_1096_days()
    {
        Assert.Equal(TimeSpan.FromDays(1096), AuditRetention.Minimum);
    }

    [Fact]
    public void A_retention_of_at_least_the_minimum_is_accepted()
    {
        AuditRetention.Validate(AuditRetention.Minimum);
        AuditRetention.Validate(TimeSpan.FromDays(3650));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(365)]
    [InlineData(1095)]
    public void A_shorter_retention_is_refused_naming_article_9(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AuditRetention.Validate(TimeSpan.FromDays(days)));

        Assert.Equal("configured", error.ParamName);
        Assert.Contains("at least 3 years (Measures Art. 9)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_tick_short_of_the_minimum_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditRetention.Validate(AuditRetention.Minimum - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void A_record_may_be_purged_from_the_same_moment_three_years_later()
    {
        var written = Utc(2022, 3, 1, 10);

        Assert.False(AuditRetention.MayPurge(written, Utc(2025, 3, 1, 10).AddTicks(-1)));
        Assert.True(AuditRetention.MayPurge(written, Utc(2025, 3, 1, 10)));
        Assert.True(AuditRetention.MayPurge(written, Utc(2030, 1, 1)));
    }

    [Fact]
    public void A_record_of_29_february_is_kept_until_1_march_three_years_later()
    {
        var written = Utc(2024, 2, 29);

        Assert.False(AuditRetention.MayPurge(written, Utc(2027, 2, 28, 23)));
        Assert.True(AuditRetention.MayPurge(written, Utc(2027, 3, 1)));
    }

    [Fact]
    public void Offsets_do_not_shorten_the_period()
    {
        var written = new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));   // 2022-02-28T16:00Z

        Assert.False(AuditRetention.MayPurge(written, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(14)))); // 2025-02-28T10:00Z
        Assert.True(AuditRetention.MayPurge(written, Utc(2025, 2, 28, 16)));
    }

    [Fact]
    public void A_record_from_the_future_is_never_purged()
    {
        Assert.False(AuditRetention.MayPurge(Utc(2030, 1, 1), Utc(2025, 1, 1)));
    }

    [Theory]
    [InlineData(2025, 1, 1)]
    [InlineData(2027, 2, 28)]
    [InlineData(2027, 3, 1)]
    [InlineData(2028, 2, 29)]
    [InlineData(2028, 3, 1)]
    public void A_store_purging_after_the_minimum_always_keeps_records_three_calendar_years(int year, int month, int day)
    {
        var now = Utc(year, month, day, 12);

        Assert.True(AuditRetention.MayPurge(now - AuditRetention.Minimum, now));
    }
}
