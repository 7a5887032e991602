using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace FaceCompliance.Sqlite.Tests.Hosting;

/// <summary>
/// The store's instruments on the meter "FaceCompliance", created through the host's <see cref="IMeterFactory"/> and
/// read with <see cref="MetricCollector{T}"/>: counts by purpose and reason, verification time in seconds, the
/// people stored; no tag carries a subject id.
/// </summary>
public sealed class MetricsTests : StoreHostTests<TestHost>
{
    private const string Resident = "resident-4711";

    [Fact]
    public async Task Grants_refusals_and_withdrawals_are_counted_by_purpose_and_reason_without_the_subject()
    {
        var services = await Test.StartAsync();
        using var grants = Collect<long>(services, "facecompliance.consent.grants");
        using var refusals = Collect<long>(services, "facecompliance.consent.refusals");
        using var withdrawals = Collect<long>(services, "facecompliance.consent.withdrawals");
        var consents = services.GetRequiredService<IConsentRegistry>();

        var receipt = consents.Grant<GateEntry>(new ConsentGrant(Resident) { AgeBand = FacialAgeBand.Adult });
        consents.Withdraw<GateEntry>(Resident);
        Assert.Throws<ConsentRequiredException>(() => consents.EnsureValid(receipt));
        Assert.Throws<ConsentRequiredException>(() => consents.GetValidReceipt<VisitorCheck>("someone-else"));

        var grant = Assert.Single(grants.GetMeasurementSnapshot());
        Assert.Equal(1, grant.Value);
        Assert.Equal(GateEntry.Info.Id, grant.Tags["facecompliance.purpose"]);
        Assert.Equal(1, Assert.Single(withdrawals.GetMeasurementSnapshot()).Value);
        var reasons = refusals.GetMeasurementSnapshot().Select(m => (m.Tags["facecompliance.purpose"], m.Tags["facecompliance.consent.refusal_reason"])).ToList();
        Assert.Equal([(GateEntry.Info.Id, "Withdrawn"), (VisitorCheck.Info.Id, "NeverConsented")], reasons);
        AssertNoSubjectInTags(grants, refusals, withdrawals);
    }

    [Fact]
    public async Task A_verification_records_its_duration_in_seconds_by_outcome()
    {
        var services = await Test.StartAsync();
        using var durations = Collect<double>(services, "facecompliance.verification.duration");
        var consents = services.GetRequiredService<IConsentRegistry>();
        var templates = services.GetRequiredService<IFaceTemplateStore>();
        var receipt = consents.Grant<GateEntry>(new ConsentGrant(Resident) { AgeBand = FacialAgeBand.Adult });

        Assert.Throws<KeyNotFoundException>(() => templates.Verify(receipt, TestStore.Template(1), 0.5f).Similarity);
        templates.Enroll(receipt, TestStore.Template(1));
        templates.Verify(receipt, TestStore.Template(1), 0.5f);
        consents.Withdraw<GateEntry>(Resident);
        Assert.Throws<ConsentRequiredException>(() => templates.Verify(receipt, TestStore.Template(1), 0.5f).Similarity);

        var measured = durations.GetMeasurementSnapshot();
        Assert.Equal(["no_template", "compared", "refused"], measured.Select(m => (string)m.Tags["facecompliance.verification.outcome"]!));
        Assert.All(measured, m => Assert.True(m.Value >= 0));
        Assert.Equal("s", durations.Instrument!.Unit);
        AssertNoSubjectInTags(durations);
    }

    [Fact]
    public async Task Enrolments_quarantines_and_purges_are_counted_and_the_people_and_templates_stored_are_observed()
    {
        var services = await Test.StartAsync();
        using var enrolled = Collect<long>(services, "facecompliance.templates.enrolled");
        using var quarantined = Collect<long>(services, "facecompliance.templates.quarantined");
        using var purged = Collect<long>(services, "facecompliance.templates.purged");
        using var people = Collect<int>(services, "facecompliance.people.stored");
        using var stored = Collect<int>(services, "facecompliance.templates.stored");
        var consents = services.GetRequiredService<IConsentRegistry>();
        var templates = services.GetRequiredService<IFaceTemplateStore>();
        var first = consents.Grant<GateEntry>(new ConsentGrant(Resident) { AgeBand = FacialAgeBand.Adult });
        var second = consents.Grant<VisitorCheck>(new ConsentGrant("visitor-9") { AgeBand = FacialAgeBand.Adult });
        var damaged = templates.Enroll(first, TestStore.Template(1));
        templates.Enroll(first, TestStore.Template(2));
        templates.Enroll(second, TestStore.Template(3));

        people.RecordObservableInstruments();
        stored.RecordObservableInstruments();
        Assert.Equal(2, people.LastMeasurement!.Value);
        Assert.Equal(3, stored.LastMeasurement!.Value);

        FlipCiphertextByte(damaged);
        templates.Verify(first, TestStore.Template(2), 0.5f);
        Test.Clock.Advance(TimeSpan.FromDays(8));   // past VisitorCheck's 7 days, within GateEntry's 30
        Assert.Equal(1, templates.PurgeExpired());

        Assert.Equal(3, enrolled.GetMeasurementSnapshot().Sum(m => m.Value));
        var quarantine = Assert.Single(quarantined.GetMeasurementSnapshot());
        Assert.Equal(GateEntry.Info.Id, quarantine.Tags["facecompliance.purpose"]);
        Assert.Equal(1, purged.GetMeasurementSnapshot().Sum(m => m.Value));
        people.RecordObservableInstruments();
        stored.RecordObservableInstruments();
        Assert.Equal(1, people.LastMeasurement!.Value);
        Assert.Equal(2, stored.LastMeasurement!.Value);   // the quarantined one stays until deleted
        AssertNoSubjectInTags(enrolled, quarantined, purged);
        AssertNoSubjectInTags(people, stored);
    }

    [Fact]
    public async Task A_filing_level_reached_is_counted_by_level()
    {
        var services = await Test.StartAsync(o => o.Filing = new FilingThresholdOptions { WarningLevel = 1, FilingLevel = 2 });
        using var levels = Collect<long>(services, "facecompliance.filing.levels_reached");
        var consents = services.GetRequiredService<IConsentRegistry>();
        var templates = services.GetRequiredService<IFaceTemplateStore>();

        templates.Enroll(consents.Grant<GateEntry>(new ConsentGrant("a") { AgeBand = FacialAgeBand.Adult }), TestStore.Template(1));
        templates.Enroll(consents.Grant<GateEntry>(new ConsentGrant("b") { AgeBand = FacialAgeBand.Adult }), TestStore.Template(2));

        Assert.Equal(["Warning", "Filing"], levels.GetMeasurementSnapshot().Select(m => (string)m.Tags["facecompliance.filing.level"]!));
    }

    private static MetricCollector<T> Collect<T>(IServiceProvider services, string instrument)
        where T : struct =>
        new(services.GetRequiredService<IMeterFactory>(), "FaceCompliance", instrument);

    private static void AssertNoSubjectInTags<T>(params MetricCollector<T>[] collectors)
        where T : struct
    {
        foreach (var collector in collectors)
        {
            Assert.All(collector.GetMeasurementSnapshot(), m => Assert.DoesNotContain(m.Tags, tag =>
                tag.Key.Contains("subject", StringComparison.OrdinalIgnoreCase) || tag.Value is string text && (text == Resident || text == "visitor-9")));
        }
    }

    private void FlipCiphertextByte(string templateId)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Test.StorePath, Pooling = false }.ToString());
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT ciphertext FROM templates WHERE template_id = $id";
        read.Parameters.AddWithValue("$id", templateId);
        var ciphertext = (byte[])read.ExecuteScalar()!;
        ciphertext[40] ^= 0x01;
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE templates SET ciphertext = $ciphertext WHERE template_id = $id";
        write.Parameters.AddWithValue("$ciphertext", ciphertext);
        write.Parameters.AddWithValue("$id", templateId);
        Assert.Equal(1, write.ExecuteNonQuery());
    }
}
