using System;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Generators.Model;
using FaceCompliance.Generators.Reports;
using FaceCompliance.Generators.Tests.Harness;
using FaceCompliance.Methods;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>The GDPR Art. 13 notice, record of processing and DPIA skeleton, per purpose that serves the EU.</summary>
public sealed class GdprDocumentTests
{
    private static readonly ProcessorDeclaration s_processor = new("示例有限公司", "Example GmbH", "privacy@example.eu", "", "", 0, "");

    private static readonly OperatesInDeclaration s_eu = new(new EquatableArray<int>(ImmutableArray.Create(LawValues.JurisdictionEU)), "", "Example authority, https://authority.example");

    private static readonly PurposeDeclaration s_entry = new(
        Id: "Demo.OfficeEntry",
        Type: new TypeShape("Demo", EquatableArray<string>.Empty, CanBeExtended: true),
        Method: ProcessingMethodTable.Verification,
        DescriptionZh: "门禁", DescriptionEn: "To open the office door for employees",
        NecessityZh: "", NecessityEn: "Stops lent badges.",
        ImpactZh: "", ImpactEn: "1:1 only.",
        RetentionDays: 30,
        Storage: DeclarationValues.StorageOnDevice,
        MayInvolveMinors: false,
        DataCategories: DeclarationValues.DefaultDataCategories,
        AlternativeZh: "", AlternativeEn: "Tap your badge.",
        WithdrawalZh: "", WithdrawalEn: "",
        Site: LawValues.SiteNonPublic,
        CollectionAreaZh: "", CollectionAreaEn: "",
        ProvisionRequirementEn: "Not required; use your badge.");

    [Fact]
    public void The_notice_has_a_section_per_EU_element_in_the_profile_order_and_treats_1_to_1_as_special_category()
    {
        var text = GdprNotice.PlainText(s_processor, s_entry, s_eu);

        string[] headings =
        [
            "Controller (Art. 13(1)(a))", "Purpose (Art. 13(1)(c))", "Legal basis (Art. 13(1)(c))", "Recipients (Art. 13(1)(e))",
            "Transfers to third countries (Art. 13(1)(f))", "How long your face data is kept (Art. 13(2)(a))", "Your rights (Art. 13(2)(b))",
            "Withdrawing your consent (Art. 13(2)(c))", "Complaint to a supervisory authority (Art. 13(2)(d))",
            "Whether you must provide your face data (Art. 13(2)(e))", "Automated decision-making (Art. 13(2)(f))", "An alternative without face recognition",
        ];
        var positions = headings.Select(h => text.IndexOf("\n" + h + "\n", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("Data protection officer", text, StringComparison.Ordinal);
        Assert.Contains("a special category of personal data (Art. 9(1); Recital 51)", text, StringComparison.Ordinal);
        Assert.Contains("Example authority, https://authority.example", text, StringComparison.Ordinal);
        Assert.Contains("Not required; use your badge.", text, StringComparison.Ordinal);
        Assert.Contains("At most 30 days", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_DPO_is_named_and_a_transfer_abroad_says_its_Chapter_V_safeguard_is_not_declared()
    {
        var text = GdprNotice.PlainText(s_processor, s_entry with
        {
            Storage = DeclarationValues.StorageServer, TransferRecipientEn = "Example Cloud",
            TransferAbroad = LawValues.CrossBorderStandardContract, TransferAbroadRecipientEn = "Example Cloud Inc.", TransferAbroadCountryEn = "Singapore",
        }, s_eu with { DataProtectionOfficerContact = "dpo@example.eu" });

        Assert.Contains("Data protection officer (Art. 13(1)(b))\ndpo@example.eu\n", text, StringComparison.Ordinal);
        Assert.Contains("Your face data is sent to Example Cloud", text, StringComparison.Ordinal);
        Assert.Contains("Example Cloud Inc. in Singapore. The safeguard under Chapter V GDPR (adequacy decision or Art. 46 safeguards) is [not declared].", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_purposes_serving_the_EU_get_the_generated_member_and_the_report_sections()
    {
        var compilation = GeneratorHarness.Compile("""
            using FaceCompliance;

            [assembly: FacialDataProcessor("示例有限公司", "privacy@example.eu", NameEn = "Example GmbH")]
            [assembly: OperatesIn(Jurisdiction.CN)]
            [assembly: OperatesIn(Jurisdiction.EU, SupervisoryAuthority = "Example authority")]

            namespace Demo;

            [FacialDataPurpose(FacialProcessingMethod.Verification, DescriptionEn = "Office entry", RetentionDays = 30, ProvisionRequirementEn = "Not required.")]
            public sealed partial class OfficeEntry { }

            [FacialDataPurpose(FacialProcessingMethod.Verification, DescriptionEn = "China attendance", RetentionDays = 30, Jurisdictions = new[] { Jurisdiction.CN })]
            public sealed partial class ChinaAttendance { }
            """);

        var (result, output) = GeneratorHarness.Run(compilation, reportPath: "report");
        var sources = GeneratorHarness.Sources(result);
        var report = GeneratedAssembly.ReportConstants(GeneratedAssembly.Load(output));

        Assert.Contains("public const string GdprNotice = ", sources.Single(s => s.Key.Contains("OfficeEntry", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.DoesNotContain("GdprNotice", sources.Single(s => s.Key.Contains("ChinaAttendance", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        foreach (var constant in new[] { "GdprNoticeMarkdown", "GdprRecordOfProcessingMarkdown", "GdprImpactAssessmentMarkdown" })
        {
            Assert.Contains("Demo.OfficeEntry", report[constant], StringComparison.Ordinal);
            Assert.DoesNotContain("Demo.ChinaAttendance", report[constant], StringComparison.Ordinal);
        }

        Assert.Contains("UNCONFIRMED: JURISDICTIONS.md EU-GDPR-13-NOTICE", report["GdprNoticeMarkdown"], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_EU_declaration_the_GDPR_reports_say_no_purpose_serves_the_EU()
    {
        var spec = new AssemblySpec(s_processor, new EquatableArray<PurposeSpec>(ImmutableArray.Create(new PurposeSpec(s_entry, NoticeRenderer.Render(s_processor, s_entry)))), ReportEnabled: true);

        Assert.Contains("No purpose serves the EU", GdprDocuments.Notice(spec), StringComparison.Ordinal);
        Assert.Contains("No purpose serves the EU", GdprDocuments.RecordOfProcessing(spec), StringComparison.Ordinal);
        Assert.Contains("No purpose serves the EU", GdprDocuments.ImpactAssessment(spec), StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolved_conflict_between_jurisdictions_is_repeated_with_its_justification_in_both_assessments()
    {
        var purpose = s_entry with
        {
            Resolutions = new EquatableArray<ConflictResolutionDeclaration>(ImmutableArray.Create(
                new ConflictResolutionDeclaration("RetentionFloorAboveCeiling", "A court order overrides the destruction schedule while it lasts."))),
        };
        var operatesIn = s_eu with
        {
            Resolutions = new EquatableArray<ConflictResolutionDeclaration>(ImmutableArray.Create(
                new ConflictResolutionDeclaration("DeviceLocalVersusCloudMatching", "Separate consent to server matching is asked for."))),
        };
        var spec = new AssemblySpec(s_processor, new EquatableArray<PurposeSpec>(ImmutableArray.Create(new PurposeSpec(purpose, NoticeRenderer.Render(s_processor, purpose)))),
            ReportEnabled: true, operatesIn);

        var dpia = GdprDocuments.ImpactAssessment(spec);
        var pipia = ImpactAssessmentDocument.Write(spec);

        Assert.Contains("- Conflict between jurisdictions `RetentionFloorAboveCeiling` resolved by declaration: A court order overrides the destruction schedule while it lasts.\n", dpia, StringComparison.Ordinal);
        Assert.Contains("- Conflict between jurisdictions `DeviceLocalVersusCloudMatching` resolved by declaration: Separate consent to server matching is asked for.\n", dpia, StringComparison.Ordinal);
        Assert.Contains("- `Demo.OfficeEntry`：冲突 `RetentionFloorAboveCeiling`，处理理由：A court order overrides the destruction schedule while it lasts.\n", pipia, StringComparison.Ordinal);
        Assert.Contains("- `Demo.OfficeEntry`：冲突 `DeviceLocalVersusCloudMatching`，处理理由：Separate consent to server matching is asked for.\n", pipia, StringComparison.Ordinal);
        Assert.DoesNotContain("ProfileConflictResolution", ImpactAssessmentDocument.Write(spec with { OperatesIn = s_eu, Purposes = new EquatableArray<PurposeSpec>(ImmutableArray.Create(new PurposeSpec(s_entry, NoticeRenderer.Render(s_processor, s_entry)))) }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_reads_assembly_and_purpose_conflict_resolutions_into_the_assessments()
    {
        var compilation = GeneratorHarness.Compile("""
            using FaceCompliance;

            [assembly: FacialDataProcessor("示例有限公司", "privacy@example.eu", NameEn = "Example GmbH")]
            [assembly: OperatesIn(Jurisdiction.EU, SupervisoryAuthority = "Example authority")]
            [assembly: ProfileConflictResolution("DeviceLocalVersusCloudMatching", "Assembly-wide reason.")]

            namespace Demo;

            [FacialDataPurpose(FacialProcessingMethod.Verification, DescriptionEn = "Office entry", RetentionDays = 30, ProvisionRequirementEn = "Not required.")]
            [ProfileConflictResolution("RetentionFloorAboveCeiling", "Purpose reason.")]
            public sealed partial class OfficeEntry { }
            """);

        var report = GeneratedAssembly.ReportConstants(GeneratedAssembly.Load(GeneratorHarness.Run(compilation, reportPath: "report").Output));

        Assert.Contains("`RetentionFloorAboveCeiling` resolved by declaration: Purpose reason.", report["GdprImpactAssessmentMarkdown"], StringComparison.Ordinal);
        Assert.Contains("`DeviceLocalVersusCloudMatching` resolved by declaration: Assembly-wide reason.", report["GdprImpactAssessmentMarkdown"], StringComparison.Ordinal);
        Assert.Contains("`Demo.OfficeEntry`：冲突 `DeviceLocalVersusCloudMatching`，处理理由：Assembly-wide reason.", report["ImpactAssessmentMarkdown"], StringComparison.Ordinal);
    }
}
