using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// GDPR Art. 15 access and Art. 17 erasure requests with the Art. 12(3) deadline: recorded and audited with their due
/// date, extended once with a reason, closed by their answer, and listed when overdue; on both engines.
/// </summary>
public abstract class SubjectRequestContract
{
    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void A_request_is_due_at_the_end_of_the_same_date_next_month_and_is_audited_with_its_due_date()
    {
        using var test = NewStore();
        test.Clock.Now = new DateTimeOffset(2026, 3, 9, 15, 30, 0, TimeSpan.Zero);

        var request = test.Requests.Receive("resident-7", DataSubjectRequestKind.Access);

        Assert.Equal(new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.Zero), request.DueAt);
        Assert.Equal(test.Clock.Now, request.ReceivedAt);
        Assert.True(request.IsOpen);
        Assert.False(request.IsExtended);
        Assert.Equal(request, test.Requests.Get(request.Id));
        var record = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.SubjectRequestReceived);
        Assert.Equal("resident-7", record.SubjectId);
        Assert.Equal($"access request {request.Id} received 2026-03-09 15:30:00Z, due by 2026-04-09 (UTC)", record.Detail);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-02-28", "2026-04-28")]
    [InlineData("2028-01-31", "2028-02-29", "2028-04-29")]
    [InlineData("2026-12-15", "2027-01-15", "2027-03-15")]
    public void A_month_ends_on_the_same_date_or_the_last_day_of_a_shorter_month_and_the_extension_runs_from_the_first_due_day(
        string received, string dueDay, string extendedDueDay)
    {
        using var test = NewStore();
        var at = DateTimeOffset.Parse(received + "T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        test.Clock.Now = at;

        var request = test.Requests.Receive("resident-7", DataSubjectRequestKind.Erasure);
        var extended = test.Requests.Extend(request.Id, "many requests this month; the person was told why");

        Assert.Equal(DayAfter(dueDay), request.DueAt);
        Assert.Equal(DayAfter(extendedDueDay), extended.DueAt);
        Assert.Equal(extended, test.Requests.Get(request.Id));
    }

    [Fact]
    public void A_request_received_earlier_is_due_from_its_received_date_and_one_in_the_future_is_refused()
    {
        using var test = NewStore();
        var letter = test.Clock.Now.AddDays(-40);

        var request = test.Requests.Receive("resident-7", DataSubjectRequestKind.Access, letter);

        Assert.Equal(letter, request.ReceivedAt);
        Assert.Equal([request.Id], test.Requests.Overdue().Select(r => r.Id));
        Assert.Throws<ArgumentOutOfRangeException>(() => test.Requests.Receive("resident-7", DataSubjectRequestKind.Access, test.Clock.Now.AddMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => test.Requests.Receive("resident-7", (DataSubjectRequestKind)7));
    }

    [Fact]
    public void A_deadline_is_extended_once_with_a_reason_before_it_passes_and_the_extension_is_audited()
    {
        using var test = NewStore();
        var request = test.Requests.Receive("resident-7", DataSubjectRequestKind.Access);

        Assert.Throws<ArgumentException>(() => test.Requests.Extend(request.Id, " "));
        var extended = test.Requests.Extend(request.Id, "complex request");
        var twice = Assert.Throws<InvalidOperationException>(() => test.Requests.Extend(request.Id, "again"));

        Assert.Equal("complex request", extended.ExtensionReason);
        Assert.True(extended.IsExtended);
        Assert.Contains("extended once", twice.Message, StringComparison.Ordinal);
        var record = Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.SubjectRequestExtended);
        Assert.EndsWith("(UTC): complex request", record.Detail, StringComparison.Ordinal);

        var late = test.Requests.Receive("resident-8", DataSubjectRequestKind.Access);
        test.Clock.Now = late.DueAt;
        var error = Assert.Throws<InvalidOperationException>(() => test.Requests.Extend(late.Id, "too late"));
        Assert.Contains("within the first month", error.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => test.Requests.Extend("no-such-request", "reason"));
    }

    [Fact]
    public void Open_requests_past_their_due_instant_are_listed_oldest_due_first_and_an_answer_removes_one()
    {
        using var test = NewStore();
        var first = test.Requests.Receive("resident-7", DataSubjectRequestKind.Access);
        test.Clock.Advance(TimeSpan.FromDays(1));
        var second = test.Requests.Receive("resident-8", DataSubjectRequestKind.Erasure);
        var extended = test.Requests.Receive("resident-9", DataSubjectRequestKind.Access);
        test.Requests.Extend(extended.Id, "complex request");

        test.Clock.Now = first.DueAt.AddTicks(-1);
        Assert.Empty(test.Requests.Overdue());

        test.Clock.Now = second.DueAt;
        Assert.Equal([first.Id, second.Id], test.Requests.Overdue().Select(r => r.Id));
        Assert.True(test.Requests.Get(first.Id).IsOverdue(test.Clock.Now));

        test.Requests.AnswerAccess(first.Id);
        Assert.Equal([second.Id], test.Requests.Overdue().Select(r => r.Id));
    }

    [Fact]
    public void An_access_answer_exports_the_consents_and_describes_the_templates_without_their_values_and_closes_the_request()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        var template = test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        test.Consents.Grant<GateEntry>(new ConsentGrant("resident-8") { AgeBand = FacialAgeBand.Adult });
        var request = test.Requests.Receive("resident-7", DataSubjectRequestKind.Access);
        test.Clock.Advance(TimeSpan.FromDays(3));

        var export = test.Requests.AnswerAccess(request.Id);

        Assert.Equal("resident-7", export.SubjectId);
        Assert.Equal(test.Clock.Now, export.ExportedAt);
        var consent = Assert.Single(export.Consents);
        Assert.Equal(new ExportedConsent(receipt.Id, GateEntry.PurposeId, GateEntry.NoticeVersion, receipt.GivenAt, receipt.ExpiresAt, null), consent);
        var described = Assert.Single(export.Templates);
        Assert.Equal(GateEntry.PurposeId, described.PurposeId);
        Assert.Equal(template, described.TemplateId);
        Assert.Equal(test.Clock.Now, test.Requests.Get(request.Id).AnsweredAt);
        Assert.False(test.Requests.Get(request.Id).IsOpen);
        Assert.Throws<InvalidOperationException>(() => test.Requests.AnswerAccess(request.Id));
        Assert.Single(test.Audit.Read(), r => r.Action == AuditAction.AccessRequestAnswered && r.SubjectId == "resident-7");
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void An_erasure_answer_deletes_the_persons_templates_and_key_and_ends_their_consents_and_closes_the_request()
    {
        using var test = NewStore();
        var receipt = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-7") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(receipt, StoreUnderTest.Template(1));
        var other = test.Consents.Grant<GateEntry>(new ConsentGrant("resident-8") { AgeBand = FacialAgeBand.Adult });
        test.Templates.Enroll(other, StoreUnderTest.Template(2));
        var request = test.Requests.Receive("resident-7", DataSubjectRequestKind.Erasure);

        Assert.Throws<InvalidOperationException>(() => test.Requests.AnswerAccess(request.Id));
        var deletion = test.Requests.AnswerErasure(request.Id);

        Assert.Equal(new FacialDataDeletion(1, 1, 2, 1), deletion);
        Assert.Equal(ConsentRejection.Withdrawn, test.Consents.Check(receipt));
        Assert.Null(test.Consents.Check(other));
        Assert.Equal(1, test.Templates.PeopleStored);
        Assert.Equal(0L, test.ReadRow("SELECT COUNT(*) FROM subject_keys WHERE subject_id = @s", ("@s", "resident-7"))[0]);
        Assert.False(test.Requests.Get(request.Id).IsOpen);
        Assert.Throws<InvalidOperationException>(() => test.Requests.AnswerErasure(request.Id));
        var actions = test.Audit.Read().Where(r => r.SubjectId == "resident-7").Select(r => r.Action).ToList();
        Assert.Equal([AuditAction.ConsentGranted, AuditAction.Enrolled, AuditAction.SubjectRequestReceived, AuditAction.Deleted, AuditAction.ErasureRequestAnswered], actions);
        Assert.True(test.Audit.Verify().IsValid);
    }

    [Fact]
    public void An_erasure_request_of_a_person_with_nothing_held_is_still_answered_and_closed()
    {
        using var test = NewStore();
        var request = test.Requests.Receive("stranger-1", DataSubjectRequestKind.Erasure);

        var deletion = test.Requests.AnswerErasure(request.Id);

        Assert.Equal(0, deletion.TemplatesDeleted);
        Assert.Equal(0, deletion.ConsentsEnded);
        Assert.False(test.Requests.Get(request.Id).IsOpen);
    }

    private static DateTimeOffset DayAfter(string day)
        => DateTimeOffset.Parse(day + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
}

public sealed class SqliteSubjectRequestContract : SubjectRequestContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlSubjectRequestContract : SubjectRequestContract
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
