using System;
using System.IO;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace FaceCompliance.Sqlite.Tests.Hosting;

/// <summary>
/// <c>services.AddFaceCompliance(…).AddSqliteStore(…)</c> in a real host on a real file: the parts resolve to the one
/// store, bad options stop the start with a message naming the option, a wrong or missing master key stops it with
/// the store's own error, and the health check reports the store. The tests shared with the PostgreSQL store are in
/// <see cref="StoreRegistrationContract{THost}"/>.
/// </summary>
public sealed class RegistrationTests : StoreRegistrationContract<TestHost>
{
    protected override string StoreName => Test.StorePath;

    protected override string HealthCheckName => "facecompliance.sqlite";

    protected override string AlteredHeadProblem => "last audit record";

    [Fact]
    public async Task A_master_key_file_is_read_and_the_store_opens_with_it()
    {
        var keyFile = Path.Combine(Test.Directory, "master.key");
        await File.WriteAllBytesAsync(keyFile, TestStore.MasterKey);

        var services = await Test.StartAsync(o =>
        {
            o.MasterKey = null;
            o.MasterKeyFile = keyFile;
        });

        var receipt = services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        Assert.Null(services.GetRequiredService<IConsentRegistry>().Check(receipt));
        // The same file opened directly with the key in the file: one key, as the key check value proves.
        await Test.Host!.StopAsync();
        Test.Host.Dispose();
        using var direct = new TestStore(path: Test.StorePath);
        Assert.Null(direct.Consents.Check(receipt));
    }

    [Fact]
    public async Task No_master_key_stops_the_start_naming_both_options()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => Test.StartAsync(o => o.MasterKey = null));

        Assert.Contains("FaceComplianceOptions.MasterKey or FaceComplianceOptions.MasterKeyFile must be set", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Test.StorePath));
    }

    [Fact]
    public async Task A_missing_key_file_stops_the_start_and_no_key_is_created()
    {
        var keyFile = Path.Combine(Test.Directory, "master.key");

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => Test.StartAsync(o =>
        {
            o.MasterKey = null;
            o.MasterKeyFile = keyFile;
        }));

        Assert.Contains($"FaceComplianceOptions.MasterKeyFile '{keyFile}' does not exist", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(keyFile));
        Assert.False(File.Exists(Test.StorePath));
    }

    [Fact]
    public async Task A_short_key_and_bad_limits_stop_the_start_each_named()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => Test.StartAsync(o =>
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
        builder.Services.AddFaceCompliance(o => o.MasterKey = TestStore.MasterKey).AddSqliteStore(Test.Directory);
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"SqliteStoreOptions.Path '{Test.Directory}' is a folder", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_path_under_a_file_stops_the_start_naming_the_option()
    {
        var file = Path.Combine(Test.Directory, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFaceCompliance(o => o.MasterKey = TestStore.MasterKey).AddSqliteStore(Path.Combine(file, "gate.db"));
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"'{file}' is a file, not a folder", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_host_disposes_the_store()
    {
        var services = await Test.StartAsync();
        var store = services.GetRequiredService<SqliteFacialDataStore>();
        services.GetRequiredService<IConsentRegistry>().Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
        Assert.False(store.IsDisposed);

        await Test.Host!.StopAsync();
        Test.Host.Dispose();

        Assert.True(store.IsDisposed);
    }

    protected override bool StoreExists() => File.Exists(Test.StorePath);

    protected override StoreParts Parts(IServiceProvider services)
    {
        var store = services.GetRequiredService<SqliteFacialDataStore>();
        return new StoreParts(store.Consents, store.Templates, store.Audit, store.Lifecycle, store.LegalBases);
    }

    protected override void CreateWithOneConsent()
    {
        using var store = new TestStore(path: Test.StorePath);
        store.Consents.Grant<GateEntry>(new ConsentGrant("resident-1") { AgeBand = FacialAgeBand.Adult });
    }

    protected override int Execute(string sql)
    {
        using var connection = OpenFile();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    protected override long CountAudit()
    {
        using var connection = OpenFile();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit";
        return (long)command.ExecuteScalar()!;
    }

    private SqliteConnection OpenFile()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Test.StorePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
