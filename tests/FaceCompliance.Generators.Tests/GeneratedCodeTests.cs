using System;
using System.Linq;
using System.Reflection;
using FaceCompliance.Generators.Tests.Harness;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>The generated code, compiled and run: retention arithmetic, notice version, registration, and what is not generated.</summary>
public sealed class GeneratedCodeTests
{
    private const string Processor = """
        using FaceCompliance;
        [assembly: FacialDataProcessor("示例物业", "privacy@example.com")]
        """;

    private static string Purpose(string name, string modifiers = "public sealed partial class", int days = 30) => $$"""
        [FaceCompliance.FacialDataPurpose(FaceCompliance.FacialProcessingMethod.Detection,
            DescriptionZh = "统计人数。", DescriptionEn = "Count people.", NecessityZh = "安排人手。", NecessityEn = "Staffing.",
            ImpactZh = "只计数。", ImpactEn = "Counting only.", RetentionDays = {{days}})]
        {{modifiers}} {{name}} { }
        """;

    [Fact]
    public void Retention_members_compute_expiry_from_the_declared_days()
    {
        var assembly = GeneratedAssembly.Load(GeneratorHarness.Run(GeneratorHarness.CompileSample("CommunityAccess")).Output);
        var entry = assembly.GetType("CommunityAccess.CommunityEntry", throwOnError: true)!;
        var collected = new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(TimeSpan.FromDays(365), Static<TimeSpan>(entry, "RetentionPeriod"));
        Assert.Equal(collected.AddDays(365), Invoke<DateTimeOffset>(entry, "ExpiresAt", collected));
        Assert.False(Invoke<bool>(entry, "IsExpired", collected, collected.AddDays(365).AddTicks(-1)));
        Assert.True(Invoke<bool>(entry, "IsExpired", collected, collected.AddDays(365)));
    }

    [Fact]
    public void The_notice_version_constant_is_the_version_of_the_notice_the_purpose_carries()
    {
        var assembly = GeneratedAssembly.Load(GeneratorHarness.Run(GeneratorHarness.CompileSample("CommunityAccess")).Output);
        var entry = assembly.GetType("CommunityAccess.CommunityEntry", throwOnError: true)!;
        var info = Static<FacialPurposeInfo>(entry, "Info");

        Assert.Equal((string)entry.GetField("NoticeVersion")!.GetRawConstantValue()!, info.Notice.Version);
        Assert.Equal("CommunityAccess.CommunityEntry", (string)entry.GetField("PurposeId")!.GetRawConstantValue()!);
        Assert.Contains(typeof(IFacialDataPurpose), entry.GetInterfaces());
        Assert.Equal(FacialProcessingMethod.Verification, info.Method);
        Assert.True(info.MayInvolveMinors);
        Assert.StartsWith("人脸信息处理规则\n", info.Notice.Chinese.Text, StringComparison.Ordinal);
        Assert.Same(info.Notice.English, info.Notice.In("en"));
    }

    [Fact]
    public void Loading_the_assembly_registers_every_purpose_schedule_with_the_runtime()
    {
        var assembly = GeneratedAssembly.Load(GeneratorHarness.Run(GeneratorHarness.Compile(Processor,
            "namespace Registered;\n" + Purpose("LobbyCount", days: 7))).Output);
        Assert.Null(FacialPurposeRegistry.Find("Registered.LobbyCount"));

        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);

        var registered = FacialPurposeRegistry.Get("Registered.LobbyCount");
        Assert.Equal(TimeSpan.FromDays(7), registered.RetentionPeriod);
        Assert.Same(GeneratedAssembly.Purposes(assembly).Single(), registered);
    }

    /// <summary>The runtime refuses consent grants for a purpose on another basis and checks basis grants against it, so the generated info carries the declared basis.</summary>
    [Fact]
    public void The_purpose_info_carries_the_declared_legal_basis()
    {
        var assembly = GeneratedAssembly.Load(GeneratorHarness.Run(GeneratorHarness.Compile(Processor,
            "namespace Bases;\n" + Purpose("LobbyCount"),
            "namespace Bases;\n" + Purpose("FireDrill").Replace("RetentionDays = 30)]", "RetentionDays = 30, LegalBasis = FaceCompliance.FacialLegalBasis.LegalDuty, LegalBasisLawZh = \"《消防法》第十六条\", LegalBasisLawEn = \"Fire Protection Law, Art. 16\")]", StringComparison.Ordinal))).Output);

        var purposes = GeneratedAssembly.Purposes(assembly).ToDictionary(p => p.Id);
        Assert.Equal(FacialLegalBasis.Consent, purposes["Bases.LobbyCount"].LegalBasis);
        Assert.Equal(FacialLegalBasis.LegalDuty, purposes["Bases.FireDrill"].LegalBasis);
    }

    [Fact]
    public void Nested_record_struct_and_global_namespace_purposes_are_completed()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor,
            "namespace Shapes;\npublic static partial class Outer\n{\n" + Purpose("Inner", "public partial record struct") + "\n}",
            Purpose("GlobalPurpose")));
        var assembly = GeneratedAssembly.Load(output);

        Assert.Equal(new[] { "FacialDataDeclarations.g.cs", "GlobalPurpose.FacialPurpose.g.cs", "Shapes.Outer.Inner.FacialPurpose.g.cs" },
            result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "GlobalPurpose", "Shapes.Outer+Inner" }, GeneratedAssembly.Purposes(assembly).Select(p => p.Id));
    }

    [Fact]
    public void A_purpose_that_is_not_partial_or_is_generic_gets_no_members_and_the_code_still_compiles()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor,
            "namespace Closed;\n" + Purpose("Sealed", "public sealed class") + "\n" + Purpose("Generic<T>") + "\n"
            + "public class Plain\n{\n" + Purpose("InPlain") + "\n}"));

        Assert.Equal(new[] { "FacialDataDeclarations.g.cs" }, result.GeneratedSources.Select(s => s.HintName));
        Assert.DoesNotContain("Closed.", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_report_class_is_generated_only_when_a_report_path_is_set(string? reportPath)
    {
        var compilation = GeneratorHarness.Compile(Processor, "namespace R;\n" + Purpose("Counted"));

        Assert.DoesNotContain(GeneratorHarness.Run(compilation, reportPath).Result.GeneratedSources, s => s.HintName.StartsWith("FacialComplianceReport", StringComparison.Ordinal));
        Assert.Contains(GeneratorHarness.Run(compilation, "out/report").Result.GeneratedSources, s => s.HintName == "FacialComplianceReport.g.cs");
    }

    [Fact]
    public void An_assembly_without_purposes_gets_nothing()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Processor, "public class Nothing { }"), "report");

        Assert.Empty(result.GeneratedSources);
    }

    private static T Static<T>(Type type, string property) => (T)type.GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static T Invoke<T>(Type type, string method, params object[] arguments) => (T)type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;
}
