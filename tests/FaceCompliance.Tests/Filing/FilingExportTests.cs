using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace FaceCompliance.Tests.Filing;

/// <summary>
/// FilingExport reads the declarations by reflection (here without the generator: no notice version) and writes the
/// filing form with the count and deadline of the tracker's event (Art. 15). The generator tests compare its output
/// with the build's filing.json for the compiled sample.
/// </summary>
public sealed class FilingExportTests
{
    // 2025-06-10 10:00 in China Standard Time, a Tuesday.
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 10, 2, 0, 0, TimeSpan.Zero);

    private static readonly FacialDataProcessorAttribute Processor = new("示例物业服务有限公司", "privacy@example.com")
    {
        NameEn = "  Example Property Services  ",
        SecurityMeasures = FacialDataSecurityMeasures.DataEncryption | FacialDataSecurityMeasures.SecurityAudit,
    };

    [Fact]
    public void A_store_past_the_threshold_exports_its_real_count_and_the_trackers_deadline()
    {
        var tracker = new FilingThresholdTracker(new FilingThresholdOptions { TimeProvider = new FixedTimeProvider(Tuesday), Calendar = WorkingDayCalendar.WeekendsOnly });
        var reached = tracker.Observe(99_990, 100_004).Single(e => e.Level == FilingThresholdLevel.Filing);

        var filing = FilingExport.FromDeclarations(Processor, [typeof(LobbyCount), typeof(GateEntry)]).Filing(reached, new DateOnly(2025, 6, 11));

        using var json = JsonDocument.Parse(filing);
        var root = json.RootElement;
        Assert.Equal(100_004, root.GetProperty("存储人脸信息的人数").GetInt32());
        Assert.Equal("2025-06-10", root.GetProperty("达到备案数量之日").GetString());
        Assert.Equal("2025-07-22", root.GetProperty("备案截止日期").GetString());   // six weeks of weekdays after a Tuesday
        Assert.Equal("2025-06-11", root.GetProperty("填报日期").GetString());
        Assert.Equal("Example Property Services", root.GetProperty("个人信息处理者基本情况").GetProperty("name").GetString());
        Assert.Equal(new[] { "数据加密", "安全审计" }, root.GetProperty("安全保护措施").EnumerateArray().Select(e => e.GetString()));
        var purposes = root.GetProperty("处理目的和处理方式").EnumerateArray().ToList();
        Assert.Equal(new[] { typeof(GateEntry).FullName, typeof(LobbyCount).FullName }, purposes.Select(p => p.GetProperty("标识").GetString()));
        Assert.Equal("辨识特定个人（1:N检索比对）", purposes[0].GetProperty("处理方式").GetString());
        Assert.Equal("是", purposes[0].GetProperty("是否通过互联网对外传输").GetString());
        Assert.Equal("本公司位于深圳的服务器", purposes[0].GetProperty("传输接收方及所在地").GetString());
        Assert.Equal("集团总部", purposes[0].GetProperty("向其他个人信息处理者提供").EnumerateArray().Single().GetProperty("接收方名称").GetString());
        Assert.Equal("", purposes[0].GetProperty("人脸信息处理规则版本").GetString());
    }

    [Fact]
    public void An_assembly_without_a_processor_or_a_purpose_cannot_be_filed()
    {
        Assert.Throws<ArgumentException>(() => FilingExport.FromAssembly(typeof(FilingExportTests).Assembly));
        Assert.Throws<ArgumentException>(() => FilingExport.FromDeclarations(Processor, []));
        Assert.Throws<ArgumentException>(() => FilingExport.FromDeclarations(Processor, [typeof(FilingExportTests)]));
    }

    [Fact]
    public void Differences_ignore_the_english_twins_dates_and_purpose_order()
    {
        var export = FilingExport.FromDeclarations(Processor, [typeof(GateEntry), typeof(LobbyCount)]);

        var first = export.Filing(10, new DateOnly(2025, 6, 1));
        var second = export.Filing(12, new DateOnly(2025, 6, 9));

        Assert.Equal(new[] { new FilingDifference("存储人脸信息的人数", "10", "12") }, FilingExport.Differences(first, second));
        Assert.Throws<ArgumentException>(() => FilingExport.Differences("[]", second));
    }

    [FacialDataPurpose(FacialProcessingMethod.Detection, DescriptionZh = "统计人数", DescriptionEn = "Count people", RetentionDays = 1)]
    private sealed class LobbyCount;

    [FacialDataPurpose(FacialProcessingMethod.Identification, DescriptionZh = "识别员工", DescriptionEn = "Identify staff", RetentionDays = 30,
        Storage = FacialDataStorage.Server, TransferRecipientZh = "本公司位于深圳的服务器", TransferRecipientEn = "Our server in Shenzhen")]
    [FacialDataRecipient("hq", NameZh = "集团总部", NameEn = "Group HQ", Contact = "hq@example.com", PurposeZh = "统一门禁", PurposeEn = "Access",
        Method = FacialProcessingMethod.Verification, DataCategories = FacialDataCategories.FaceTemplate)]
    private sealed class GateEntry;

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
