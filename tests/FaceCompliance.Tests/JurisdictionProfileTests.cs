using System;
using System.Linq;
using FaceCompliance.Profiles;
using Xunit;

namespace FaceCompliance.Tests;

/// <summary>
/// The runtime's enums of the law's declarations take their values from the one table in src/Shared/Profiles, which
/// the analyzers and generators read by value: the names there must be the enums' names, value for value.
/// </summary>
public sealed class JurisdictionProfileTests
{
    [Fact]
    public void The_annotations_and_the_runtime_compile_the_shared_profile_table()
    {
        // The enums live in FaceCompliance.Annotations; the runtime links the same source file for its own rules.
        Assert.NotNull(typeof(FacialDeploymentSite).Assembly.GetType(typeof(LawValues).FullName!));
        Assert.Same(typeof(IFacialDataPurpose).Assembly, typeof(LawValues).Assembly);
    }

    [Fact]
    public void Sequential_enums_match_the_name_tables()
    {
        AssertSequential<FacialDeploymentSite>(LawValues.SiteNames);
        AssertSequential<FacialPurposeKind>(LawValues.KindNames);
        AssertSequential<FacialLegalBasis>(LawValues.BasisNames);
        AssertSequential<FacialAgeBand>(LawValues.AgeBandNames);
        AssertSequential<FacialCrossBorderMechanism>(LawValues.CrossBorderNames);
    }

    [Fact]
    public void Cross_border_mechanisms_are_the_four_conditions_of_PIPL_Article_38_with_one_label_each()
    {
        Assert.Equal(
            new[] { FacialCrossBorderMechanism.SecurityAssessment, FacialCrossBorderMechanism.Certification, FacialCrossBorderMechanism.StandardContract, FacialCrossBorderMechanism.LawOrTreaty },
            Enum.GetValues<FacialCrossBorderMechanism>().Where(m => LawValues.IsCrossBorderMechanism((int)m)));
        Assert.Equal(Enum.GetValues<FacialCrossBorderMechanism>().Select(m => ((int)m, m.ToString())), CrossBorderMechanisms.Labels.Select(l => (l.Value, l.En)));
        Assert.Equal(CrossBorderMechanisms.Labels.Length, CrossBorderMechanisms.English.Length);
        Assert.Equal("按照国家网信部门制定的标准合同与境外接收方订立合同", CrossBorderMechanisms.Zh((int)FacialCrossBorderMechanism.StandardContract));
        Assert.Equal("9", CrossBorderMechanisms.Zh(9));
        Assert.Equal(FacialConsentScopes.CrossBorder, ConsentCoverage.AllScopes & FacialConsentScopes.CrossBorder);
    }

    [Fact]
    public void Flag_enums_match_the_flag_tables()
    {
        Assert.Equal(LawValues.Attributes, Enum.GetValues<FacialAttributes>().Where(v => v != FacialAttributes.None).Select(v => ((int)v, v.ToString())));
        Assert.Equal(LawValues.Scopes, Enum.GetValues<FacialConsentScopes>().Where(v => v != FacialConsentScopes.Processing).Select(v => ((int)v, v.ToString())));
    }

    [Fact]
    public void China_is_the_default_profile_with_the_Measures_numbers()
    {
        var china = JurisdictionProfiles.Find(JurisdictionProfiles.DefaultId);
        Assert.Same(JurisdictionProfiles.China, china);
        Assert.Same(china, JurisdictionProfiles.Find("cn"));
        Assert.Null(JurisdictionProfiles.Find("XX"));
        Assert.Equal(14, china!.GuardianConsentAge);
        Assert.Equal(100_000, china.FilingThreshold);
        Assert.Equal(china.FilingThreshold, new FilingThresholdOptions().FilingLevel);
    }

    [Fact]
    public void China_forbids_the_private_spaces_of_Article_13_and_nothing_else()
        => Assert.Equal(
            new[] { FacialDeploymentSite.HotelRoom, FacialDeploymentSite.PublicBath, FacialDeploymentSite.ChangingRoom, FacialDeploymentSite.Toilet },
            Enum.GetValues<FacialDeploymentSite>().Where(site => JurisdictionProfiles.China.IsProhibitedSite((int)site)));

    [Fact]
    public void China_forbids_estimating_the_sensitive_attributes_and_allows_the_others()
    {
        const FacialAttributes sensitive = FacialAttributes.Ethnicity | FacialAttributes.Race | FacialAttributes.Religion
            | FacialAttributes.Health | FacialAttributes.PoliticalOpinion | FacialAttributes.SexualOrientation;
        var all = Enum.GetValues<FacialAttributes>().Aggregate(FacialAttributes.None, (a, b) => a | b);
        Assert.Equal((int)sensitive, JurisdictionProfiles.China.ProhibitedAttributesIn((int)all));
        Assert.Equal(0, JurisdictionProfiles.China.ProhibitedAttributesIn((int)(all & ~sensitive)));
    }

    private static void AssertSequential<TEnum>(string[] names)
        where TEnum : struct, Enum
        => Assert.Equal(names.Select((name, value) => (name, value)), Enum.GetValues<TEnum>().Select(v => (v.ToString(), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))));
}
