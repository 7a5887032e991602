using System;
using System.Linq;
using System.Reflection;
using FaceCompliance.Generators.Tests.Harness;
using Xunit;

namespace FaceCompliance.Generators.Tests;

/// <summary>
/// The generated purpose information carries the served jurisdictions and their merged consent requirements, as the
/// law stands on FaceComplianceLawDate (the fixed default when unset).
/// </summary>
public sealed class ProfileRequirementsTests
{
    private const string Declarations = """
        using FaceCompliance;

        [assembly: FacialDataProcessor("示例物业", "privacy@example.com")]
        [assembly: OperatesIn(Jurisdiction.CN)]
        [assembly: OperatesIn(Jurisdiction.US_IL, PublicRetentionPolicyUrl = "https://example.com/biometrics")]
        [assembly: OperatesIn(Jurisdiction.EU, MemberStates = "NL")]

        namespace Profiled;

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "门禁", DescriptionEn = "Gate", NecessityZh = "确认住户", NecessityEn = "Confirm residents",
            ImpactZh = "仅存于设备", ImpactEn = "Kept on the device", AlternativeZh = "刷卡", AlternativeEn = "Tap a card", RetentionDays = 365)]
        public sealed partial class Everywhere { }

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "门禁", DescriptionEn = "Gate", NecessityZh = "确认住户", NecessityEn = "Confirm residents",
            ImpactZh = "仅存于设备", ImpactEn = "Kept on the device", AlternativeZh = "刷卡", AlternativeEn = "Tap a card", RetentionDays = 365,
            Jurisdictions = new[] { Jurisdiction.EU })]
        public sealed partial class EuOnly { }
        """;

    [Fact]
    public void China_Illinois_and_the_EU_give_the_union_of_their_consent_properties_each_with_its_row()
    {
        var info = Info(null, "Profiled.Everywhere");

        Assert.Equal(["CN", "EU", "US-IL"], info.Jurisdictions);
        Assert.Equal(
            [FacialConsentProperty.Separate, FacialConsentProperty.Explicit, FacialConsentProperty.WrittenOrESignature, FacialConsentProperty.PurposeSpecific, FacialConsentProperty.NoticeVersionBound],
            info.ConsentRequirements.Select(r => r.Property).Distinct());
        Assert.Contains(new FacialConsentRequirement(FacialConsentProperty.WrittenOrESignature, "US-IL", "IL-15B3-RELEASE"), info.ConsentRequirements);
        Assert.Contains(new FacialConsentRequirement(FacialConsentProperty.Explicit, "EU", "EU-GDPR-9-2-A-EXPLICIT"), info.ConsentRequirements);
        Assert.Contains(new FacialConsentRequirement(FacialConsentProperty.Separate, "CN", "CN-ART6-SEPCONSENT"), info.ConsentRequirements);
    }

    [Fact]
    public void A_purpose_narrowed_to_the_EU_needs_only_the_EU_properties()
    {
        var info = Info(null, "Profiled.EuOnly");

        Assert.Equal(["EU"], info.Jurisdictions);
        Assert.All(info.ConsentRequirements, r => Assert.Equal("EU", r.Jurisdiction));
        Assert.True(info.ConsentRequirements.All(r => r.IsMetBy(ConsentForm.Separate)));
    }

    [Fact]
    public void Before_the_2024_BIPA_amendment_and_the_Measures_a_written_release_is_required_and_China_asks_only_the_PIPL()
    {
        var info = Info("2024-06-01", "Profiled.Everywhere");

        Assert.Contains(new FacialConsentRequirement(FacialConsentProperty.Written, "US-IL", "IL-15B3-RELEASE"), info.ConsentRequirements);
        Assert.DoesNotContain(info.ConsentRequirements, r => r.Property == FacialConsentProperty.WrittenOrESignature);
        Assert.DoesNotContain(info.ConsentRequirements, r => r.Rule.StartsWith("CN-", StringComparison.Ordinal));
        Assert.Contains(new FacialConsentRequirement(FacialConsentProperty.Explicit, "CN", "PIPL-ART14-QUALITY"), info.ConsentRequirements);
        Assert.False(info.ConsentRequirements.All(r => r.IsMetBy(ConsentForm.ElectronicSignature)));
    }

    private static FacialPurposeInfo Info(string? lawDate, string type)
    {
        var assembly = GeneratedAssembly.Load(GeneratorHarness.Run(GeneratorHarness.Compile(Declarations), lawDate: lawDate).Output);
        var purpose = assembly.GetType(type, throwOnError: true)!;
        return (FacialPurposeInfo)purpose.GetProperty("Info", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
