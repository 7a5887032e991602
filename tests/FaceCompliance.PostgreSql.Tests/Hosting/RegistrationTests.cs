using System;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared.Hosting;
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
/// the store. The tests shared with the SQLite store are in <see cref="StoreRegistrationContract{THost}"/>.
/// </summary>
public sealed class RegistrationTests : StoreRegistrationContract<TestHost>
{
    protected override string StoreName
    {
        get
        {
            var parts = new NpgsqlConnectionStringBuilder(Test.ConnectionString);
            return $"{parts.Host}:{parts.Port}/{parts.Database}";
        }
    }

    protected override string HealthCheckName => "facecompliance.postgresql";

    protected override string AlteredHeadProblem => "does not verify";

    [Fact]
    public async Task A_postgresql_uri_opens_the_same_database_as_its_connection_string()
    {
        var parts = new NpgsqlConnectionStringBuilder(Test.ConnectionString);
        var uri = $"postgresql://{Uri.EscapeDataString(parts.Username!)}{(parts.Password is { } p ? ":" + Uri.EscapeDataString(p) : "")}"
            + $"@{Uri.EscapeDataString(parts.Host!)}:{parts.Port}/{parts.Database}";

        await Test.Build(store: uri).StartAsync();
        var services = Test.Services;
        services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });

        Assert.Equal(parts.Database, services.GetRequiredService<PostgreSqlFacialDataStore>().Database.Split('/')[^1]);
        Assert.Equal(1L, TestServer.Scalar(Test.ConnectionString, "SELECT COUNT(*) FROM consents"));
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
    public async Task The_health_check_is_unhealthy_when_records_were_cut_from_the_end_of_the_chain()
    {
        var services = await Test.StartAsync(configure: b => b.Services.AddHealthChecks());
        var consents = services.GetRequiredService<IConsentRegistry>();
        consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        consents.Grant<GateEntry>(new ConsentGrant("resident-2") { AgeBand = FacialAgeBand.Adult });

        Assert.Equal(1, TestServer.Execute(Test.ConnectionString, "DELETE FROM audit WHERE sequence = (SELECT MAX(sequence) FROM audit)"));

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["facecompliance.postgresql"].Status);
        Assert.Contains("is not the chain's head", report.Entries["facecompliance.postgresql"].Description, StringComparison.Ordinal);
    }

    protected override bool StoreExists() => TestServer.Scalar(Test.ConnectionString, "SELECT to_regclass('facecompliance_schema')::text") as string == "facecompliance_schema";

    protected override StoreParts Parts(IServiceProvider services)
    {
        var store = services.GetRequiredService<PostgreSqlFacialDataStore>();
        return new StoreParts(store.Consents, store.Templates, store.Audit, store.Lifecycle, store.LegalBases);
    }

    protected override void CreateWithOneConsent()
    {
        using var store = PostgreSqlFacialDataStore.Open(Test.ConnectionString, new FacialDataStoreOptions(new FacialDataKeys(TestHost.MasterKey)) { TemplateDimension = 8 });
        store.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
    }

    protected override int Execute(string sql) => TestServer.Execute(Test.ConnectionString, sql);

    protected override long CountAudit() => (long)TestServer.Scalar(Test.ConnectionString, "SELECT COUNT(*) FROM audit")!;
}
