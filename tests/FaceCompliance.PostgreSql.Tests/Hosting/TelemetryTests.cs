using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace FaceCompliance.PostgreSql.Tests.Hosting;

/// <summary>
/// The store's log events and instruments, the same as the SQLite store's (one definition in FaceCompliance, raised by
/// the stores' shared core): opened or refused (1001, 1002), consents refused and withdrawn with their counters, the
/// filing threshold (1006 and its counter), and the gauges of people and templates stored on the meter "FaceCompliance".
/// </summary>
public sealed class TelemetryTests : StoreHostTests<TestHost>
{
    [Fact]
    public async Task Opening_logs_the_database_the_schema_version_and_the_people_stored_under_the_stores_category()
    {
        var services = await Test.StartAsync(configure: b => b.Logging.AddFakeLogging());

        var opened = Assert.Single(services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1001);
        Assert.Equal(LogLevel.Information, opened.Level);
        Assert.Equal("FaceCompliance.PostgreSql.PostgreSqlFacialDataStore", opened.Category);
        Assert.Contains(services.GetRequiredService<PostgreSqlFacialDataStore>().Database, opened.Message, StringComparison.Ordinal);
        Assert.Contains(opened.StructuredState!, pair => pair.Key == "SchemaVersion" && pair.Value == "3");
        Assert.Contains(opened.StructuredState!, pair => pair.Key == "PeopleStored" && pair.Value == "0");
    }

    [Fact]
    public async Task A_wrong_master_key_is_logged_as_critical_before_the_start_fails()
    {
        using (var first = PostgreSqlFacialDataStore.Open(Test.ConnectionString, new FacialDataStoreOptions(new FacialDataKeys(TestHost.MasterKey)) { TemplateDimension = 8 }))
        {
            first.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        }

        var otherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var host = Test.Build(o => o.MasterKey = otherKey, b => b.Logging.AddFakeLogging());

        var refused = await Assert.ThrowsAsync<MasterKeyMismatchException>(() => host.StartAsync());

        var logged = Assert.Single(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1002);
        Assert.Equal(LogLevel.Critical, logged.Level);
        Assert.Contains(refused.Store, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grants_refusals_and_withdrawals_are_logged_and_counted_as_on_sqlite()
    {
        var services = await Test.StartAsync(configure: b => b.Logging.AddFakeLogging());
        using var grants = Collect<long>(services, "facecompliance.consent.grants");
        using var refusals = Collect<long>(services, "facecompliance.consent.refusals");
        using var withdrawals = Collect<long>(services, "facecompliance.consent.withdrawals");
        var consents = services.GetRequiredService<IConsentRegistry>();

        var receipt = consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        consents.Withdraw<GateEntry>("resident-1");
        Assert.Throws<ConsentRequiredException>(() => consents.EnsureValid(receipt));

        Assert.Equal(GateEntry.Info.Id, Assert.Single(grants.GetMeasurementSnapshot()).Tags["facecompliance.purpose"]);
        Assert.Equal(1, Assert.Single(withdrawals.GetMeasurementSnapshot()).Value);
        Assert.Equal("Withdrawn", Assert.Single(refusals.GetMeasurementSnapshot()).Tags["facecompliance.consent.refusal_reason"]);
        var logged = services.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == "FaceCompliance.PostgreSql.PostgreSqlFacialDataStore").Select(r => r.Id.Id).ToList();
        Assert.Equal([1001, 1008, 1007], logged);
    }

    [Fact]
    public async Task The_people_and_templates_stored_are_gauges_of_the_database()
    {
        var services = await Test.StartAsync();
        using var people = Collect<int>(services, "facecompliance.people.stored");
        using var stored = Collect<int>(services, "facecompliance.templates.stored");
        var consents = services.GetRequiredService<IConsentRegistry>();
        var templates = services.GetRequiredService<IFaceTemplateStore>();

        var receipt = consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        templates.Enroll(receipt, TestHost.Template(1));
        templates.Enroll(receipt, TestHost.Template(2));
        // A second node's enrolment counts too: the gauge reads the database, not this process.
        using (var other = PostgreSqlFacialDataStore.Open(Test.ConnectionString, new FacialDataStoreOptions(new FacialDataKeys(TestHost.MasterKey)) { TemplateDimension = 8, Actor = "node-2" }))
        {
            other.Templates.Enroll(other.Consents.Grant<GateEntry>(new ConsentGrant("resident-2") { AgeBand = FacialAgeBand.Adult }), TestHost.Template(3));
        }

        people.RecordObservableInstruments();
        stored.RecordObservableInstruments();
        Assert.Equal(2, people.LastMeasurement!.Value);
        Assert.Equal(3, stored.LastMeasurement!.Value);
    }

    [Fact]
    public async Task A_filing_level_reached_is_logged_and_counted_by_level()
    {
        var services = await Test.StartAsync(o => o.Filing = new FilingThresholdOptions { WarningLevel = 1, FilingLevel = 2 }, b => b.Logging.AddFakeLogging());
        using var levels = Collect<long>(services, "facecompliance.filing.levels_reached");
        var consents = services.GetRequiredService<IConsentRegistry>();
        var templates = services.GetRequiredService<IFaceTemplateStore>();

        templates.Enroll(consents.Grant<GateEntry>(new ConsentGrant("a") { AgeBand = FacialAgeBand.Adult }), TestHost.Template(1));
        templates.Enroll(consents.Grant<GateEntry>(new ConsentGrant("b") { AgeBand = FacialAgeBand.Adult }), TestHost.Template(2));

        Assert.Equal(["Warning", "Filing"], levels.GetMeasurementSnapshot().Select(m => (string)m.Tags["facecompliance.filing.level"]!));
        var logged = services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Id == 1006).ToList();
        Assert.Equal(2, logged.Count);
        Assert.All(logged, record => Assert.Equal(LogLevel.Warning, record.Level));
        Assert.Contains("Filing level 2 reached with 2 people stored", logged[1].Message, StringComparison.Ordinal);
    }

    private static MetricCollector<T> Collect<T>(IServiceProvider services, string instrument)
        where T : struct =>
        new(services.GetRequiredService<IMeterFactory>(), "FaceCompliance", instrument);
}
