using System;
using System.Collections.Generic;
using Xunit;

namespace FaceCompliance.Tests;

/// <summary>The runtime side of a purpose: its notice, retention arithmetic and the registry the purge job reads.</summary>
public sealed class PurposeTests
{
    private static FacialNotice Notice(string version = "0123456789abcdef") => new(version,
        new FacialNoticeText("人脸信息处理规则\n", "# 人脸信息处理规则\n", null),
        new FacialNoticeText("How we process your face information\n", "# How we process your face information\n", null));

    private static FacialPurposeInfo Purpose(string id, int days = 30, string version = "0123456789abcdef") =>
        new(id, FacialProcessingMethod.Verification, TimeSpan.FromDays(days), FacialDataStorage.OnDevice, false, Notice(version));

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("ZH-cn", true)]
    [InlineData("zh", true)]
    [InlineData("en", false)]
    public void A_notice_is_found_by_language_tag(string language, bool chinese)
    {
        var notice = Notice();

        Assert.Same(chinese ? notice.Chinese : notice.English, notice.In(language));
    }

    [Fact]
    public void Asking_for_another_language_names_the_ones_that_exist()
    {
        var error = Assert.Throws<ArgumentException>(() => Notice().In("fr"));

        Assert.Contains("'zh-CN' and 'en', not in 'fr'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_purpose_without_a_positive_retention_cannot_exist(int days)
    {
        var error = Assert.Throws<ArgumentException>(() => Purpose("Tests.NoRetention", days));

        Assert.Contains("Tests.NoRetention", error.Message, StringComparison.Ordinal);
        Assert.Contains("Art. 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expiry_is_collection_time_plus_retention_and_is_reached_at_that_instant()
    {
        var purpose = Purpose("Tests.Expiry", days: 2);
        var collected = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(collected.AddDays(2), purpose.ExpiresAt(collected));
        Assert.False(purpose.IsExpired(collected, collected.AddDays(2).AddTicks(-1)));
        Assert.True(purpose.IsExpired(collected, collected.AddDays(2)));
    }

    [Fact]
    public void The_registry_returns_registered_purposes_and_accepts_the_same_declaration_twice()
    {
        var purpose = Purpose("Tests.Registry.Same");
        FacialPurposeRegistry.Register(purpose);
        FacialPurposeRegistry.Register(Purpose("Tests.Registry.Same"));

        Assert.Same(purpose, FacialPurposeRegistry.Get("Tests.Registry.Same"));
        Assert.Contains(purpose, FacialPurposeRegistry.All);
    }

    [Fact]
    public void The_registry_refuses_a_second_declaration_with_another_notice_or_retention()
    {
        FacialPurposeRegistry.Register(Purpose("Tests.Registry.Conflict"));

        var error = Assert.Throws<InvalidOperationException>(() => FacialPurposeRegistry.Register(Purpose("Tests.Registry.Conflict", days: 60)));
        Assert.Contains("registered twice", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => FacialPurposeRegistry.Register(Purpose("Tests.Registry.Conflict", version: "fedcba9876543210")));
        Assert.Equal(TimeSpan.FromDays(30), FacialPurposeRegistry.Get("Tests.Registry.Conflict").RetentionPeriod);
    }

    [Fact]
    public void An_unknown_purpose_has_no_schedule_and_says_so()
    {
        Assert.Null(FacialPurposeRegistry.Find("Tests.Registry.Unknown"));
        var error = Assert.Throws<KeyNotFoundException>(() => FacialPurposeRegistry.Get("Tests.Registry.Unknown"));
        Assert.Contains("retention schedule is unknown", error.Message, StringComparison.Ordinal);
    }
}
