using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;
using GateEntry = FaceCompliance.Sqlite.Tests.GateEntry;

namespace FaceCompliance.Tests.Shared.Hosting;

/// <summary>What a store registered with <c>AddFaceCompliance(…)</c> exposes as services: the one store's parts.</summary>
public sealed record StoreParts(IConsentRegistry Consents, IFaceTemplateStore Templates, IAuditTrail Audit, IFacialDataLifecycle Lifecycle, ILegalBasisRegistry LegalBases);

/// <summary>
/// The registration tests every store passes in a real host (linked into the SQLite and PostgreSQL test projects; each
/// derives it for its store): the parts resolve to the one store, opened while the host starts; a wrong master key stops
/// the start with the store's own error; the health check reports an altered chain and a store that cannot open.
/// </summary>
/// <typeparam name="THost">The store's host.</typeparam>
public abstract class StoreRegistrationContract<THost> : StoreHostTests<THost>
    where THost : StoreTestHost, new()
{
    /// <summary>The store's name in its errors (<see cref="MasterKeyMismatchException.Store"/>).</summary>
    protected abstract string StoreName { get; }

    /// <summary>The name the store's health check is registered under.</summary>
    protected abstract string HealthCheckName { get; }

    /// <summary>What the health check says of an audit chain whose last record was edited.</summary>
    protected abstract string AlteredHeadProblem { get; }

    [Fact]
    public async Task The_store_and_its_parts_resolve_to_one_store_that_is_opened_at_start_and_works()
    {
        Assert.False(StoreExists());

        var services = await Test.StartAsync();

        // Opened by the host's start, before anything asked for it.
        Assert.True(StoreExists());
        var store = Parts(services);
        Assert.Same(store.Consents, services.GetRequiredService<IConsentRegistry>());
        Assert.Same(store.Templates, services.GetRequiredService<IFaceTemplateStore>());
        Assert.Same(store.Audit, services.GetRequiredService<IAuditTrail>());
        Assert.Same(store.Lifecycle, services.GetRequiredService<IFacialDataLifecycle>());
        Assert.Same(store.LegalBases, services.GetRequiredService<ILegalBasisRegistry>());

        var receipt = services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        services.GetRequiredService<IFaceTemplateStore>().Enroll(receipt, StoreTestHost.Template(1));
        Assert.True(services.GetRequiredService<IFaceTemplateStore>().Verify(receipt, StoreTestHost.Template(1), 0.5f).Similarity > 0.99f);
        var records = services.GetRequiredService<IAuditTrail>().Read(0, 10);
        Assert.All(records, record => Assert.Equal(Test.Actor, record.Actor));
        Assert.Equal(Test.Clock.GetUtcNow(), records[0].Time);
    }

    [Fact]
    public async Task A_wrong_master_key_stops_the_start_with_the_stores_error_and_writes_nothing()
    {
        CreateWithOneConsent();
        var auditBefore = CountAudit();
        var otherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

        var refused = await Assert.ThrowsAsync<MasterKeyMismatchException>(() => Test.StartAsync(o => o.MasterKey = otherKey));

        Assert.StartsWith("The master key does not match the one this store was created with", refused.Message, StringComparison.Ordinal);
        Assert.Equal(StoreName, refused.Store);
        Assert.Equal(auditBefore, CountAudit());
    }

    [Fact]
    public async Task The_health_check_is_healthy_for_a_sound_store_and_unhealthy_when_the_audit_head_was_altered()
    {
        var services = await Test.StartAsync(configure: b => b.Services.AddHealthChecks());
        services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        var health = services.GetRequiredService<HealthCheckService>();

        var sound = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, sound.Status);
        Assert.Equal(HealthStatus.Healthy, sound.Entries[HealthCheckName].Status);

        Assert.Equal(1, Execute("UPDATE audit SET detail = 'edited' WHERE sequence = (SELECT MAX(sequence) FROM audit)"));

        var altered = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, altered.Entries[HealthCheckName].Status);
        Assert.Contains(AlteredHeadProblem, altered.Entries[HealthCheckName].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_reports_a_store_that_cannot_open()
    {
        CreateWithOneConsent();
        var otherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var host = Test.Build(o => o.MasterKey = otherKey);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries[HealthCheckName].Status);
        Assert.Contains("The master key does not match", report.Entries[HealthCheckName].Description, StringComparison.Ordinal);
    }

    /// <summary>Whether the host's store (its file, or its schema in the database) exists.</summary>
    protected abstract bool StoreExists();

    /// <summary>The store the host resolved, by its parts.</summary>
    protected abstract StoreParts Parts(IServiceProvider services);

    /// <summary>Creates the host's store with the test key, outside the host, and grants one consent in it.</summary>
    protected abstract void CreateWithOneConsent();

    /// <summary>Runs a statement on the host's store directly; returns the rows it changed.</summary>
    protected abstract int Execute(string sql);

    /// <summary>How many records the host's store's audit table holds, read directly.</summary>
    protected abstract long CountAudit();
}
