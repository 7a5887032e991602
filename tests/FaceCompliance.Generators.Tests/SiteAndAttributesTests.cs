using System;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Generators.Model;
using FaceCompliance.Generators.Reports;
using FaceCompliance.Methods;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// The deployment site, purpose kind and attributes: the profile's values against the runtime's enums (the generator
/// never references the runtime), and what pipia.md and filing.json say of them.
/// </summary>
public sealed class SiteAndAttributesTests
{
    private static readonly ProcessorDeclaration s_processor = new("示例商场管理有限公司", "Example Mall Management", "privacy@example.com", "", "", 0, "");

    private static readonly PurposeDeclaration s_purpose = new(
        Id: "Demo.Audience",
        Type: new TypeShape("Demo", EquatableArray<string>.Empty, CanBeExtended: true),
        Method: ProcessingMethodTable.AttributeAnalysis,
        DescriptionZh: "客群分析", DescriptionEn: "Audience analysis",
        NecessityZh: "调整商品", NecessityEn: "Merchandising",
        ImpactZh: "不识别身份", ImpactEn: "Nobody is identified",
        RetentionDays: 1,
        Storage: DeclarationValues.StorageOnDevice,
        MayInvolveMinors: false,
        DataCategories: DeclarationValues.DefaultDataCategories,
        AlternativeZh: "", AlternativeEn: "",
        WithdrawalZh: "", WithdrawalEn: "",
        Site: LawValues.SitePublicPlace, CollectionAreaZh: "商场入口", CollectionAreaEn: "The mall entrance",
        PublicPlaceLawZh: "《某某条例》第十条", PublicPlaceLawEn: "Article 10 of the Example Regulations",
        Attributes: LawValues.AttributeAgeBand | LawValues.AttributeGender);

    [Fact]
    public void Site_kind_and_attribute_values_and_names_match_the_runtime_enums()
    {
        Assert.Equal(Enum.GetValues<FacialDeploymentSite>().Select(v => v.ToString()), LawValues.SiteNames);
        Assert.Equal(Enum.GetValues<FacialDeploymentSite>().Select(v => (int)v), Enumerable.Range(0, LawValues.SiteNames.Length));
        Assert.Equal(Enum.GetValues<FacialPurposeKind>().Select(v => v.ToString()), LawValues.KindNames);
        Assert.Equal(Enum.GetValues<FacialPurposeKind>().Select(v => (int)v), Enumerable.Range(0, LawValues.KindNames.Length));
        Assert.Equal(Enum.GetValues<FacialAttributes>().Where(v => v != 0).Select(v => ((int)v, v.ToString())), LawValues.Attributes);
    }

    [Fact]
    public void Defaults_the_reader_assumes_are_the_attribute_defaults()
    {
        var purpose = new FacialDataPurposeAttribute(FacialProcessingMethod.Detection);

        Assert.Equal(LawValues.SiteNonPublic, (int)purpose.Site);
        Assert.Equal(LawValues.KindGeneral, (int)purpose.Kind);
        Assert.Equal(0, (int)purpose.Attributes);
    }

    [Fact]
    public void Filing_json_lists_the_site_kind_cited_law_and_attributes()
    {
        var filing = FilingDocument.Write(Spec(s_purpose));

        Assert.Contains("\"部署场所\": \"公共场所\",\n      \"site\": \"PublicPlace\",\n      \"publicPlace\": true,", filing, StringComparison.Ordinal);
        Assert.Contains("\"图像采集区域\": \"商场入口\",\n      \"collectionArea\": \"The mall entrance\",", filing, StringComparison.Ordinal);
        Assert.Contains("\"目的类型\": \"一般目的\",\n      \"purposeKind\": \"General\",", filing, StringComparison.Ordinal);
        Assert.Contains("\"公共场所使用的法律依据\": \"《某某条例》第十条\",\n      \"publicPlaceLaw\": \"Article 10 of the Example Regulations\",", filing, StringComparison.Ordinal);
        Assert.Matches("\"估计的人脸属性\": \\[\\s*\"年龄段\",\\s*\"性别\"\\s*\\],\\s*\"attributesEstimated\": \\[\\s*\"AgeBand\",\\s*\"Gender\"\\s*\\]", filing);
    }

    [Fact]
    public void Pipia_states_the_site_and_the_attributes_estimated()
    {
        var pipia = ImpactAssessmentDocument.Write(Spec(s_purpose));

        Assert.Contains("- 部署场所（《办法》第十三条）：公共场所（采集区域：商场入口），目的类型：一般目的；所依据的法律、行政法规：《某某条例》第十条\n", pipia, StringComparison.Ordinal);
        Assert.Contains("- 估计的人脸属性：年龄段、性别\n", pipia, StringComparison.Ordinal);
        Assert.Contains("## 八、在公共场所使用的理由\n\n- `Demo.Audience`：公共场所（采集区域：商场入口）", pipia, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipia_states_no_attributes_for_a_purpose_that_analyses_none()
    {
        var pipia = ImpactAssessmentDocument.Write(Spec(s_purpose with { Method = ProcessingMethodTable.Verification, Site = LawValues.SiteNonPublic }));

        Assert.Contains("- 部署场所（《办法》第十三条）：非公共场所\n", pipia, StringComparison.Ordinal);
        Assert.DoesNotContain("估计的人脸属性", pipia, StringComparison.Ordinal);
        Assert.Contains("各处理目的均未声明在公共场所安装人脸识别设备。", pipia, StringComparison.Ordinal);
    }

    private static AssemblySpec Spec(PurposeDeclaration purpose)
        => new(s_processor, new EquatableArray<PurposeSpec>(ImmutableArray.Create(new PurposeSpec(purpose, NoticeRenderer.Render(s_processor, purpose)))), ReportEnabled: true);
}
