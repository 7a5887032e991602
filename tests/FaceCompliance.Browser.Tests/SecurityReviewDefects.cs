using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CommunityAccess;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// One regression test (or more) per defect of ../shared/docs/reviews/sample-security-review.md, named after its number,
/// against the started sample over HTTP. Defects 1 and 2 are in <see cref="CardSecurityTests"/>, 8 (Host) and 16 in
/// <see cref="LocalOnlyTests"/>, all named <c>DefectNN_…</c> too; samples/CommunityAccess/README.md maps each defect to its tests.
/// </summary>
public sealed class SecurityReviewDefects(SecurityReviewDefects.SharedApp shared) : IClassFixture<SecurityReviewDefects.SharedApp>
{
    /// <summary>One app for the tests that need no restart; each test uses resident ids of its own.</summary>
    public sealed class SharedApp : IAsyncLifetime
    {
        public SampleApp App { get; private set; } = null!;

        internal GateClient Operator { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await SampleApp.StartAsync();
            Operator = await GateClient.OperatorAsync(App);
        }

        public async Task DisposeAsync()
        {
            Operator.Dispose();
            await App.DisposeAsync();
        }
    }

    private SampleApp App => shared.App;

    [Fact]
    public async Task Defect03_ResidentCannotWithdrawAnother()
    {
        await shared.Operator.RegisterAsync("D3-owner", "1111");
        await shared.Operator.RegisterAsync("D3-other", "2222");
        using GateClient owner = await GateClient.SignedInAsync(App, "D3-owner");
        await owner.ConsentAsync("D3-owner");
        using GateClient other = await GateClient.SignedInAsync(App, "D3-other");

        using HttpResponseMessage withdraw = await other.PostJsonAsync("api/withdraw", new { residentId = "D3-owner" });
        using HttpResponseMessage consent = await other.PostJsonAsync("api/consent", new { residentId = "D3-owner", noticeVersion = CommunityEntry.NoticeVersion, consented = true, under14 = false });
        using HttpResponseMessage enrol = await other.PostPixelsAsync("api/enrol?residentId=D3-owner&width=10&height=10", new byte[300]);
        using HttpResponseMessage status = await other.Http.GetAsync("api/residents/D3-owner");

        foreach (HttpResponseMessage refused in new[] { withdraw, consent, enrol, status })
        {
            Assert.Equal((403, "not-your-resident-id"), Pick(await GateClient.ErrorOf(refused)));
        }

        using JsonDocument own = JsonDocument.Parse(await owner.Http.GetStringAsync("api/residents/D3-owner"));
        Assert.Equal("Valid", own.RootElement.GetProperty("consent").GetString());
    }

    [Fact]
    public async Task Defect03_NobodySignedInCanReadStatusRegisterOrSeeTheOperatorPage()
    {
        await shared.Operator.RegisterAsync("D3-quiet", "3333");
        using GateClient anonymous = await GateClient.AnonymousAsync(App);
        using GateClient resident = await GateClient.SignedInAsync(App, "D3-quiet");

        using HttpResponseMessage status = await anonymous.Http.GetAsync("api/residents/D3-quiet");
        using HttpResponseMessage register = await anonymous.PostJsonAsync("api/residents", new { residentId = "D3-new", cardOrPin = "4444", password = GateClient.Password });
        using HttpResponseMessage residentRegisters = await resident.PostJsonAsync("api/residents", new { residentId = "D3-new", cardOrPin = "4444", password = GateClient.Password });
        using HttpResponseMessage residentOperator = await resident.Http.GetAsync("api/operator");
        using HttpResponseMessage wrongPassword = await anonymous.SignInAsync("D3-quiet", "not-the-password");

        Assert.Equal((401, "sign-in-required"), Pick(await GateClient.ErrorOf(status)));
        Assert.Equal((401, "sign-in-required"), Pick(await GateClient.ErrorOf(register)));
        Assert.Equal((403, "forbidden"), Pick(await GateClient.ErrorOf(residentRegisters)));
        Assert.Equal((403, "forbidden"), Pick(await GateClient.ErrorOf(residentOperator)));
        Assert.Equal((401, "bad-credentials"), Pick(await GateClient.ErrorOf(wrongPassword)));
    }

    [Fact]
    public async Task Defect03_TheSessionAndAntiforgeryCookiesAreHttpOnlyAndSameSiteStrict()
    {
        await shared.Operator.RegisterAsync("D3-cookie", "3434");
        using var handler = new HttpClientHandler { UseCookies = false };
        using var raw = new HttpClient(handler) { BaseAddress = App.Address };
        using HttpResponseMessage tokenResponse = await raw.GetAsync("api/antiforgery");
        string antiforgeryCookie = tokenResponse.Headers.GetValues("Set-Cookie").Single();
        using JsonDocument token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "api/signin") { Content = JsonContent.Create(new { name = "D3-cookie", password = GateClient.Password }) };
        signIn.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
        signIn.Headers.Add("X-CSRF-TOKEN", token.RootElement.GetProperty("token").GetString());

        using HttpResponseMessage signedIn = await raw.SendAsync(signIn);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        string session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gate.session=", StringComparison.Ordinal));
        foreach (string cookie in new[] { antiforgeryCookie, session })
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Defect04_AMissingMasterKeyStopsTheAppAndNamesTheKey()
    {
        string data = Directory.CreateTempSubdirectory("facecompliance-defect04-").FullName;
        try
        {
            await using (SampleApp first = await SampleApp.StartAsync(dataDirectory: data))
            {
                using GateClient op = await GateClient.OperatorAsync(first);
                await op.RegisterAsync("D4-1", "1234");
                await first.StopAsync();
            }

            File.Delete(Path.Combine(data, "master.key"));
            string refused = await SampleApp.FailToStartAsync(data);

            Assert.Contains("cannot start", refused, StringComparison.Ordinal);
            Assert.Contains("master.key is missing", refused, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(data, "master.key")), "No new key may be created over existing data.");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Defect05_StatusReadsTemplatesFromTheStoreSoNoEnrolmentCanBeAPhantom()
    {
        await shared.Operator.RegisterAsync("D5-1", "5555");
        using GateClient resident = await GateClient.SignedInAsync(App, "D5-1");
        await resident.ConsentAsync("D5-1");
        await EnrolAsync(resident, "D5-1", "identities/howard1.ppm");
        Assert.Equal(1, (await StatusAsync(resident, "D5-1")).GetProperty("templates").GetArrayLength());

        // The store's committed state is the only truth: a template gone from gate.db (a crash between two files, a
        // withdrawal racing an enrolment) is gone from the resident's page too.
        WriteGate("DELETE FROM templates WHERE subject_id = 'D5-1'");
        JsonElement status = await StatusAsync(resident, "D5-1");

        Assert.False(status.GetProperty("faceDataStored").GetBoolean());
        Assert.Equal(0, status.GetProperty("templates").GetArrayLength());
        Assert.Equal(["operators", "residents"], ResidentTables());
    }

    [Fact]
    public async Task Defect06_ACorruptedStoreStopsTheAppAtStartWithAClearError()
    {
        string data = Directory.CreateTempSubdirectory("facecompliance-defect06-").FullName;
        try
        {
            await using (SampleApp first = await SampleApp.StartAsync(dataDirectory: data))
            {
                using GateClient op = await GateClient.OperatorAsync(first);
                await op.RegisterAsync("D6-1", "1234");
                using GateClient resident = await GateClient.SignedInAsync(first, "D6-1");
                await resident.ConsentAsync("D6-1");
                await first.StopAsync();
            }

            string gate = Path.Combine(data, "gate.db");
            Assert.False(File.Exists(gate + "-wal") && new FileInfo(gate + "-wal").Length > 0, "The stopped app left its log checkpointed.");
            using (var file = new FileStream(gate, FileMode.Open, FileAccess.ReadWrite))
            {
                // The first byte of page 2 is its B-tree page type: 0xFF is none.
                file.Position = 4096;
                file.WriteByte(0xFF);
            }

            string refused = await SampleApp.FailToStartAsync(data);

            Assert.Contains("cannot start", refused, StringComparison.Ordinal);
            Assert.Contains("is damaged", refused, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Defect07_OneDamagedTemplateIsQuarantinedAuditedAndTheOthersStillOpenTheGate()
    {
        await shared.Operator.RegisterAsync("D7-1", "7777");
        using GateClient resident = await GateClient.SignedInAsync(App, "D7-1");
        await resident.ConsentAsync("D7-1");
        string damaged = await EnrolAsync(resident, "D7-1", "identities/howard1.ppm");
        await EnrolAsync(resident, "D7-1", "identities/howard2.ppm");
        FlipCiphertextByte(damaged);

        using GateClient kiosk = await GateClient.AnonymousAsync(App);
        (int w, int h, byte[] pixels) = Photos.Ppm("identities/howard5.ppm");
        using HttpResponseMessage gate = await kiosk.PostPixelsAsync($"api/gate/face?residentId=D7-1&width={w}&height={h}", pixels);
        Assert.Equal(HttpStatusCode.OK, gate.StatusCode);
        using JsonDocument decision = JsonDocument.Parse(await gate.Content.ReadAsStringAsync());

        Assert.Equal("Opened", decision.RootElement.GetProperty("outcome").GetString());
        JsonElement status = await StatusAsync(resident, "D7-1");
        Assert.Contains(status.GetProperty("audit").EnumerateArray(), r => r.GetProperty("action").GetString() == "TemplateQuarantined"
            && r.GetProperty("detail").GetString()!.Contains(damaged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Defect07_ADamagedDataKeyAsksForTheCardAtTheGateAndNamesTheProblemOnEnrolment()
    {
        await shared.Operator.RegisterAsync("D7-2", "7272");
        using GateClient resident = await GateClient.SignedInAsync(App, "D7-2");
        await resident.ConsentAsync("D7-2");
        await EnrolAsync(resident, "D7-2", "identities/leonard1.ppm");
        FlipWrappedKeyByte("D7-2");

        using GateClient kiosk = await GateClient.AnonymousAsync(App);
        (int w, int h, byte[] pixels) = Photos.Ppm("identities/leonard4.ppm");
        using HttpResponseMessage gate = await kiosk.PostPixelsAsync($"api/gate/face?residentId=D7-2&width={w}&height={h}", pixels);
        Assert.Equal(HttpStatusCode.OK, gate.StatusCode);
        using JsonDocument decision = JsonDocument.Parse(await gate.Content.ReadAsStringAsync());
        Assert.Equal("CardRequired", decision.RootElement.GetProperty("outcome").GetString());

        (w, h, pixels) = Photos.Ppm("identities/leonard2.ppm");
        using HttpResponseMessage enrol = await resident.PostPixelsAsync($"api/enrol?residentId=D7-2&width={w}&height={h}", pixels);
        Assert.Equal((409, "face-data-damaged"), Pick(await GateClient.ErrorOf(enrol)));
        JsonElement status = await StatusAsync(resident, "D7-2");
        Assert.Equal(2, status.GetProperty("audit").EnumerateArray().Count(r => r.GetProperty("action").GetString() == "SubjectKeyDamaged"));
    }

    [Fact]
    public async Task Defect08_PurgeRefusesARequestWithoutTheAntiforgeryToken()
    {
        using GateClient op = await GateClient.OperatorAsync(App);
        using var form = new HttpRequestMessage(HttpMethod.Post, "api/operator/purge") { Content = new FormUrlEncodedContent([new("a", "b")]) };
        form.Headers.Remove("X-CSRF-TOKEN");
        op.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");

        using HttpResponseMessage crossSite = await op.Http.SendAsync(form);
        Assert.Equal((400, "antiforgery"), Pick(await GateClient.ErrorOf(crossSite)));

        await op.RefreshTokenAsync();
        using HttpResponseMessage fromThePage = await op.Http.PostAsync("api/operator/purge", null);
        Assert.Equal(HttpStatusCode.OK, fromThePage.StatusCode);
    }

    [Fact]
    public async Task Defect09_ConsentsPerResidentAreLimitedAndTheStatusReadsTheAuditAPageAtATime()
    {
        await shared.Operator.RegisterAsync("D9-1", "9999");
        using GateClient resident = await GateClient.SignedInAsync(App, "D9-1");
        for (int i = 0; i < 3; i++)
        {
            await resident.ConsentAsync("D9-1");
        }

        using HttpResponseMessage flood = await resident.PostJsonAsync("api/consent", new { residentId = "D9-1", noticeVersion = CommunityEntry.NoticeVersion, consented = true, under14 = false });
        Assert.Equal((409, "limit-exceeded"), Pick(await GateClient.ErrorOf(flood)));

        // Withdraw and consent again until the resident has more audit records than one page holds.
        for (int i = 0; i < 25; i++)
        {
            using HttpResponseMessage withdrawn = await resident.PostJsonAsync("api/withdraw", new { residentId = "D9-1" });
            withdrawn.EnsureSuccessStatusCode();
            await resident.ConsentAsync("D9-1");
        }

        JsonElement first = await StatusAsync(resident, "D9-1");
        Assert.Equal(50, first.GetProperty("audit").GetArrayLength());
        long next = first.GetProperty("auditNext").GetInt64();
        using JsonDocument second = JsonDocument.Parse(await resident.Http.GetStringAsync($"api/residents/D9-1?auditAfter={next}"));
        // 3 grants, then per round a withdrawal, its deletion record and a grant.
        Assert.Equal(3 + (25 * 3) - 50, second.RootElement.GetProperty("audit").GetArrayLength());
        Assert.True(second.RootElement.GetProperty("audit")[0].GetProperty("sequence").GetInt64() > next);
    }

    [Fact]
    public async Task Defect10_CardHashesCannotBeTestedWithoutTheKeyAndTheFilesAreTheOwnersOnly()
    {
        await shared.Operator.RegisterAsync("D10-1", "0420");
        (byte[] salt, byte[] hash) = CardHash("D10-1");

        // The review's offline attack: PBKDF2 of each 4-digit PIN with the salt from residents.db. It no longer finds the PIN.
        Assert.NotEqual(hash, Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("0420"), salt, 100_000, HashAlgorithmName.SHA256, 32));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(App.DataDirectory));
            foreach (string file in Directory.EnumerateFiles(App.DataDirectory))
            {
                Assert.True((File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0,
                    $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
            }
        }
    }

    [Fact]
    public async Task Defect11_BodiesLargerThanTheEndpointTakesAreRefused413()
    {
        await shared.Operator.RegisterAsync("D11-1", "1212");
        using GateClient resident = await GateClient.SignedInAsync(App, "D11-1");
        string padding = new('x', 64 * 1024);

        using HttpResponseMessage card = await resident.PostJsonAsync("api/gate/card", new { residentId = "D11-1", cardOrPin = "1212", padding });
        using HttpResponseMessage consent = await resident.PostJsonAsync("api/consent", new { residentId = "D11-1", noticeVersion = CommunityEntry.NoticeVersion, consented = true, under14 = false, padding });

        Assert.Equal((413, "too-large"), Pick(await GateClient.ErrorOf(card)));
        Assert.Equal((413, "too-large"), Pick(await GateClient.ErrorOf(consent)));
    }

    [Fact]
    public async Task Defect12_BindingFailuresRepeatedWithdrawalsAndUnknownPathsKeepTheErrorContract()
    {
        await shared.Operator.RegisterAsync("D12-1", "1313");
        using GateClient resident = await GateClient.SignedInAsync(App, "D12-1");
        foreach (string body in new[] { string.Empty, "{", "null", "[]", "{\"residentId\": 5, \"cardOrPin\": \"1313\"}" })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await resident.Http.PostAsync("api/gate/card", content);
            (int status, string? kind, string? error) = await GateClient.ErrorOf(response);
            Assert.True(status == 400 && kind == "bad-request" && !string.IsNullOrEmpty(error), $"body '{body}': {status} {kind} {error}");
        }

        await resident.ConsentAsync("D12-1");
        using (HttpResponseMessage first = await resident.PostJsonAsync("api/withdraw", new { residentId = "D12-1" }))
        {
            first.EnsureSuccessStatusCode();
        }

        using HttpResponseMessage again = await resident.PostJsonAsync("api/withdraw", new { residentId = "D12-1" });
        Assert.Equal((409, "already-withdrawn"), Pick(await GateClient.ErrorOf(again)));
        using HttpResponseMessage unknown = await resident.Http.GetAsync("api/nothing/here");
        Assert.Equal((404, "not-found"), Pick(await GateClient.ErrorOf(unknown)));
    }

    [Theory]
    [InlineData("D13\u202E1")]
    [InlineData("D13\u200D1")]
    [InlineData("D13\u200B1")]
    [InlineData("D13/1")]
    [InlineData("D13\u00001")]
    public async Task Defect13_AResidentIdWithASlashOrAnInvisibleCharacterIsRefused(string id)
    {
        using HttpResponseMessage register = await shared.Operator.PostJsonAsync("api/residents", new { residentId = id, cardOrPin = "1414", password = GateClient.Password });

        Assert.Equal((400, "bad-resident-id"), Pick(await GateClient.ErrorOf(register)));
    }

    [Fact]
    public async Task Defect13_ResidentIdsAreTrimmedAndNormalisedTheSameWayEverywhere()
    {
        await shared.Operator.RegisterAsync("  D13-Re\u0301my  ", "1515");

        using GateClient resident = await GateClient.SignedInAsync(App, "D13-R\u00E9my");
        JsonElement status = await StatusAsync(resident, " D13-R\u00E9my ");

        Assert.Equal("D13-R\u00E9my", status.GetProperty("residentId").GetString());
    }

    [Fact]
    public async Task Defect14_NoResidentIdOrForgedLineReachesTheLog()
    {
        await using SampleApp app = await SampleApp.StartAsync(environment: new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" });
        using GateClient op = await GateClient.OperatorAsync(app);
        await op.RegisterAsync("D14-Resident-7", "1616");
        using (HttpResponseMessage status = await op.Http.GetAsync("api/residents/D14-Resident-7"))
        {
            status.EnsureSuccessStatusCode();
        }

        using (HttpResponseMessage forged = await op.Http.GetAsync("api/residents/a%0Ainfo:%20Forged.Log.Entry%5B0%5D"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        await app.StopAsync();
        string log = app.Output;
        Assert.Contains("Application started", log, StringComparison.Ordinal);
        Assert.DoesNotContain("D14-Resident-7", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Forged.Log.Entry", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defect15_TheGateComparesWithTheClaimedResidentsOwnReceiptAndTemplates()
    {
        await shared.Operator.RegisterAsync("D15-howard", "1717");
        await shared.Operator.RegisterAsync("D15-leonard", "1818");
        using GateClient howard = await GateClient.SignedInAsync(App, "D15-howard");
        using GateClient leonard = await GateClient.SignedInAsync(App, "D15-leonard");
        await howard.ConsentAsync("D15-howard");
        await leonard.ConsentAsync("D15-leonard");
        await EnrolAsync(howard, "D15-howard", "identities/howard1.ppm");
        await EnrolAsync(leonard, "D15-leonard", "identities/leonard1.ppm");

        // No receipt token is kept outside the store, so none can be copied from one resident's row to another's.
        Assert.Equal(["operators", "residents"], ResidentTables());
        using GateClient kiosk = await GateClient.AnonymousAsync(App);
        (int w, int h, byte[] pixels) = Photos.Ppm("identities/howard5.ppm");
        using HttpResponseMessage asLeonard = await kiosk.PostPixelsAsync($"api/gate/face?residentId=D15-leonard&width={w}&height={h}", pixels);
        using JsonDocument decision = JsonDocument.Parse(await asLeonard.Content.ReadAsStringAsync());

        Assert.Equal("Refused", decision.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("D15-leonard", decision.RootElement.GetProperty("residentId").GetString());
        using SqliteConnection gate = Open(App.StorePath, SqliteOpenMode.ReadOnly);
        using SqliteCommand audit = gate.CreateCommand();
        audit.CommandText = "SELECT subject_id FROM audit WHERE action = (SELECT action FROM audit WHERE detail LIKE 'best similarity%' LIMIT 1) ORDER BY sequence DESC LIMIT 1";
        Assert.Equal("D15-leonard", audit.ExecuteScalar());
    }

    private static (int Status, string? Kind) Pick((int Status, string? Kind, string? Error) error) => (error.Status, error.Kind);

    private static async Task<JsonElement> StatusAsync(GateClient client, string residentId)
    {
        using JsonDocument status = JsonDocument.Parse(await client.Http.GetStringAsync($"api/residents/{Uri.EscapeDataString(residentId)}"));
        return status.RootElement.Clone();
    }

    private static async Task<string> EnrolAsync(GateClient resident, string residentId, string photo)
    {
        (int w, int h, byte[] pixels) = Photos.Ppm(photo);
        using HttpResponseMessage enrolled = await resident.PostPixelsAsync($"api/enrol?residentId={residentId}&width={w}&height={h}", pixels);
        string body = await enrolled.Content.ReadAsStringAsync();
        Assert.True(enrolled.IsSuccessStatusCode, body);
        using JsonDocument json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("templateId").GetString()!;
    }


    private List<string> ResidentTables()
    {
        using SqliteConnection residents = Open(Path.Combine(App.DataDirectory, "residents.db"), SqliteOpenMode.ReadOnly);
        using SqliteCommand tables = residents.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using SqliteDataReader reader = tables.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private (byte[] Salt, byte[] Hash) CardHash(string residentId)
    {
        using SqliteConnection residents = Open(Path.Combine(App.DataDirectory, "residents.db"), SqliteOpenMode.ReadOnly);
        using SqliteCommand command = residents.CreateCommand();
        command.CommandText = "SELECT card_salt, card_hash FROM residents WHERE resident_id = $id";
        command.Parameters.AddWithValue("$id", residentId);
        using SqliteDataReader reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return ((byte[])reader.GetValue(0), (byte[])reader.GetValue(1));
    }

    private void WriteGate(string sql)
    {
        using SqliteConnection gate = Open(App.StorePath, SqliteOpenMode.ReadWrite);
        using SqliteCommand command = gate.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void FlipCiphertextByte(string templateId)
    {
        using SqliteConnection gate = Open(App.StorePath, SqliteOpenMode.ReadWrite);
        using SqliteCommand read = gate.CreateCommand();
        read.CommandText = "SELECT ciphertext FROM templates WHERE template_id = $id";
        read.Parameters.AddWithValue("$id", templateId);
        byte[] ciphertext = (byte[])read.ExecuteScalar()!;
        ciphertext[ciphertext.Length / 2] ^= 1;
        using SqliteCommand write = gate.CreateCommand();
        write.CommandText = "UPDATE templates SET ciphertext = $c WHERE template_id = $id";
        write.Parameters.AddWithValue("$c", ciphertext);
        write.Parameters.AddWithValue("$id", templateId);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    private void FlipWrappedKeyByte(string residentId)
    {
        using SqliteConnection gate = Open(App.StorePath, SqliteOpenMode.ReadWrite);
        using SqliteCommand read = gate.CreateCommand();
        read.CommandText = "SELECT wrapped_key FROM subject_keys WHERE subject_id = $id";
        read.Parameters.AddWithValue("$id", residentId);
        byte[] wrapped = (byte[])read.ExecuteScalar()!;
        wrapped[^1] ^= 1;
        using SqliteCommand write = gate.CreateCommand();
        write.CommandText = "UPDATE subject_keys SET wrapped_key = $k WHERE subject_id = $id";
        write.Parameters.AddWithValue("$k", wrapped);
        write.Parameters.AddWithValue("$id", residentId);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
