using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using FaceCompliance.PostgreSql.Tests;
using Npgsql;
using Xunit;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// Two processes of the sample on one PostgreSQL database (the server ./test.sh starts, FACECOMPLIANCE_TEST_POSTGRES),
/// sharing one master key file: one truth. A resident registered, consenting and enrolled through instance A signs in
/// and passes the gate through instance B; a withdrawal through A is refused at B's gate at once; both instances' writes
/// form one audit chain that verifies.
/// </summary>
public sealed class SharedDatabaseTests : IAsyncLifetime
{
    private string? database;

    public Task InitializeAsync()
    {
        database = TestServer.CreateDatabase();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        if (database is not null)
        {
            TestServer.DropDatabase(database);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_instances_on_one_database_share_residents_consents_templates_withdrawals_and_one_audit_chain()
    {
        string uri = StoreUri(database!);
        // A takes the store as a command-line argument, B as a setting; B uses A's data folder, so A's master.key.
        await using SampleApp a = await SampleApp.StartAsync(new Dictionary<string, string> { ["Actor"] = "gate-a" }, arguments: ["--store", uri]);
        await using SampleApp b = await SampleApp.StartAsync(new Dictionary<string, string> { ["Actor"] = "gate-b", ["Store"] = uri }, dataDirectory: a.DataDirectory);

        // Registered, consenting and enrolled through A.
        using (GateClient operatorAtA = await GateClient.OperatorAsync(a))
        {
            await operatorAtA.RegisterAsync("amy", "CARD-7777");
        }

        using GateClient amyAtA = await GateClient.SignedInAsync(a, "amy");
        await amyAtA.ConsentAsync("amy");
        (int w, int h, byte[] enrolment) = Photos.Ppm("identities/amy1.ppm");
        using (HttpResponseMessage enrolled = await amyAtA.PostPixelsAsync($"api/enrol?residentId=amy&width={w}&height={h}", enrolment))
        {
            Assert.True(enrolled.IsSuccessStatusCode, await enrolled.Content.ReadAsStringAsync());
        }

        // B knows her: her password signs her in, her card opens, her face opens.
        using (GateClient amyAtB = await GateClient.SignedInAsync(b, "amy"))
        {
            using JsonDocument status = JsonDocument.Parse(await amyAtB.Http.GetStringAsync("api/residents/amy"));
            Assert.Equal("Valid", status.RootElement.GetProperty("consent").GetString());
        }

        using GateClient kioskAtB = await GateClient.AnonymousAsync(b);
        Assert.Equal("Opened", await Outcome(kioskAtB.PostJsonAsync("api/gate/card", new { residentId = "amy", cardOrPin = "CARD-7777" })));
        (int pw, int ph, byte[] probe) = Photos.Ppm("identities/amy2.ppm");
        Assert.Equal("Opened", await Outcome(kioskAtB.PostPixelsAsync($"api/gate/face?residentId=amy&width={pw}&height={ph}", probe)));

        // Withdrawn through A: B's very next face entry is refused (the card still opens).
        using (HttpResponseMessage withdrawn = await amyAtA.PostJsonAsync("api/withdraw", new { residentId = "amy" }))
        {
            Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());
        }

        Assert.Equal("CardRequired", await Outcome(kioskAtB.PostPixelsAsync($"api/gate/face?residentId=amy&width={pw}&height={ph}", probe)));
        Assert.Equal("Opened", await Outcome(kioskAtB.PostJsonAsync("api/gate/card", new { residentId = "amy", cardOrPin = "CARD-7777" })));

        // Everything is in the database: the data folder holds the master key only.
        Assert.Equal(["master.key"], System.IO.Directory.GetFiles(a.DataDirectory).Select(System.IO.Path.GetFileName));

        // One chain, written by both, valid as each instance's operator page verifies it; both report healthy.
        foreach (SampleApp instance in new[] { a, b })
        {
            using GateClient operatorClient = await GateClient.OperatorAsync(instance);
            using JsonDocument report = JsonDocument.Parse(await operatorClient.Http.GetStringAsync("api/operator"));
            JsonElement audit = report.RootElement.GetProperty("audit");
            Assert.True(audit.GetProperty("chainValid").GetBoolean(), audit.GetProperty("problem").GetString());
            var records = audit.GetProperty("records").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.GetProperty("sequence").GetInt64()));
            var actors = records.Select(r => r.GetProperty("actor").GetString()).ToHashSet();
            Assert.Contains("gate-a", actors);
            Assert.Contains("gate-b", actors);
            Assert.Equal(1, report.RootElement.GetProperty("residents").GetInt32());
            Assert.Equal("Healthy", await operatorClient.Http.GetStringAsync("api/health"));
        }
    }

    [Fact]
    public async Task A_second_instance_without_the_databases_master_key_refuses_to_start_and_creates_no_key()
    {
        string uri = StoreUri(database!);
        await using SampleApp first = await SampleApp.StartAsync(new Dictionary<string, string> { ["Store"] = uri });
        string emptyFolder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "facecompliance-nokey-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(emptyFolder);
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                SampleApp.StartAsync(new Dictionary<string, string> { ["Store"] = uri }, dataDirectory: emptyFolder));

            Assert.Contains("master.key is missing, but the PostgreSQL database", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Every instance on one database needs the same master key", refused.Message, StringComparison.Ordinal);
            Assert.False(System.IO.File.Exists(System.IO.Path.Combine(emptyFolder, "master.key")));
        }
        finally
        {
            System.IO.Directory.Delete(emptyFolder, recursive: true);
        }
    }

    [Fact]
    public async Task A_malformed_store_uri_stops_the_start_naming_the_problem_but_not_the_password()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SampleApp.StartAsync(new Dictionary<string, string> { ["Store"] = "postgresql://gate:s3cret@db.internal:54x2/community" }));

        Assert.Contains("CommunityAccess: cannot start: CommunityAccess:Store (--store) is not a valid postgresql:// URI: the URI's port '54x2' is not a number from 1 to 65535",
            refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The test database as a postgresql:// URI (its host may be a Unix socket folder, percent-encoded).</summary>
    private static string StoreUri(string connectionString)
    {
        var parts = new NpgsqlConnectionStringBuilder(connectionString);
        string user = System.Uri.EscapeDataString(parts.Username ?? "postgres") + (parts.Password is { } password ? ":" + System.Uri.EscapeDataString(password) : "");
        return $"postgresql://{user}@{System.Uri.EscapeDataString(parts.Host!)}:{parts.Port}/{parts.Database}";
    }

    private static async Task<string?> Outcome(Task<HttpResponseMessage> request)
    {
        using HttpResponseMessage response = await request;
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using JsonDocument decision = JsonDocument.Parse(body);
        return decision.RootElement.GetProperty("outcome").GetString();
    }
}
