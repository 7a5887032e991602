using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace FaceCompliance.PostgreSql.Tests.Hosting;

/// <summary>
/// <c>services.AddFaceCompliance(…).AddPostgreSqlStore(…)</c> in a real host on a real database: the parts resolve to
/// the one store, opened while the host starts; a URI works as well as a connection string; bad options stop the start
/// with a message naming the option; a wrong master key stops it with the store's own error; the health check reports
/// the store.
/// </summary>
public sealed class RegistrationTests : IAsyncDisposable
{
    private readonly TestHost _test = new();

    public ValueTask DisposeAsync() => _test.DisposeAsync();

    [Fact]
    public async Task The_store_and_its_parts_resolve_to_one_store_that_is_opened_at_start_and_works()
    {
        Assert.Null(TestServer.Scalar(_test.ConnectionString, "SELECT to_regclass('facecompliance_schema')::text") as string);

        var services = await _test.StartAsync();

        // Opened by the host's start, before anything asked for it: the schema is there.
        Assert.Equal("facecompliance_schema", TestServer.Scalar(_test.ConnectionString, "SELECT to_regclass('facecompliance_schema')::text"));
        var store = services.GetRequiredService<PostgreSqlFacialDataStore>();
        Assert.Same(store.Consents, services.GetRequiredService<IConsentRegistry>());
        Assert.Same(store.Templates, services.GetRequiredService<IFaceTemplateStore>());
        Assert.Same(store.Audit, services.GetRequiredService<IAuditTrail>());
        Assert.Same(store.Lifecycle, services.GetRequiredService<IFacialDataLifecycle>());
        Assert.Same(store.LegalBases, services.GetRequiredService<ILegalBasisRegistry>());

        var receipt = services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        services.GetRequiredService<IFaceTemplateStore>().Enroll(receipt, TestHost.Template(1));
        Assert.True(services.GetRequiredService<IFaceTemplateStore>().Verify(receipt, TestHost.Template(1), 0.5f).Similarity > 0.99f);
        var records = services.GetRequiredService<IAuditTrail>().Read(0, 10);
        Assert.All(records, record => Assert.Equal("node-1", record.Actor));
        Assert.Equal(_test.Clock.GetUtcNow(), records[0].Time);
    }

    [Fact]
    public async Task A_postgresql_uri_opens_the_same_database_as_its_connection_string()
    {
        var parts = new NpgsqlConnectionStringBuilder(_test.ConnectionString);
        var uri = $"postgresql://{Uri.EscapeDataString(parts.Username!)}{(parts.Password is { } p ? ":" + Uri.EscapeDataString(p) : "")}"
            + $"@{Uri.EscapeDataString(parts.Host!)}:{parts.Port}/{parts.Database}";

        await _test.Build(connectionString: uri).StartAsync();
        var services = _test.Services;
        services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });

        Assert.Equal(parts.Database, services.GetRequiredService<PostgreSqlFacialDataStore>().Database.Split('/')[^1]);
        Assert.Equal(1L, TestServer.Scalar(_test.ConnectionString, "SELECT COUNT(*) FROM consents"));
    }

    [Fact]
    public async Task No_connection_string_stops_the_start_naming_the_option()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFaceCompliance(o => o.MasterKey = TestHost.MasterKey).AddPostgreSqlStore(" ");
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PostgreSqlStoreOptions.ConnectionString must be set", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_uri_stops_the_start_naming_the_option_and_the_problem_but_not_the_password()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFaceCompliance(o => o.MasterKey = TestHost.MasterKey).AddPostgreSqlStore("postgresql://gate:s3cret@db.internal:port/faces");
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PostgreSqlStoreOptions.ConnectionString is not a valid connection string or postgresql:// URI: the URI's port 'port' is not a number", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_without_a_host_stops_the_start_naming_the_option()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFaceCompliance(o => o.MasterKey = TestHost.MasterKey).AddPostgreSqlStore("postgresql:///faces");
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PostgreSqlStoreOptions.ConnectionString names no host", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_master_key_stops_the_start_with_the_stores_error_and_writes_nothing()
    {
        using (var first = PostgreSqlFacialDataStore.Open(_test.ConnectionString, new FacialDataStoreOptions(new FacialDataKeys(TestHost.MasterKey)) { TemplateDimension = 8 }))
        {
            first.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        }

        var auditBefore = TestServer.Scalar(_test.ConnectionString, "SELECT COUNT(*) FROM audit");
        var otherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

        var refused = await Assert.ThrowsAsync<MasterKeyMismatchException>(() => _test.StartAsync(o => o.MasterKey = otherKey));

        Assert.StartsWith("The master key does not match the one this store was created with", refused.Message, StringComparison.Ordinal);
        Assert.Equal(auditBefore, TestServer.Scalar(_test.ConnectionString, "SELECT COUNT(*) FROM audit"));
    }

    [Fact]
    public async Task The_health_check_is_healthy_for_a_sound_store_and_unhealthy_when_the_audit_head_was_altered()
    {
        var services = await _test.StartAsync(configure: b => b.Services.AddHealthChecks());
        services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        var health = services.GetRequiredService<HealthCheckService>();

        var sound = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, sound.Status);
        Assert.Equal(HealthStatus.Healthy, sound.Entries["facecompliance.postgresql"].Status);

        Assert.Equal(1, TestServer.Execute(_test.ConnectionString, "UPDATE audit SET detail = 'edited' WHERE sequence = (SELECT MAX(sequence) FROM audit)"));

        var altered = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, altered.Entries["facecompliance.postgresql"].Status);
        Assert.Contains("does not verify", altered.Entries["facecompliance.postgresql"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_is_unhealthy_when_records_were_cut_from_the_end_of_the_chain()
    {
        var services = await _test.StartAsync(configure: b => b.Services.AddHealthChecks());
        var consents = services.GetRequiredService<IConsentRegistry>();
        consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        consents.Grant<GateEntry>(new ConsentGrant("resident-2") { AgeBand = FacialAgeBand.Adult });

        Assert.Equal(1, TestServer.Execute(_test.ConnectionString, "DELETE FROM audit WHERE sequence = (SELECT MAX(sequence) FROM audit)"));

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["facecompliance.postgresql"].Status);
        Assert.Contains("is not the chain's head", report.Entries["facecompliance.postgresql"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_reports_a_store_that_cannot_open()
    {
        using (var first = PostgreSqlFacialDataStore.Open(_test.ConnectionString, new FacialDataStoreOptions(new FacialDataKeys(TestHost.MasterKey)) { TemplateDimension = 8 }))
        {
            first.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        }

        var otherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var host = _test.Build(o => o.MasterKey = otherKey);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["facecompliance.postgresql"].Status);
        Assert.Contains("The master key does not match", report.Entries["facecompliance.postgresql"].Description, StringComparison.Ordinal);
    }
}
