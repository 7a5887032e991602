using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared.Hosting;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace FaceCompliance.Sqlite.Tests.Hosting;

/// <summary>
/// The store logs through <see cref="ILogger"/>; subject ids are classified (<see cref="FaceComplianceTaxonomy.SubjectId"/>),
/// so a real redactor (Microsoft.Extensions.Compliance.Redaction with the logging redaction of
/// Microsoft.Extensions.Telemetry) hides them, and no event carries a template value.
/// </summary>
public sealed class LoggingTests : StoreHostTests<TestHost>
{
    private const string Resident = "resident-4711";

    [Fact]
    public async Task With_redaction_on_a_refused_consent_logs_its_purpose_and_reason_but_not_the_subject_id()
    {
        var services = await StartWithFakeLogging(redact: true);
        var consents = services.GetRequiredService<IConsentRegistry>();
        var receipt = consents.Grant<GateEntry>(new ConsentGrant(Resident) { AgeBand = FacialAgeBand.Adult });
        consents.Withdraw<GateEntry>(Resident);

        Assert.Throws<ConsentRequiredException>(() => consents.EnsureValid(receipt));

        var records = services.GetFakeLogCollector().GetSnapshot();
        var refused = Assert.Single(records, r => r.Id.Id == 1007);
        Assert.Equal(LogLevel.Information, refused.Level);
        Assert.Contains("GateEntry", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Withdrawn", refused.Message, StringComparison.Ordinal);
        var withdrawn = Assert.Single(records, r => r.Id.Id == 1008);
        Assert.All(records, record =>
        {
            Assert.DoesNotContain(Resident, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(record.StructuredState ?? [], pair => pair.Value?.Contains(Resident, StringComparison.Ordinal) == true);
        });
        Assert.Contains(refused.StructuredState!, pair => pair.Key == "SubjectId" && pair.Value == "<redacted>");
        Assert.Contains(withdrawn.StructuredState!, pair => pair.Key == "SubjectId" && pair.Value == "<redacted>");
    }

    [Fact]
    public async Task Without_redaction_enabled_a_classified_subject_id_is_left_out_of_the_event_altogether()
    {
        var services = await StartWithFakeLogging(redact: false);
        var consents = services.GetRequiredService<IConsentRegistry>();
        var receipt = consents.Grant<GateEntry>(new ConsentGrant(Resident) { AgeBand = FacialAgeBand.Adult });
        consents.Withdraw<GateEntry>(Resident);

        Assert.Throws<ConsentRequiredException>(() => consents.EnsureValid(receipt));

        var refused = Assert.Single(services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1007);
        Assert.DoesNotContain(Resident, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.StructuredState!, pair => pair.Key == "SubjectId");
        Assert.Contains(refused.StructuredState!, pair => pair.Key == "Reason" && pair.Value == "Withdrawn");
    }

    [Fact]
    public async Task Opening_enrolling_verifying_purging_and_quarantining_log_no_template_value_and_no_similarity()
    {
        var services = await StartWithFakeLogging(redact: true);
        var consents = services.GetRequiredService<IConsentRegistry>();
        var templates = services.GetRequiredService<IFaceTemplateStore>();
        var receipt = consents.Grant<GateEntry>(new ConsentGrant(Resident) { AgeBand = FacialAgeBand.Adult });
        var template = TestStore.Template(7);
        templates.Enroll(receipt, template);
        var similarity = templates.Verify(receipt, template, 0.5f).Similarity;
        Test.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, templates.PurgeExpired());

        var records = services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 1001 && r.Message.Contains(Test.StorePath, StringComparison.Ordinal));
        var purged = Assert.Single(records, r => r.Id.Id == 1005);
        Assert.Contains("deleted 1 template(s)", purged.Message, StringComparison.Ordinal);
        var forbidden = template.Values.ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture)[..6])
            .Append(similarity.ToString("0.000", CultureInfo.InvariantCulture)).ToList();
        Assert.All(records, record =>
        {
            var text = record.Message + string.Join("|", (record.StructuredState ?? []).Select(p => p.Value));
            Assert.All(forbidden, value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
            Assert.DoesNotContain("similarity", text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_quarantined_template_is_logged_as_a_warning_with_its_id_and_the_subject_redacted()
    {
        var services = await StartWithFakeLogging(redact: true);
        var consents = services.GetRequiredService<IConsentRegistry>();
        var templates = services.GetRequiredService<IFaceTemplateStore>();
        var receipt = consents.Grant<GateEntry>(new ConsentGrant(Resident) { AgeBand = FacialAgeBand.Adult });
        var damagedId = templates.Enroll(receipt, TestStore.Template(1));
        templates.Enroll(receipt, TestStore.Template(2));
        DamageTemplate(damagedId);

        templates.Verify(receipt, TestStore.Template(2), 0.5f);

        var quarantined = Assert.Single(services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1004);
        Assert.Equal(LogLevel.Warning, quarantined.Level);
        Assert.Contains(damagedId, quarantined.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Resident, quarantined.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_master_key_is_logged_as_critical_before_the_start_fails()
    {
        using (var first = new TestStore(path: Test.StorePath))
        {
            first.Consents.Grant<GateEntry>(new ConsentGrant(Resident) { AgeBand = FacialAgeBand.Adult });
        }

        var otherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var host = Test.Build(o => o.MasterKey = otherKey, b => b.Logging.AddFakeLogging());

        await Assert.ThrowsAsync<MasterKeyMismatchException>(() => host.StartAsync());

        var refused = Assert.Single(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1002);
        Assert.Equal(LogLevel.Critical, refused.Level);
        Assert.Contains(Test.StorePath, refused.Message, StringComparison.Ordinal);
    }

    private async Task<IServiceProvider> StartWithFakeLogging(bool redact) =>
        await Test.StartAsync(configure: builder =>
        {
            builder.Logging.AddFakeLogging();
            if (redact)
            {
                builder.Services.AddRedaction(redaction => redaction.SetRedactor<FixedRedactor>(FaceComplianceTaxonomy.SubjectId, FaceComplianceTaxonomy.FacialData));
                builder.Logging.EnableRedaction();
            }
        });

    private void DamageTemplate(string templateId)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Test.StorePath, Pooling = false }.ToString());
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT ciphertext FROM templates WHERE template_id = $id";
        read.Parameters.AddWithValue("$id", templateId);
        var ciphertext = (byte[])read.ExecuteScalar()!;
        ciphertext[40] ^= 0x01; // a byte of the encrypted values, after the 12-byte nonce and 16-byte tag
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE templates SET ciphertext = $ciphertext WHERE template_id = $id";
        write.Parameters.AddWithValue("$ciphertext", ciphertext);
        write.Parameters.AddWithValue("$id", templateId);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    /// <summary>A redactor that writes "&lt;redacted&gt;" in place of the value.</summary>
    private sealed class FixedRedactor : Redactor
    {
        private const string Text = "<redacted>";

        public override int GetRedactedLength(ReadOnlySpan<char> input) => Text.Length;

        public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
        {
            Text.AsSpan().CopyTo(destination);
            return Text.Length;
        }
    }
}
