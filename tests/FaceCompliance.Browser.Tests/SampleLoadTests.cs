using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CommunityAccess;
using FaceCompliance.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// The sample under load, then killed with SIGKILL under load and started again on its data, round after round. Each
/// client owns its residents (so the order of each resident's requests is known) and runs mixed operations: enrol 35 %,
/// gate by face 30 %, card 10 %, status 10 %, withdraw 15 %, a consent whenever the resident needs one; real pixels.
/// Afterwards gate.db is opened with the app's key and each resident's requests are replayed, in order, against it:
/// every enrolment acknowledged after the last acknowledged withdrawal is stored (none lost); nothing is stored that no
/// request could have written (no phantom enrolment); the audit chain verifies; both files pass <c>integrity_check</c>;
/// and no request got a 5xx. Short by default (CI); <c>SAMPLE_LOAD_SECONDS</c>, <c>SAMPLE_LOAD_ROUNDS</c> and
/// <c>SAMPLE_LOAD_CLIENTS</c> make it the long run whose figures samples/CommunityAccess/README.md shows. The table goes
/// to the test output and to TestResults/sample-load.md.
/// </summary>
public sealed class SampleLoadTests(ITestOutputHelper output)
{
    private const int ResidentsPerClient = 4;
    private const string Password = "load-password";
    private static readonly string[] Faces = ["amy", "bernadette", "howard", "leonard", "penny"];

    [Fact]
    public async Task Under_load_and_kill9_rounds_no_acknowledged_enrolment_is_lost_nothing_is_phantom_and_the_chain_verifies()
    {
        int seconds = Setting("SAMPLE_LOAD_SECONDS", 15);
        int rounds = Setting("SAMPLE_LOAD_ROUNDS", 2);
        int clients = Setting("SAMPLE_LOAD_CLIENTS", 8);
        var photos = Faces.ToDictionary(name => name, name => Enumerable.Range(1, 5).Select(i => Photos.Ppm($"identities/{name}{i}.ppm")).ToArray());
        string data = Directory.CreateTempSubdirectory("facecompliance-load-").FullName;
        var settings = new Dictionary<string, string> { ["SignInAttemptLimit"] = "100000", ["CardAttemptLimit"] = "100000" };
        SampleApp app = await SampleApp.StartAsync(settings, data);
        try
        {
            var residents = new List<Resident>();
            using (GateClient op = await GateClient.OperatorAsync(app))
            {
                for (int i = 0; i < clients * ResidentsPerClient; i++)
                {
                    var resident = new Resident($"LD-{i / ResidentsPerClient}-{i % ResidentsPerClient}", $"PIN-{i:D3}7", Faces[i % Faces.Length]);
                    await op.RegisterAsync(resident.Id, resident.Card, Password);
                    residents.Add(resident);
                }
            }

            var phases = new List<Phase>();
            var random = new Random(15);
            for (int round = 0; round <= rounds; round++)
            {
                bool kill = round > 0;
                var phase = new Phase(kill ? $"kill -9 round {round}" : "steady load");
                foreach (Resident resident in residents)
                {
                    resident.Client?.Dispose();
                    resident.Client = await GateClient.SignedInAsync(app, resident.Id, Password);
                }

                // A kill round stops the clients only after the kill, so that requests are in flight when it comes.
                TimeSpan length = kill ? TimeSpan.FromSeconds(random.Next(4, 9)) : TimeSpan.FromSeconds(seconds);
                using var stop = kill ? new CancellationTokenSource() : new CancellationTokenSource(length);
                var watch = Stopwatch.StartNew();
                Task[] workers = Enumerable.Range(0, clients)
                    .Select(c => Task.Run(() => WorkAsync(app, residents.Skip(c * ResidentsPerClient).Take(ResidentsPerClient).ToList(), photos, phase, c * 1000 + round, stop.Token)))
                    .ToArray();
                if (kill)
                {
                    await Task.Delay(length);
                    app.Kill();
                    await stop.CancelAsync();
                }

                await Task.WhenAll(workers);
                phase.Elapsed = watch.Elapsed;
                phases.Add(phase);
                if (kill)
                {
                    await app.DisposeAsync();
                    app = await SampleApp.StartAsync(settings, data);
                }
            }

            foreach (Resident resident in residents)
            {
                resident.Client?.Dispose();
            }

            await app.StopAsync();
            Verdict verdict = Check(data, residents);
            string table = Table(phases, verdict, clients, rounds);
            output.WriteLine(table);
            string results = Path.Combine(BrowserPaths.RepositoryRoot, "TestResults");
            Directory.CreateDirectory(results);
            await File.WriteAllTextAsync(Path.Combine(results, "sample-load.md"), table);

            Assert.True(verdict.AcknowledgedEnrolments > 0, "the load should have enrolled someone");
            Assert.Equal(0, phases.Sum(p => p.ServerErrors));
            Assert.Equal(0, verdict.Lost);
            Assert.Equal(0, verdict.Phantom);
            Assert.True(verdict.ChainValid, "the audit chain should verify");
            Assert.True(verdict.FilesIntact, "gate.db and residents.db should pass integrity_check");
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;

    private static async Task WorkAsync(SampleApp app, List<Resident> own, Dictionary<string, (int Width, int Height, byte[] Pixels)[]> photos, Phase phase, int seed,
        CancellationToken stop)
    {
        using GateClient kiosk = await GateClient.AnonymousAsync(app);
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            Resident resident = own[random.Next(own.Count)];
            int roll = random.Next(100);
            string op = roll < 35 ? "enrol" : roll < 65 ? "gate face" : roll < 75 ? "card" : roll < 85 ? "status" : "withdraw";
            if (op == "enrol" && !resident.Consented)
            {
                op = "consent";
            }

            if (op == "enrol" && resident.Full)
            {
                op = "withdraw";
            }

            var watch = Stopwatch.StartNew();
            var entry = new Entry(op);
            try
            {
                (int w, int h, byte[] pixels) = op == "gate face" ? photos[resident.Face][4] : photos[resident.Face][random.Next(3)];
                GateClient session = resident.Client!;
                using HttpResponseMessage response = op switch
                {
                    "consent" => await session.PostJsonAsync("api/consent", new { residentId = resident.Id, noticeVersion = CommunityEntry.NoticeVersion, consented = true, under14 = false }),
                    "enrol" => await session.PostPixelsAsync($"api/enrol?residentId={resident.Id}&width={w}&height={h}", pixels),
                    "gate face" => await kiosk.PostPixelsAsync($"api/gate/face?residentId={resident.Id}&width={w}&height={h}", pixels),
                    "card" => await kiosk.PostJsonAsync("api/gate/card", new { residentId = resident.Id, cardOrPin = resident.Card }),
                    "status" => await session.Http.GetAsync($"api/residents/{resident.Id}"),
                    _ => await session.PostJsonAsync("api/withdraw", new { residentId = resident.Id }),
                };
                string body = await response.Content.ReadAsStringAsync();
                phase.Record(op, (int)response.StatusCode, watch.Elapsed);
                entry.Acknowledged = response.IsSuccessStatusCode;
                string? kind = response.IsSuccessStatusCode ? null : JsonDocument.Parse(body).RootElement.GetProperty("kind").GetString();
                switch (op)
                {
                    case "consent":
                        resident.Consented = response.IsSuccessStatusCode || kind == "limit-exceeded";
                        break;
                    case "enrol" when response.IsSuccessStatusCode:
                        entry.TemplateId = JsonDocument.Parse(body).RootElement.GetProperty("templateId").GetString();
                        break;
                    case "enrol":
                        resident.Consented &= kind is not ("no-consent" or "consent-withdrawn");
                        resident.Full = kind == "limit-exceeded";
                        break;
                    case "withdraw":
                        resident.Consented = false;
                        resident.Full = false;
                        break;
                }
            }
            catch (Exception cut) when (cut is HttpRequestException or TaskCanceledException or IOException)
            {
                // The app was killed under this request: it may or may not have committed.
                phase.Record(op, 0, watch.Elapsed);
                resident.Consented = false;
                resident.Full = false;
                resident.Ledger.Add(entry);
                return;
            }

            resident.Ledger.Add(entry);
        }
    }

    /// <summary>Replays each resident's requests, in order, against what gate.db holds.</summary>
    private static Verdict Check(string data, List<Resident> residents)
    {
        var verdict = new Verdict();
        using (var store = SqliteFacialDataStore.Open(Path.Combine(data, "gate.db"),
            new FacialDataStoreOptions(new FacialDataKeys(File.ReadAllBytes(Path.Combine(data, "master.key")))) { Actor = "load-check", TemplateDimension = 512 }))
        {
            foreach (Resident resident in residents)
            {
                var mustExist = new HashSet<string>();
                var mayExist = new HashSet<string>();
                int unacknowledgedEnrolments = 0;
                foreach (Entry entry in resident.Ledger)
                {
                    switch (entry.Operation, entry.Acknowledged)
                    {
                        case ("enrol", true):
                            mustExist.Add(entry.TemplateId!);
                            mayExist.Add(entry.TemplateId!);
                            verdict.AcknowledgedEnrolments++;
                            break;
                        case ("enrol", false):
                            unacknowledgedEnrolments++;
                            break;
                        case ("withdraw", true):
                            mustExist.Clear();
                            mayExist.Clear();
                            unacknowledgedEnrolments = 0;
                            verdict.AcknowledgedWithdrawals++;
                            break;
                        case ("withdraw", false):
                            mustExist.Clear();
                            break;
                    }
                }

                var stored = store.Templates.ListTemplates(resident.Id, 1000).Select(t => t.TemplateId).ToHashSet();
                verdict.Lost += mustExist.Count(t => !stored.Contains(t));
                verdict.Phantom += Math.Max(0, stored.Count(t => !mayExist.Contains(t)) - unacknowledgedEnrolments);
                verdict.TemplatesStored += stored.Count;
            }

            AuditVerification chain = store.Audit.Verify();
            verdict.ChainValid = chain.IsValid;
            verdict.AuditRecords = chain.RecordsChecked;
        }

        verdict.FilesIntact = IntegrityOk(Path.Combine(data, "gate.db")) && IntegrityOk(Path.Combine(data, "residents.db"));
        return verdict;
    }

    private static bool IntegrityOk(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return command.ExecuteScalar() as string == "ok";
    }

    private static string Table(List<Phase> phases, Verdict verdict, int clients, int rounds)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{clients} clients, {Environment.ProcessorCount} cores");
        text.AppendLine();
        text.AppendLine("| phase | requests | time | req/s | p50 ms | p95 ms | enrol acked | withdraw acked | refused (4xx) | 5xx | cut by the kill |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (Phase phase in phases)
        {
            text.AppendLine(phase.Row());
        }

        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"After {rounds} kill -9 rounds: {verdict.AcknowledgedEnrolments} acknowledged enrolments, {verdict.Lost} lost; {verdict.AcknowledgedWithdrawals} acknowledged withdrawals; "
            + $"{verdict.TemplatesStored} templates stored, {verdict.Phantom} phantom; audit chain {(verdict.ChainValid ? "valid" : "BROKEN")} ({verdict.AuditRecords} records); "
            + $"integrity_check {(verdict.FilesIntact ? "ok" : "FAILED")} on gate.db and residents.db."));
        return text.ToString();
    }

    /// <summary>One resident, the client signed in as them, and their requests in order (one client owns each resident).</summary>
    private sealed class Resident(string id, string card, string face)
    {
        public string Id { get; } = id;

        public string Card { get; } = card;

        public string Face { get; } = face;

        public GateClient? Client { get; set; }

        public bool Consented { get; set; }

        public bool Full { get; set; }

        public List<Entry> Ledger { get; } = [];
    }

    private sealed class Entry(string operation)
    {
        public string Operation { get; } = operation;

        public bool Acknowledged { get; set; }

        public string? TemplateId { get; set; }
    }

    private sealed class Verdict
    {
        public int AcknowledgedEnrolments { get; set; }

        public int AcknowledgedWithdrawals { get; set; }

        public int Lost { get; set; }

        public int Phantom { get; set; }

        public int TemplatesStored { get; set; }

        public bool ChainValid { get; set; }

        public long AuditRecords { get; set; }

        public bool FilesIntact { get; set; }
    }

    private sealed class Phase(string name)
    {
        private readonly ConcurrentBag<(string Op, int Status, double Ms)> requests = [];

        public TimeSpan Elapsed { get; set; }

        public int ServerErrors => requests.Count(r => r.Status >= 500);

        public void Record(string op, int status, TimeSpan took) => requests.Add((op, status, took.TotalMilliseconds));

        public string Row()
        {
            var ok = requests.Where(r => r.Status is >= 200 and < 300).Select(r => r.Ms).Order().ToList();
            double P(double q) => ok.Count == 0 ? 0 : ok[(int)Math.Min(ok.Count - 1, Math.Floor(q * ok.Count))];
            return string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {requests.Count:N0} | {Elapsed.TotalSeconds:F1} s | {requests.Count / Elapsed.TotalSeconds:F1} | {P(0.5):F0} | {P(0.95):F0} | "
                + $"{requests.Count(r => r.Op == "enrol" && r.Status == 200)} | {requests.Count(r => r.Op == "withdraw" && r.Status == 200)} | "
                + $"{requests.Count(r => r.Status is >= 400 and < 500)} | {ServerErrors} | {requests.Count(r => r.Status == 0)} |");
        }
    }
}
