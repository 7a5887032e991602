using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// Purposes serving US states, written by hand (the test assembly declares no <c>[assembly: OperatesIn]</c>, so its
/// generated purposes serve none): ten years of declared retention, so only the jurisdictions' deadlines after the
/// last interaction can purge within the tests.
/// </summary>
public static class UsStatePurposes
{
    public static FacialPurposeInfo Declare(string name, params string[] jurisdictions)
    {
        var text = new FacialNoticeText(name + " notice.", name + " notice.", null);
        var info = new FacialPurposeInfo("Tests." + name, FacialProcessingMethod.Verification, TimeSpan.FromDays(3650), FacialDataStorage.OnDevice,
            mayInvolveMinors: false, new FacialNotice(name + "-v1", text, text)) { Jurisdictions = jurisdictions };
        FacialPurposeRegistry.Register(info);
        return info;
    }
}

public sealed class IllinoisClockIn : IFacialDataPurpose
{
    public static FacialPurposeInfo Info { get; } = UsStatePurposes.Declare(nameof(IllinoisClockIn), "US-IL");
}

public sealed class IllinoisAndColoradoClockIn : IFacialDataPurpose
{
    public static FacialPurposeInfo Info { get; } = UsStatePurposes.Declare(nameof(IllinoisAndColoradoClockIn), "US-IL", "US-CO");
}

public sealed class ColoradoClockIn : IFacialDataPurpose
{
    public static FacialPurposeInfo Info { get; } = UsStatePurposes.Declare(nameof(ColoradoClockIn), "US-CO");
}

public sealed class TexasClockIn : IFacialDataPurpose
{
    public static FacialPurposeInfo Info { get; } = UsStatePurposes.Declare(nameof(TexasClockIn), "US-TX");
}

/// <summary>
/// Each person's last interaction is recorded (enrolment, a matching verification, a recorded 1:N match), and the
/// purge deletes at the earliest merged deadline after it (BIPA §15(a): 3 years; Colorado: 24 months, UNCONFIRMED).
/// </summary>
public abstract class LastInteractionContract
{
    private static readonly TimeSpan s_tenYears = TimeSpan.FromDays(3650);

    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void Illinois_purges_exactly_three_years_after_enrolment_when_the_person_never_came_back()
    {
        using var test = NewStore();
        var enrolledAt = test.Clock.Now;
        var receipt = test.Consents.Grant<IllinoisClockIn>(new ConsentGrant("worker-1", ConsentForm.ElectronicSignature) { ValidFor = s_tenYears });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        Assert.Equal(enrolledAt, test.Templates.LastInteraction<IllinoisClockIn>("worker-1"));

        test.Clock.Now = enrolledAt.AddYears(3).AddSeconds(-1);
        Assert.Equal(0, test.Templates.PurgeExpired());

        test.Clock.Now = enrolledAt.AddYears(3);
        Assert.Equal(1, test.Templates.PurgeExpired());
        Assert.Equal(0, test.Count("templates"));
        Assert.Equal(0, test.Count("subject_keys"));
        var purged = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.Purged);
        Assert.Equal(IllinoisClockIn.Info.Id, purged.PurposeId);
        Assert.Contains($"3 years after the last interaction on {enrolledAt:yyyy-MM-dd} (US-IL IL-15A-DESTROY (IL1))", purged.Detail, StringComparison.Ordinal);
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void A_matching_verification_moves_the_last_interaction_and_a_failed_one_does_not()
    {
        using var test = NewStore();
        var enrolledAt = test.Clock.Now;
        var receipt = test.Consents.Grant<IllinoisClockIn>(new ConsentGrant("worker-2", ConsentForm.Written) { ValidFor = s_tenYears });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));

        test.Clock.Now = enrolledAt.AddYears(2);
        Assert.True(test.Templates.Verify(receipt, StoreUnderTest.Template(1), 0.5f).IsMatch);
        var matchedAt = test.Clock.Now;
        test.Clock.Now = enrolledAt.AddYears(2).AddDays(30);
        Assert.False(test.Templates.Verify(receipt, StoreUnderTest.Template(2), 0.999f).IsMatch);
        Assert.Equal(matchedAt, test.Templates.LastInteraction<IllinoisClockIn>("worker-2"));

        test.Clock.Now = enrolledAt.AddYears(3);
        Assert.Equal(0, test.Templates.PurgeExpired());
        test.Clock.Now = matchedAt.AddYears(3).AddSeconds(-1);
        Assert.Equal(0, test.Templates.PurgeExpired());
        test.Clock.Now = matchedAt.AddYears(3);
        Assert.Equal(1, test.Templates.PurgeExpired());
    }

    [Fact]
    public void A_recorded_identification_match_moves_the_last_interaction_and_is_audited()
    {
        using var test = NewStore();
        var enrolledAt = test.Clock.Now;
        var receipt = test.Consents.Grant<IllinoisClockIn>(new ConsentGrant("worker-3") { ValidFor = s_tenYears });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));

        test.Clock.Now = enrolledAt.AddYears(1);
        test.Templates.RecordInteraction(receipt, "identification match at door 2");

        Assert.Equal(enrolledAt.AddYears(1), test.Templates.LastInteraction<IllinoisClockIn>("worker-3"));
        var recorded = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.InteractionRecorded);
        Assert.Equal(30, (int)recorded.Action);
        Assert.Equal("identification match at door 2", recorded.Detail);
        Assert.Equal(receipt.Id, recorded.ReceiptId);
        test.Clock.Now = enrolledAt.AddYears(4).AddSeconds(-1);
        Assert.Equal(0, test.Templates.PurgeExpired());
        test.Clock.Now = enrolledAt.AddYears(4);
        Assert.Equal(1, test.Templates.PurgeExpired());
    }

    [Fact]
    public void Recording_an_interaction_needs_a_valid_receipt()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<IllinoisClockIn>(new ConsentGrant("worker-4"));
        test.Consents.Withdraw<IllinoisClockIn>("worker-4");

        Assert.Throws<ConsentRequiredException>(() => test.Templates.RecordInteraction(receipt, "identification match"));
        Assert.Null(test.Templates.LastInteraction<IllinoisClockIn>("worker-4"));
    }

    [Fact]
    public void Illinois_and_Colorado_together_purge_at_the_earlier_24_months_marked_unconfirmed()
    {
        using var test = NewStore();
        var enrolledAt = test.Clock.Now;
        var receipt = test.Consents.Grant<IllinoisAndColoradoClockIn>(new ConsentGrant("worker-5") { ValidFor = s_tenYears });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));

        test.Clock.Now = enrolledAt.AddMonths(24).AddSeconds(-1);
        Assert.Equal(0, test.Templates.PurgeExpired());
        test.Clock.Now = enrolledAt.AddMonths(24);
        Assert.Equal(1, test.Templates.PurgeExpired());
        var purged = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.Purged);
        Assert.Contains("2 years after the last interaction", purged.Detail, StringComparison.Ordinal);
        Assert.Contains("US-CO CO-2-POLICY", purged.Detail, StringComparison.Ordinal);
        Assert.Contains("UNCONFIRMED", purged.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Colorado_purges_45_days_after_the_no_longer_necessary_decision_marked_unconfirmed()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<ColoradoClockIn>(new ConsentGrant("worker-9") { ValidFor = s_tenYears });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Clock.Advance(TimeSpan.FromDays(200));
        var decidedAt = test.Clock.Now;
        test.Templates.RecordNoLongerNecessary<ColoradoClockIn>("worker-9", "annual review: no shifts since March");

        test.Clock.Now = decidedAt.AddDays(45).AddSeconds(-1);
        Assert.Equal(0, test.Templates.PurgeExpired());
        test.Clock.Now = decidedAt.AddDays(45);
        Assert.Equal(1, test.Templates.PurgeExpired());

        var decided = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.NoLongerNecessaryDecided);
        Assert.Equal(31, (int)decided.Action);
        Assert.Equal("annual review: no shifts since March", decided.Detail);
        var purged = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.Purged);
        Assert.Contains($"45 days after the decision on {decidedAt:yyyy-MM-dd} that it is no longer necessary (US-CO CO-2-POLICY (CO2; UNCONFIRMED))", purged.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_no_longer_necessary_decision_needs_a_template_and_sets_no_deadline_where_no_jurisdiction_has_one()
    {
        using var test = NewStore();
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => test.Templates.RecordNoLongerNecessary<IllinoisClockIn>("nobody", "review"));

        var receipt = test.Consents.Grant<IllinoisClockIn>(new ConsentGrant("worker-10") { ValidFor = s_tenYears });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Templates.RecordNoLongerNecessary<IllinoisClockIn>("worker-10", "review");
        test.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(0, test.Templates.PurgeExpired());
    }

    [Fact]
    public void Texas_sets_no_deadline_after_the_last_interaction()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<TexasClockIn>(new ConsentGrant("worker-6") { ValidFor = s_tenYears });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));

        test.Clock.Advance(TimeSpan.FromDays(5 * 366));
        Assert.Equal(0, test.Templates.PurgeExpired());
        Assert.Null(TexasClockIn.Info.DeleteBy(test.Clock.Now));
        test.Clock.Advance(s_tenYears);
        Assert.Equal(1, test.Templates.PurgeExpired());
    }

    [Fact]
    public void The_receipt_records_a_written_release_signed_electronically()
    {
        using var test = NewStore();
        var signed = test.Consents.Grant<IllinoisClockIn>(new ConsentGrant("worker-7", ConsentForm.ElectronicSignature));
        var onPaper = test.Consents.Grant<IllinoisClockIn>(new ConsentGrant("worker-8", ConsentForm.Written));

        Assert.Equal(ConsentForm.ElectronicSignature, ConsentReceipt<IllinoisClockIn>.Parse(signed.ToToken()).Form);
        Assert.Null(test.Consents.Check(signed));
        Assert.Equal(ConsentForm.Written, onPaper.Form);
        Assert.True(test.Consents.TryGetCurrentReceipt<IllinoisClockIn>("worker-7", out var stored));
        Assert.Equal(ConsentForm.ElectronicSignature, stored.Form);
    }
}

public sealed class SqliteLastInteractionContract : LastInteractionContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlLastInteractionContract : LastInteractionContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
