using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace FaceCompliance.Sqlite.Tests.Hosting;

/// <summary>
/// <c>services.AddFaceCompliance(…).AddSqliteStore(…)</c> in a real host on a real file: the parts resolve to the one
/// store, bad options stop the start with a message naming the option, a wrong or missing master key stops it with
/// the store's own error, and the health check reports the store.
/// </summary>
public sealed class RegistrationTests : IAsyncDisposable
{
    private readonly TestHost _test = new();

    public ValueTask DisposeAsync() => _test.DisposeAsync();

    [Fact]
    public async Task The_store_and_its_parts_resolve_to_one_store_that_is_opened_at_start_and_works()
    {
        var services = await _test.StartAsync();

        Assert.True(File.Exists(_test.StorePath));
        var store = services.GetRequiredService<SqliteFacialDataStore>();
        Assert.Same(store.Consents, services.GetRequiredService<IConsentRegistry>());
        Assert.Same(store.Templates, services.GetRequiredService<IFaceTemplateStore>());
        Assert.Same(store.Audit, services.GetRequiredService<IAuditTrail>());
        Assert.Same(store.Lifecycle, services.GetRequiredService<IFacialDataLifecycle>());
        Assert.Same(store.LegalBases, services.GetRequiredService<ILegalBasisRegistry>());

        var consents = services.GetRequiredService<IConsentRegistry>();
        var receipt = consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        services.GetRequiredService<IFaceTemplateStore>().Enroll(receipt, TestStore.Template(1));
        Assert.True(services.GetRequiredService<IFaceTemplateStore>().Verify(receipt, TestStore.Template(1), 0.5f).Similarity > 0.99f);
        var records = services.GetRequiredService<IAuditTrail>().Read(0, 10);
        Assert.All(records, record => Assert.Equal("gate-1", record.Actor));
        Assert.Equal(_test.Clock.GetUtcNow(), records[0].Time);
    }

    [Fact]
    public async Task A_master_key_file_is_read_and_the_store_opens_with_it()
    {
        var keyFile = Path.Combine(_test.Directory, "master.key");
        await File.WriteAllBytesAsync(keyFile, TestStore.MasterKey);

        var services = await _test.StartAsync(o =>
        {
            o.MasterKey = null;
            o.MasterKeyFile = keyFile;
        });

        var receipt = services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        Assert.Null(services.GetRequiredService<IConsentRegistry>().Check(receipt));
        // The same file opened directly with the key in the file: one key, as the key check value proves.
        await _test.Host!.StopAsync();
        _test.Host.Dispose();
        using var direct = new TestStore(path: _test.StorePath);
        Assert.Null(direct.Consents.Check(receipt));
    }

    [Fact]
    public async Task No_master_key_stops_the_start_naming_both_options()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => _test.StartAsync(o => o.MasterKey = null));

        Assert.Contains("FaceComplianceOptions.MasterKey or FaceComplianceOptions.MasterKeyFile must be set", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_test.StorePath));
    }

    [Fact]
    public async Task A_missing_key_file_stops_the_start_and_no_key_is_created()
    {
        var keyFile = Path.Combine(_test.Directory, "master.key");

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => _test.StartAsync(o =>
        {
            o.MasterKey = null;
            o.MasterKeyFile = keyFile;
        }));

        Assert.Contains($"FaceComplianceOptions.MasterKeyFile '{keyFile}' does not exist", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(keyFile));
        Assert.False(File.Exists(_test.StorePath));
    }

    [Fact]
    public async Task A_short_key_and_bad_limits_stop_the_start_each_named()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => _test.StartAsync(o =>
        {
            o.MasterKey = new byte[16];
            o.MaxTemplatesPerSubject = 0;
            o.MaxConsentsPerSubjectAndPurpose = -1;
            o.TemplateDimension = 0;
            o.Actor = "";
            o.Filing = new FilingThresholdOptions { WarningLevel = 100, FilingLevel = 50 };
        }));

        Assert.Contains("FaceComplianceOptions.MasterKey has 16 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FaceComplianceOptions.MaxTemplatesPerSubject is 0", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FaceComplianceOptions.MaxConsentsPerSubjectAndPurpose is -1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FaceComplianceOptions.TemplateDimension is 0", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FaceComplianceOptions.Actor:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FaceComplianceOptions.Filing:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("warning level (100) must be below the filing level (50)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_path_that_is_a_folder_stops_the_start_naming_the_option()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFaceCompliance(o => o.MasterKey = TestStore.MasterKey).AddSqliteStore(_test.Directory);
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"SqliteStoreOptions.Path '{_test.Directory}' is a folder", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_path_under_a_file_stops_the_start_naming_the_option()
    {
        var file = Path.Combine(_test.Directory, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFaceCompliance(o => o.MasterKey = TestStore.MasterKey).AddSqliteStore(Path.Combine(file, "gate.db"));
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"'{file}' is a file, not a folder", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_master_key_stops_the_start_with_the_stores_error_and_writes_nothing()
    {
        using (var first = new TestStore(path: _test.StorePath))
        {
            first.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        }

        var auditBefore = CountAudit();
        var otherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

        var refused = await Assert.ThrowsAsync<MasterKeyMismatchException>(() => _test.StartAsync(o => o.MasterKey = otherKey));

        Assert.StartsWith("The master key does not match the one this store was created with", refused.Message, StringComparison.Ordinal);
        Assert.Equal(_test.StorePath, refused.Store);
        Assert.Equal(auditBefore, CountAudit());
    }

    [Fact]
    public async Task The_health_check_is_healthy_for_a_sound_store_and_unhealthy_when_the_audit_head_was_altered()
    {
        var services = await _test.StartAsync(configure: b => b.Services.AddHealthChecks());
        services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        var health = services.GetRequiredService<HealthCheckService>();

        var sound = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, sound.Status);
        Assert.Equal(HealthStatus.Healthy, sound.Entries["facecompliance.sqlite"].Status);

        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _test.StorePath, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit SET detail = 'edited' WHERE sequence = (SELECT MAX(sequence) FROM audit)";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var altered = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, altered.Entries["facecompliance.sqlite"].Status);
        Assert.Contains("last audit record", altered.Entries["facecompliance.sqlite"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_reports_a_store_that_cannot_open()
    {
        using (var first = new TestStore(path: _test.StorePath))
        {
            first.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        }

        var otherKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var host = _test.Build(o => o.MasterKey = otherKey);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["facecompliance.sqlite"].Status);
        Assert.Contains("The master key does not match", report.Entries["facecompliance.sqlite"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_host_disposes_the_store()
    {
        var services = await _test.StartAsync();
        var store = services.GetRequiredService<SqliteFacialDataStore>();
        services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        Assert.False(store.IsDisposed);

        await _test.Host!.StopAsync();
        _test.Host.Dispose();

        Assert.True(store.IsDisposed);
    }

    private long CountAudit()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _test.StorePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit";
        return (long)command.ExecuteScalar()!;
    }
}
