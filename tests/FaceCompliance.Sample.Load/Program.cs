using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance;
using FaceCompliance.Sqlite;
using Microsoft.Data.Sqlite;

// Load and kill -9 rounds against the real sample; see the project file.
int seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120;
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
int clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
const int ResidentsPerClient = 4;
const string Password = "load-password";

string data = Directory.CreateTempSubdirectory("facecompliance-load-").FullName;
var photos = new[] { "amy", "bernadette", "howard", "leonard", "penny" }
    .ToDictionary(name => name, name => Enumerable.Range(1, 5).Select(i => Ppm.Read(Path.Combine(Metadata("Faces"), $"{name}{i}.ppm"))).ToArray());

var gate = new SampleProcess(Path.Combine(Metadata("SampleOutput"), "CommunityAccess.dll"), data);
await gate.StartAsync();
var residents = new List<Resident>();
using (HttpClient op = await Session.SignInAsync(gate.Address, "operator", SampleProcess.OperatorPassword, asOperator: true))
{
    for (int c = 0; c < clients; c++)
    {
        for (int i = 0; i < ResidentsPerClient; i++)
        {
            var resident = new Resident($"LD-{c}-{i}", string.Create(CultureInfo.InvariantCulture, $"PIN-{c}{i}07"), photos.Keys.ElementAt((c * ResidentsPerClient + i) % photos.Count));
            using HttpResponseMessage registered = await op.PostAsJsonAsync("api/residents", new { residentId = resident.Id, cardOrPin = resident.Card, password = Password });
            registered.EnsureSuccessStatusCode();
            residents.Add(resident);
        }
    }
}

var phases = new List<PhaseStats>();
phases.Add(await RunLoadAsync("steady load", TimeSpan.FromSeconds(seconds), kill: false));
for (int round = 1; round <= rounds; round++)
{
    phases.Add(await RunLoadAsync($"kill -9 round {round}", TimeSpan.FromSeconds(Random.Shared.Next(4, 9)), kill: true));
}

await gate.StopAsync();
Verdict verdict = Verify();
PrintTable();
Directory.Delete(data, recursive: true);
return verdict.Ok ? 0 : 1;

async Task<PhaseStats> RunLoadAsync(string name, TimeSpan duration, bool kill)
{
    var stats = new PhaseStats(name);
    foreach (Resident resident in residents)
    {
        resident.Client?.Dispose();
        resident.Client = await Session.SignInAsync(gate.Address, resident.Id, Password);
    }

    // A kill round stops the clients only after the kill, so that requests are in flight when it comes.
    using var stop = kill ? new CancellationTokenSource() : new CancellationTokenSource(duration);
    var watch = Stopwatch.StartNew();
    Task[] workers = Enumerable.Range(0, clients)
        .Select(c => Task.Run(() => WorkAsync(residents.Skip(c * ResidentsPerClient).Take(ResidentsPerClient).ToList(), stats, stop.Token)))
        .ToArray();
    if (kill)
    {
        await Task.Delay(duration);
        gate.Kill();
        stop.Cancel();
    }

    await Task.WhenAll(workers);
    stats.Elapsed = watch.Elapsed;
    if (kill)
    {
        await gate.StartAsync();
    }

    return stats;
}

async Task WorkAsync(List<Resident> own, PhaseStats stats, CancellationToken stop)
{
    using var kiosk = new HttpClient { BaseAddress = gate.Address, Timeout = TimeSpan.FromSeconds(60) };
    var random = new Random();
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
        Entry entry = new(op);
        try
        {
            HttpResponseMessage response = op switch
            {
                "consent" => await resident.Client!.PostAsJsonAsync("api/consent", new { residentId = resident.Id, noticeVersion = gate.NoticeVersion, consented = true, under14 = false }, CancellationToken.None),
                "enrol" => await PostPixels(resident.Client!, $"api/enrol?residentId={resident.Id}", photos[resident.Face][random.Next(3)]),
                "gate face" => await PostPixels(kiosk, $"api/gate/face?residentId={resident.Id}", photos[resident.Face][4]),
                "card" => await kiosk.PostAsJsonAsync("api/gate/card", new { residentId = resident.Id, cardOrPin = resident.Card }, CancellationToken.None),
                "status" => await resident.Client!.GetAsync($"api/residents/{resident.Id}", CancellationToken.None),
                _ => await resident.Client!.PostAsJsonAsync("api/withdraw", new { residentId = resident.Id }, CancellationToken.None),
            };
            using (response)
            {
                string body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                stats.Record(op, (int)response.StatusCode, watch.Elapsed);
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
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // The process was killed under this request: it may or may not have committed.
            stats.Record(op, 0, watch.Elapsed);
            entry.Acknowledged = false;
            resident.Consented = false;
            resident.Full = false;
            lock (resident.Ledger)
            {
                resident.Ledger.Add(entry);
            }

            return;
        }

        lock (resident.Ledger)
        {
            resident.Ledger.Add(entry);
        }
    }
}

static async Task<HttpResponseMessage> PostPixels(HttpClient client, string url, Ppm photo)
{
    using var content = new ByteArrayContent(photo.Pixels);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
    return await client.PostAsync(string.Create(CultureInfo.InvariantCulture, $"{url}&width={photo.Width}&height={photo.Height}"), content, CancellationToken.None);
}

Verdict Verify()
{
    var verdict = new Verdict();
    using var store = SqliteFacialDataStore.Open(Path.Combine(data, "gate.db"),
        new FacialDataStoreOptions(new FacialDataKeys(File.ReadAllBytes(Path.Combine(data, "master.key")))) { Actor = "load-check", TemplateDimension = 512 });
    foreach (Resident resident in residents)
    {
        // Walk the resident's requests in order: what must still be stored, and what may be.
        var mustExist = new HashSet<string>();
        var mayExist = new HashSet<string>();
        int unknownAllowed = 0;
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
                    unknownAllowed++;
                    break;
                case ("withdraw", true):
                    mustExist.Clear();
                    mayExist.Clear();
                    unknownAllowed = 0;
                    verdict.AcknowledgedWithdrawals++;
                    break;
                case ("withdraw", false):
                    mustExist.Clear();
                    break;
            }
        }

        var stored = store.Templates.ListTemplates(resident.Id, 1000).Select(t => t.TemplateId).ToHashSet();
        verdict.Lost += mustExist.Count(t => !stored.Contains(t));
        verdict.Phantom += Math.Max(0, stored.Count(t => !mayExist.Contains(t)) - unknownAllowed);
        verdict.TemplatesStored += stored.Count;
    }

    AuditVerification chain = store.Audit.Verify();
    verdict.ChainValid = chain.IsValid;
    verdict.AuditRecords = chain.RecordsChecked;
    using var residentsDb = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "residents.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
    residentsDb.Open();
    using SqliteCommand check = residentsDb.CreateCommand();
    check.CommandText = "PRAGMA quick_check";
    verdict.ResidentsDbOk = check.ExecuteScalar() as string == "ok";
    return verdict;
}

void PrintTable()
{
    Console.WriteLine();
    Console.WriteLine($"| phase | requests | time | req/s | p50 ms | p95 ms | enrol acked | withdraw acked | refused (4xx) | 5xx | cut by the kill |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
    foreach (PhaseStats phase in phases)
    {
        Console.WriteLine(phase.Row());
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"after {rounds} kill -9 rounds: {verdict.AcknowledgedEnrolments} acknowledged enrolments, {verdict.Lost} lost; {verdict.AcknowledgedWithdrawals} acknowledged withdrawals; "
        + $"{verdict.TemplatesStored} templates stored, {verdict.Phantom} phantom; audit chain {(verdict.ChainValid ? "valid" : "BROKEN")} ({verdict.AuditRecords} records); "
        + $"residents.db quick_check {(verdict.ResidentsDbOk ? "ok" : "FAILED")}; {(verdict.Ok ? "PASS" : "FAIL")}"));
}

static string Metadata(string key) => typeof(Resident).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

/// <summary>One resident and what was asked for them, in order (one client owns each resident, so the order is real).</summary>
internal sealed class Resident(string id, string card, string face)
{
    public string Id { get; } = id;

    public string Card { get; } = card;

    public string Face { get; } = face;

    public HttpClient? Client { get; set; }

    public bool Consented { get; set; }

    public bool Full { get; set; }

    public List<Entry> Ledger { get; } = [];
}

internal sealed class Entry(string operation)
{
    public string Operation { get; } = operation;

    public bool Acknowledged { get; set; }

    public string? TemplateId { get; set; }
}

internal sealed class Verdict
{
    public int AcknowledgedEnrolments { get; set; }

    public int AcknowledgedWithdrawals { get; set; }

    public int Lost { get; set; }

    public int Phantom { get; set; }

    public int TemplatesStored { get; set; }

    public bool ChainValid { get; set; }

    public long AuditRecords { get; set; }

    public bool ResidentsDbOk { get; set; }

    public bool Ok => Lost == 0 && Phantom == 0 && ChainValid && ResidentsDbOk;
}

internal sealed class PhaseStats(string name)
{
    private readonly ConcurrentBag<(string Op, int Status, double Ms)> requests = [];

    public TimeSpan Elapsed { get; set; }

    public void Record(string op, int status, TimeSpan took) => requests.Add((op, status, took.TotalMilliseconds));

    public string Row()
    {
        var ok = requests.Where(r => r.Status is >= 200 and < 300).Select(r => r.Ms).Order().ToList();
        double P(double q) => ok.Count == 0 ? 0 : ok[(int)Math.Min(ok.Count - 1, Math.Floor(q * ok.Count))];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {requests.Count:N0} | {Elapsed.TotalSeconds:F1} s | {requests.Count / Elapsed.TotalSeconds:F1} | {P(0.5):F0} | {P(0.95):F0} | "
            + $"{requests.Count(r => r.Op == "enrol" && r.Status == 200)} | {requests.Count(r => r.Op == "withdraw" && r.Status == 200)} | "
            + $"{requests.Count(r => r.Status is >= 400 and < 500)} | {requests.Count(r => r.Status >= 500)} | {requests.Count(r => r.Status == 0)} |");
    }
}

/// <summary>A signed-in HTTP client with the antiforgery token in its headers.</summary>
internal static class Session
{
    public static async Task<HttpClient> SignInAsync(Uri address, string name, string password, bool asOperator = false)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        await TokenAsync(client);
        using HttpResponseMessage signedIn = await client.PostAsJsonAsync("api/signin", new { name, password, asOperator });
        signedIn.EnsureSuccessStatusCode();
        await TokenAsync(client);
        return client;
    }

    private static async Task TokenAsync(HttpClient client)
    {
        using JsonDocument token = JsonDocument.Parse(await client.GetStringAsync("api/antiforgery"));
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token.RootElement.GetProperty("token").GetString());
    }
}

/// <summary>The sample as a child process: started, killed with SIGKILL, started again on the same data folder.</summary>
internal sealed partial class SampleProcess(string dll, string data)
{
    public const string OperatorPassword = "load-operator-password";
    private Process? process;

    public Uri Address { get; private set; } = null!;

    public string NoticeVersion { get; private set; } = string.Empty;

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.Environment["CommunityAccess__DataDirectory"] = data;
        start.Environment["CommunityAccess__Port"] = "0";
        start.Environment["CommunityAccess__OperatorPassword"] = OperatorPassword;
        start.Environment["CommunityAccess__SignInAttemptLimit"] = "100000";
        start.Environment["CommunityAccess__CardAttemptLimit"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  sample: " + e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        using var client = new HttpClient { BaseAddress = Address };
        using JsonDocument notice = JsonDocument.Parse(await client.GetStringAsync("api/notice/en"));
        NoticeVersion = notice.RootElement.GetProperty("version").GetString()!;
    }

    /// <summary>SIGKILL: no shutdown, no checkpoint.</summary>
    public void Kill()
    {
        process!.Kill();
        process.WaitForExit();
    }

    public async Task StopAsync()
    {
        using (Process? term = Process.Start("kill", ["-TERM", process!.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term!.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
    }

    [GeneratedRegex(@"^CommunityAccess: community gate listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

/// <summary>A binary PPM (P6, maxval 255): RGB24 pixels, as the page sends them.</summary>
internal sealed record Ppm(int Width, int Height, byte[] Pixels)
{
    public static Ppm Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        int position = 0;
        string Token()
        {
            while (true)
            {
                while (char.IsWhiteSpace((char)file[position]))
                {
                    position++;
                }

                if (file[position] != '#')
                {
                    break;
                }

                while (file[position] != '\n')
                {
                    position++;
                }
            }

            int start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            return System.Text.Encoding.ASCII.GetString(file, start, position - start);
        }

        if (Token() != "P6")
        {
            throw new InvalidDataException($"{path} is not a binary PPM.");
        }

        int width = int.Parse(Token(), CultureInfo.InvariantCulture);
        int height = int.Parse(Token(), CultureInfo.InvariantCulture);
        _ = Token();
        position++;
        return new Ppm(width, height, file.AsSpan(position, width * height * 3).ToArray());
    }
}
