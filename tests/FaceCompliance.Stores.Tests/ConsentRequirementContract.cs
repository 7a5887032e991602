using System;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// A purpose serving China, Illinois and the EU (its merged consent requirements as the generator emits them): every
/// store refuses a grant whose form misses one, naming the property and the jurisdiction, and records nothing.
/// </summary>
public abstract class ConsentRequirementContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_separate_consent_is_refused_where_Illinois_requires_a_written_release_and_nothing_is_recorded()
    {
        using var test = NewStore();

        var error = Assert.Throws<ConsentRequirementNotMetException>(() => test.Consents.Grant<ThreeJurisdictionEntry>(new ConsentGrant("resident-1")));

        Assert.Equal("Form", error.ParamName);
        Assert.Equal((FacialConsentProperty.WrittenOrESignature, "US-IL", "IL-15B3-RELEASE"),
            (error.Requirement.Property, error.Requirement.Jurisdiction, error.Requirement.Rule));
        Assert.Contains("serves US-IL, whose consent must be WrittenOrESignature (IL-15B3-RELEASE); a Separate consent is not", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, test.Count("consents"));
    }

    [Theory]
    [InlineData(ConsentForm.Written)]
    [InlineData(ConsentForm.ElectronicSignature)]
    public void A_written_or_electronically_signed_release_meets_every_requirement_and_is_stored_with_its_form(ConsentForm form)
    {
        using var test = NewStore();

        var receipt = test.Consents.Grant<ThreeJurisdictionEntry>(new ConsentGrant("resident-1", form));

        Assert.Equal(form, receipt.Form);
        Assert.Equal([(long)form], test.ReadRow("SELECT form FROM consents"));
        test.Consents.EnsureValid(receipt);
    }

    [Fact]
    public void A_purpose_without_jurisdictions_accepts_a_separate_consent_as_before()
    {
        using var test = NewStore();

        var receipt = test.Consents.Grant<VisitorCheck>(new ConsentGrant("visitor-1"));

        Assert.Empty(VisitorCheck.Info.ConsentRequirements);
        Assert.Equal(ConsentForm.Separate, receipt.Form);
    }
}

/// <summary>
/// A purpose type as the generator completes one for <c>[assembly: OperatesIn]</c> CN, US-IL and EU at the default law
/// date (FaceCompliance.Generators.Tests checks the generated list; written out here so the stores are tested alone).
/// </summary>
public sealed class ThreeJurisdictionEntry : IFacialDataPurpose
{
    public static FacialPurposeInfo Info { get; } = new(
        "FaceCompliance.Stores.Tests.ThreeJurisdictionEntry",
        FacialProcessingMethod.Verification,
        TimeSpan.FromDays(365),
        FacialDataStorage.OnDevice,
        false,
        new FacialNotice("0123456789abcdef", new FacialNoticeText("人脸信息处理规则", "# 人脸信息处理规则", null), new FacialNoticeText("Face rules", "# Face rules", null)))
    {
        Jurisdictions = ["CN", "EU", "US-IL"],
        ConsentRequirements =
        [
            new(FacialConsentProperty.Separate, "CN", "CN-ART6-SEPCONSENT"),
            new(FacialConsentProperty.Explicit, "CN", "PIPL-ART14-QUALITY"),
            new(FacialConsentProperty.Explicit, "EU", "EU-GDPR-9-2-A-EXPLICIT"),
            new(FacialConsentProperty.WrittenOrESignature, "US-IL", "IL-15B3-RELEASE"),
            new(FacialConsentProperty.PurposeSpecific, "CN", "PIPL-ART14-QUALITY"),
            new(FacialConsentProperty.PurposeSpecific, "EU", "EU-GDPR-9-2-A-EXPLICIT"),
            new(FacialConsentProperty.PurposeSpecific, "US-IL", "IL-15B2-PURPOSE-TERM"),
            new(FacialConsentProperty.NoticeVersionBound, "CN", "CN-ART5-CHANGE"),
            new(FacialConsentProperty.NoticeVersionBound, "US-IL", "IL-15B1-NOTICE"),
        ],
    };
}

public sealed class SqliteConsentRequirementContract : ConsentRequirementContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlConsentRequirementContract : ConsentRequirementContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
