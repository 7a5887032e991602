using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// The ends of processing (PIPL Art. 47; Measures Art. 15): a purpose ends, a resident moves out, the service stops.
/// Each deletes the face data concerned, ends the consents concerned and is audited.
/// </summary>
public abstract class EndOfProcessingContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void Ending_a_purpose_deletes_its_templates_and_ends_its_consents_and_nothing_else()
    {
        using var test = NewStore();
        var p1Gate = Enrol<GateEntry>(test, "p1", 2);
        var p1Visitor = Enrol<VisitorCheck>(test, "p1", 1);
        var p2Gate = Enrol<GateEntry>(test, "p2", 1);

        var ended = test.Lifecycle.EndPurpose<GateEntry>("purpose achieved: the gate is replaced");

        Assert.Equal(new FacialDataDeletion(TemplatesDeleted: 3, ConsentsEnded: 2, PeopleStoredBefore: 2, PeopleStoredAfter: 1), ended);
        Assert.Equal(1, test.Count("templates"));
        Assert.Equal(1, test.Count("subject_keys"));
        Assert.Equal(ConsentRejection.Withdrawn, test.Consents.Check(p1Gate));
        Assert.Equal(ConsentRejection.Withdrawn, test.Consents.Check(p2Gate));
        Assert.Null(test.Consents.Check(p1Visitor));
        Assert.True(test.Templates.Verify(p1Visitor, StoreUnderTest.Template(100), 0.5f).Similarity > 0.99f);
        var record = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.PurposeEnded);
        Assert.Equal((GateEntry.Info.Id, (string?)null), (record.PurposeId, record.SubjectId));
        Assert.Equal("purpose ended: purpose achieved: the gate is replaced; 3 template(s) of 2 people deleted, 1 data key(s) destroyed, 2 consent(s) ended, 0 basis grant(s) revoked", record.Detail);
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void Ending_the_relationship_with_a_resident_deletes_their_face_data_for_every_purpose()
    {
        using var test = NewStore();
        var gate = Enrol<GateEntry>(test, "p1", 2);
        var visitor = Enrol<VisitorCheck>(test, "p1", 1);
        var other = Enrol<GateEntry>(test, "p2", 1);

        var ended = test.Lifecycle.EndRelationship("p1", "moved out");

        Assert.Equal(new FacialDataDeletion(3, 2, 2, 1), ended);
        Assert.Equal(ConsentRejection.Withdrawn, test.Consents.Check(gate));
        Assert.Equal(ConsentRejection.Withdrawn, test.Consents.Check(visitor));
        Assert.Null(test.Consents.Check(other));
        Assert.Equal(1, test.Templates.PeopleStored);
        Assert.Equal(["p2"], test.Templates.SubjectsStored());
        var records = test.Audit.Read().Where(r => r.SubjectId == "p1").TakeLast(2).ToList();
        Assert.Equal((AuditAction.Deleted, "3 template(s) deleted, data key destroyed"), (records[0].Action, records[0].Detail));
        Assert.Equal((AuditAction.RelationshipEnded, "relationship ended: moved out; 3 template(s) deleted across all purposes, 2 consent(s) ended"),
            (records[1].Action, records[1].Detail));
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void A_person_with_consent_but_no_template_can_leave_and_a_stranger_cannot()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<VisitorCheck>(new ConsentGrant("p1"));

        Assert.Equal(new FacialDataDeletion(0, 1, 0, 0), test.Lifecycle.EndRelationship("p1", "visit over"));
        Assert.Equal(ConsentRejection.Withdrawn, test.Consents.Check(receipt));

        var error = Assert.Throws<KeyNotFoundException>(() => test.Lifecycle.EndRelationship("p1", "again"));
        Assert.Contains("Subject 'p1' has no facial data and no consent in force", error.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => test.Lifecycle.EndRelationship("nobody", "moved out"));
    }

    [Fact]
    public void Decommissioning_deletes_everything_and_returns_what_the_cancellation_filing_needs()
    {
        using var test = NewStore(new StoreSettings(Filing: new FilingThresholdOptions { WarningLevel = 1, FilingLevel = 2 }));
        Enrol<GateEntry>(test, "p1", 2);
        Enrol<VisitorCheck>(test, "p1", 1);
        Enrol<GateEntry>(test, "p2", 1);
        Enrol<VisitorCheck>(test, "p3", 1);
        test.LegalBases.GrantBasis<DutyCheck>(new LegalBasisGrant(FacialLegalBasis.LegalDuty, "duty order 2026-17", "officer-1", test.Clock.Now.AddDays(30)));
        test.Clock.Advance(TimeSpan.FromHours(1));

        var record = test.Lifecycle.Decommission("the community switches to access cards");

        var processor = Assert.Single(record.Processors);
        Assert.Equal(("测试物业服务有限公司", "privacy@test.example"), (processor.Name, processor.Contact));
        Assert.Equal(new[] { DutyCheck.PurposeId, GateEntry.Info.Id, VisitorCheck.Info.Id }.Order(StringComparer.Ordinal), record.PurposeIds);
        Assert.Equal((3, 5, 4, 1), (record.PeopleStoredBefore, record.TemplatesDeleted, record.ConsentsEnded, record.BasisGrantsRevoked));
        Assert.Equal(test.Clock.Now, record.DecommissionedAt);
        Assert.Equal(new DateOnly(2026, 3, 2), record.DecommissionedOn);
        Assert.Equal(new DateOnly(2026, 4, 14), record.CancellationDeadline.Date);
        Assert.False(record.CancellationDeadline.IsEstimate);
        Assert.Equal("the community switches to access cards", record.Reason);

        Assert.Equal((0L, 0L, 0), (test.Count("templates"), test.Count("subject_keys"), test.Templates.PeopleStored));
        Assert.Equal(0L, test.Count("meta WHERE key LIKE 'filing_level_raised_%'"));
        Assert.Equal(LegalBasisRejection.Revoked, Assert.Throws<LegalBasisRequiredException>(() => test.LegalBases.RequireBasis<DutyCheck>()).Reason);
        var audited = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.Decommissioned);
        Assert.Equal("service stopped: the community switches to access cards; 5 template(s) of 3 people deleted with their data keys, 4 consent(s) ended, 1 basis grant(s) revoked, 3 purpose(s)", audited.Detail);
        Assert.True(test.Audit.Verify().IsValid);

        // The cancellation filing (注销备案) from the record: the count before, the day stopped, the deadline.
        using var cancellation = System.Text.Json.JsonDocument.Parse(FilingExport.FromAssembly(typeof(GateEntry).Assembly).Cancellation(record, new DateOnly(2026, 3, 3)));
        var form = cancellation.RootElement;
        Assert.Equal("注销备案", form.GetProperty("备案类型").GetString());
        Assert.Equal(3, form.GetProperty("停止使用前存储人脸信息的人数").GetInt32());
        Assert.Equal(0, form.GetProperty("删除后仍存储人脸信息的人数").GetInt32());
        Assert.Equal("2026-03-02", form.GetProperty("停止使用日期").GetString());
        Assert.Equal("2026-04-14", form.GetProperty("备案截止日期").GetString());
    }

    [Fact]
    public void A_missing_or_overlong_reason_is_refused_and_nothing_is_deleted()
    {
        using var test = NewStore();
        Enrol<GateEntry>(test, "p1", 1);

        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => test.Lifecycle.EndPurpose<GateEntry>(" ")).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => test.Lifecycle.EndRelationship("p1", "")).ParamName);
        var error = Assert.Throws<ArgumentException>(() => test.Lifecycle.Decommission(new string('x', 201)));
        Assert.Contains("at most 200 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, test.Templates.PeopleStored);
    }

    private static ConsentReceipt<TPurpose> Enrol<TPurpose>(StoreUnderTest test, string subject, int templates)
        where TPurpose : IFacialDataPurpose
    {
        var receipt = test.Consents.Grant<TPurpose>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult });
        for (var i = 0; i < templates; i++)
        {
            test.Templates.Enroll(receipt, StoreUnderTest.Template(100 + i));
        }

        return receipt;
    }
}

public sealed class SqliteEndOfProcessingContract : EndOfProcessingContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlEndOfProcessingContract : EndOfProcessingContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
