using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using FaceCompliance.PostgreSql;
using FaceCompliance.Storage;
using FaceCompliance.Vision;
using Npgsql;
using NpgsqlTypes;

namespace FaceCompliance.Benchmarks.GallerySync;

/// <summary>
/// Measures <see cref="SynchronizedFaceGallery{TPurpose}"/> on PostgreSQL, two store instances (two nodes, each with its
/// own connection pool and change feed) on one database, in one run:
/// <list type="bullet">
/// <item>propagation: node A withdraws or deletes a person; the time from A's acknowledgement (the call returned) to node
/// B's gallery dropping the person, p50/p99/max over the rounds; and how often an Identify on B right after A's
/// acknowledgement still returned the person;</item>
/// <item>load: a gallery of N stored templates (one per person, 512 values) loaded at start, until it serves 1:N.</item>
/// </list>
/// <code>
/// dotnet run -c Release --project tests/FaceCompliance.Benchmarks/GallerySync -- [options]
///   --postgres CS    an Npgsql connection string of a role that may CREATE DATABASE (default: $FACECOMPLIANCE_TEST_POSTGRES)
///   --rounds N       withdrawals and deletions measured, each (default 300)
///   --templates N    stored templates for the load (default 100000)
///   --loads N        timed loads; each is reported (default 3)
///   --out PATH       report file (default docs/benchmarks/scale-out.md; "-" for none): only the section
///                    "## Gallery sync: propagation and load" is replaced, the rest of the file is kept
/// </code>
/// </summary>
internal static class Program
{
    public const string Heading = "## Gallery sync: propagation and load";
    private const double PropagationGoalMs = 100;
    private const double LoadGoalSeconds = 5;
    private const int LoadDimension = 512;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static async Task<int> Main(string[] args)
    {
        if (BenchmarkArguments.Parse(args, Options.Parse, "[--postgres CS] [--rounds N] [--templates N] [--loads N] [--out PATH|-]") is not { } options
            || !BenchmarkMachine.IsOptimised(typeof(FaceMatcher<>).Assembly))
        {
            return 2;
        }

        var loadBefore = BenchmarkMachine.LoadAverage();
        var masterKey = RandomNumberGenerator.GetBytes(32);
        var rows = new List<string[]>();

        var propagationDatabase = CreateDatabase(options.Server);
        Propagation withdrawal, deletion;
        try
        {
            using var nodeA = Open(propagationDatabase, masterKey, "node-a");
            using var nodeB = Open(propagationDatabase, masterKey, "node-b");
            using var gallery = SynchronizedFaceGallery<BenchSearch>.Start(nodeB.Identification, new SynchronizedFaceGalleryOptions
            {
                Matcher = new FaceMatcherOptions { Dimension = 8, Threshold = 0.99f },
            });
            await gallery.WaitUntilCurrentAsync().WaitAsync(Deadline);
            Console.WriteLine($"Propagation: {options.Rounds} withdrawals, then {options.Rounds} deletions, on node A; node B's gallery watched ...");
            withdrawal = await MeasureAsync("withdrawal", options.Rounds, nodeA, gallery, subject => nodeA.Consents.Withdraw<BenchSearch>(subject));
            deletion = await MeasureAsync("deletion", options.Rounds, nodeA, gallery, subject => nodeA.Templates.DeleteSubject(subject));
        }
        finally
        {
            DropDatabase(propagationDatabase);
        }

        var loadDatabase = CreateDatabase(options.Server);
        var loads = new List<double>();
        int quarantined;
        double readSeconds;
        var loadCpu = new List<double>();
        try
        {
            using var node = Open(loadDatabase, masterKey, "node-load");
            Console.WriteLine($"Load: seeding {options.Templates:N0} people with one {LoadDimension}-value template each ...");
            var seeding = Stopwatch.StartNew();
            Seed(loadDatabase, masterKey, options.Templates);
            Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:F1} s");
            quarantined = 0;
            GC.Collect();
            var reading = Stopwatch.StartNew();
            var snapshot = node.Identification.ReadGallery<BenchSearch>();
            readSeconds = reading.Elapsed.TotalSeconds;
            Console.WriteLine($"  the store's read alone (snapshot, parallel decryption): {readSeconds:F2} s ({snapshot.People.Count:N0} people)");
            snapshot = null;
            for (var round = 0; round < options.Loads; round++)
            {
                GC.Collect();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var timer = Stopwatch.StartNew();
                using var gallery = SynchronizedFaceGallery<BenchSearch>.Start(node.Identification, new SynchronizedFaceGalleryOptions
                {
                    Matcher = new FaceMatcherOptions { Dimension = LoadDimension },
                });
                await gallery.WaitUntilCurrentAsync().WaitAsync(Deadline);
                timer.Stop();
                if (gallery.Count != options.Templates)
                {
                    throw new InvalidOperationException($"The gallery holds {gallery.Count} people, not the {options.Templates} stored.");
                }

                quarantined += gallery.TemplatesQuarantinedAtStart;
                loads.Add(timer.Elapsed.TotalSeconds);
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                loadCpu.Add(cpu);
                Console.WriteLine($"  load {round + 1}: {timer.Elapsed.TotalSeconds:F2} s, this process's CPU time {cpu:F2} s ({gallery.Count:N0} people, {gallery.TemplateCount:N0} templates)");
            }
        }
        finally
        {
            DropDatabase(loadDatabase);
        }

        foreach (var measured in new[] { withdrawal, deletion })
        {
            rows.Add([
                $"{measured.Kind} on A: B's gallery drops the person ({measured.Latencies.Count} rounds)",
                Ms(measured.Percentile(0.50)), Ms(measured.Percentile(0.99)), Ms(measured.Latencies.Max()),
                $"p99 <= {PropagationGoalMs:0} ms", measured.Percentile(0.99) <= PropagationGoalMs ? "**met**" : "**not met**"]);
        }

        var loadMedian = loads.Order().ElementAt(loads.Count / 2);
        rows.Add([
            $"gallery load at start: {options.Templates:N0} stored templates ({LoadDimension} values), decrypted, in the matcher, feed caught up ({loads.Count} loads)",
            string.Join(" / ", loads.Select(s => s.ToString("F2", CultureInfo.InvariantCulture) + " s")), "", "",
            $"<= {LoadGoalSeconds:0} s", loadMedian <= LoadGoalSeconds ? "**met** (median)" : "**not met** (median)"]);
        rows.Add([
            "of which the store's read (`Identification.ReadGallery`: snapshot query, parallel decryption, 1 run)",
            readSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s", "", "", "", ""]);
        rows.Add([
            "this process's CPU time during each load (both cores; the server's own CPU not counted)",
            string.Join(" / ", loadCpu.Select(s => s.ToString("F2", CultureInfo.InvariantCulture) + " s")), "", "", "", ""]);

        var report = Report(options, rows, withdrawal, deletion, quarantined, loadBefore);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out != "-")
        {
            WriteSection(options.Out, report);
            Console.WriteLine($"Wrote the section \"{Heading}\" of {options.Out}");
        }

        return 0;
    }

    private sealed record Propagation(string Kind, List<double> Latencies, int ReturnedAfterAck, int DroppedBeforeAck)
    {
        public double Percentile(double p)
        {
            var sorted = Latencies.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        }
    }

    /// <summary>
    /// Per round: enrol a person on A, wait until B has them, then run <paramref name="act"/> on A; the latency is from
    /// the moment <paramref name="act"/> returned to the moment B's gallery no longer held the person (0 when it
    /// dropped them before A returned). An Identify on B right after A returned counts whether B still answered with them.
    /// </summary>
    private static async Task<Propagation> MeasureAsync(string kind, int rounds, PostgreSqlFacialDataStore nodeA, SynchronizedFaceGallery<BenchSearch> gallery, Action<string> act)
    {
        var latencies = new List<double>();
        var returned = 0;
        var droppedBefore = 0;
        for (var round = 0; round < rounds; round++)
        {
            var subject = $"{kind}-{round:D5}";
            var template = Template(round);
            nodeA.Templates.Enroll(nodeA.Consents.Grant<BenchSearch>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult }), template);
            await gallery.WaitForSequenceAsync(nodeA.Audit.Query(new AuditQuery { SubjectId = subject, Action = AuditAction.Enrolled }).Single().Sequence).WaitAsync(Deadline);
            var dropped = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            void Watch(object? sender, EventArgs e)
            {
                if (!gallery.Contains(subject))
                {
                    dropped.TrySetResult(Stopwatch.GetTimestamp());
                }
            }

            gallery.SubjectsChanged += Watch;
            try
            {
                act(subject);
                var acknowledged = Stopwatch.GetTimestamp();
                if (gallery.Identify(template).Any(m => m.SubjectId == subject))
                {
                    returned++;
                }

                if (!gallery.Contains(subject))
                {
                    dropped.TrySetResult(Stopwatch.GetTimestamp());
                }

                var at = await dropped.Task.WaitAsync(Deadline);
                var latency = Stopwatch.GetElapsedTime(acknowledged, at).TotalMilliseconds;
                droppedBefore += latency <= 0 ? 1 : 0;
                latencies.Add(Math.Max(0, latency));
            }
            finally
            {
                gallery.SubjectsChanged -= Watch;
            }
        }

        return new Propagation(kind, latencies, returned, droppedBefore);
    }

    private static FaceTemplate Template(int seed)
    {
        var random = new Random(seed);
        return new FaceTemplate(Enumerable.Range(0, 8).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray());
    }

    /// <summary>
    /// Writes <paramref name="count"/> people straight into the tables with COPY, encrypted and signed as the store
    /// does (a new database's store keys are its master key), without audit records: what the load reads, quickly.
    /// </summary>
    private static void Seed(string database, byte[] masterKey, int count)
    {
        var keys = new FacialDataKeys(masterKey);
        var protector = new TemplateProtector(keys);
        var signer = new ReceiptSigner(keys);
        var purpose = BenchSearch.Info;
        var now = DateTimeOffset.UtcNow;
        var expires = purpose.ExpiresAt(now);
        var people = new (string Subject, byte[] Key, ConsentReceipt<BenchSearch> Receipt, string TemplateId, byte[] Ciphertext)[count];
        Parallel.For(0, count, () => new Random(), (i, _, random) =>
        {
            var subject = "person-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var key = protector.NewWrappedSubjectKey(subject);
            var unsigned = new ConsentReceipt<BenchSearch>(Guid.NewGuid().ToString("N"), subject, purpose.Id, purpose.Notice.Version, now, expires,
                ConsentForm.Separate, FacialAgeBand.Adult, null, FacialConsentScopes.Processing, []);
            var receipt = new ConsentReceipt<BenchSearch>(unsigned.Id, subject, purpose.Id, purpose.Notice.Version, now, expires,
                ConsentForm.Separate, FacialAgeBand.Adult, null, FacialConsentScopes.Processing, signer.Sign(unsigned));
            var values = new float[LoadDimension];
            for (var v = 0; v < values.Length; v++)
            {
                values[v] = (float)(random.NextDouble() * 2 - 1);
            }

            var templateId = Guid.NewGuid().ToString("N");
            people[i] = (subject, key, receipt, templateId, protector.Encrypt(key, subject, purpose.Id, templateId, new FaceTemplate(values)));
            return random;
        }, _ => { });

        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using (var keysIn = connection.BeginBinaryImport("COPY subject_keys (subject_id, wrapped_key, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var person in people)
            {
                keysIn.WriteRow(person.Subject, person.Key, now.UtcTicks);
            }

            keysIn.Complete();
        }

        using (var consentsIn = connection.BeginBinaryImport(
            "COPY consents (receipt_id, subject_id, purpose_id, notice_version, given_at, expires_at, form, under14, signature, age_band, scopes) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (subject, _, receipt, _, _) in people)
            {
                consentsIn.StartRow();
                consentsIn.Write(receipt.Id, NpgsqlDbType.Text);
                consentsIn.Write(subject, NpgsqlDbType.Text);
                consentsIn.Write(receipt.PurposeId, NpgsqlDbType.Text);
                consentsIn.Write(receipt.NoticeVersion, NpgsqlDbType.Text);
                consentsIn.Write(receipt.GivenAt.UtcTicks, NpgsqlDbType.Bigint);
                consentsIn.Write(receipt.ExpiresAt.UtcTicks, NpgsqlDbType.Bigint);
                consentsIn.Write((int)receipt.Form, NpgsqlDbType.Integer);
                consentsIn.Write(false, NpgsqlDbType.Boolean);
                consentsIn.Write(receipt.Signature.ToArray(), NpgsqlDbType.Bytea);
                consentsIn.Write((int)receipt.AgeBand, NpgsqlDbType.Integer);
                consentsIn.Write((int)receipt.Scopes, NpgsqlDbType.Integer);
            }

            consentsIn.Complete();
        }

        using (var templatesIn = connection.BeginBinaryImport(
            "COPY templates (template_id, subject_id, purpose_id, receipt_id, collected_at, expires_at, ciphertext) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (subject, _, receipt, templateId, ciphertext) in people)
            {
                templatesIn.WriteRow(templateId, subject, purpose.Id, receipt.Id, now.UtcTicks, expires.UtcTicks, ciphertext);
            }

            templatesIn.Complete();
        }

        using var analyze = new NpgsqlCommand("ANALYZE", connection);
        analyze.ExecuteNonQuery();
    }

    private static PostgreSqlFacialDataStore Open(string database, byte[] masterKey, string actor) =>
        PostgreSqlFacialDataStore.Open(database, new FacialDataStoreOptions(new FacialDataKeys(masterKey)) { Actor = actor, TemplateDimension = actor == "node-load" ? LoadDimension : 8 });

    private static string CreateDatabase(string server)
    {
        var name = "facecompliance_bench_" + Guid.NewGuid().ToString("N");
        Execute(server, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    private static void DropDatabase(string database)
    {
        NpgsqlConnection.ClearAllPools();
        Execute(database, $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(database).Database} WITH (FORCE)", onServer: true);
    }

    private static void Execute(string connectionString, string sql, bool onServer = false)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (onServer)
        {
            builder.Database = "postgres";
        }

        using var connection = new NpgsqlConnection(builder.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static string Report(Options options, List<string[]> rows, Propagation withdrawal, Propagation deletion, int quarantined, string loadBefore)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Measured by `dotnet run -c Release --project tests/FaceCompliance.Benchmarks/GallerySync` on {DateTime.UtcNow:yyyy-MM-dd}: ")
            .Append(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({BenchmarkMachine.CpuModel()}), shared with other work (1-minute load average {loadBefore} at the start, ")
            .Append(CultureInfo.InvariantCulture, $"{BenchmarkMachine.LoadAverage()} at the end); PostgreSQL on the same machine (Unix socket), the two nodes in one process, each with its own ")
            .Append("connection pool and change feed (LISTEN on a connection of its own).").AppendLine().AppendLine();
        text.AppendLine("| measured | p50 | p99 | max | goal | |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"- Latency: from node A's call returning (the acknowledgement) to node B's gallery no longer holding the person; ")
            .Append(CultureInfo.InvariantCulture, $"0 when B dropped them before A's call returned (A's deletion commits, then A updates its filing count in a second transaction): ")
            .Append(CultureInfo.InvariantCulture, $"{withdrawal.DroppedBeforeAck} of {withdrawal.Latencies.Count} withdrawals, {deletion.DroppedBeforeAck} of {deletion.Latencies.Count} deletions.").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"- An Identify on B right after A's acknowledgement returned the person for {withdrawal.ReturnedAfterAck} of {withdrawal.Latencies.Count} withdrawals ")
            .Append(CultureInfo.InvariantCulture, $"(the candidate's receipt is checked with the shared registry, so this is 0 by construction) and {deletion.ReturnedAfterAck} of {deletion.Latencies.Count} deletions ")
            .Append("(a deletion reaches B through the change feed, within the latency above).").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"- Load: `SynchronizedFaceGallery.Start` (one repeatable-read snapshot of receipts and templates, parallel decryption, the matcher filled) ")
            .Append(CultureInfo.InvariantCulture, $"until `WaitUntilCurrentAsync` completes; the {options.Templates:N0} people were written with COPY (encrypted and signed as the store does); {quarantined} template(s) quarantined.").AppendLine();
        return text.ToString();
    }

    /// <summary>Replaces this program's section of the report file (from its heading to the next "## " heading), or appends it; creates the file when missing.</summary>
    private static void WriteSection(string path, string section)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(BenchmarkMachine.RepositoryRoot(), path);
        var existing = File.Exists(full) ? File.ReadAllText(full) : "# Scale-out: several nodes on one PostgreSQL database\n\nIssue 16: what several application nodes on one PostgreSQL database gain and cost. Each section names the program that writes it and how to run it again.\n\n";
        var start = existing.IndexOf(Heading, StringComparison.Ordinal);
        string updated;
        if (start < 0)
        {
            updated = existing.TrimEnd() + "\n\n" + section;
        }
        else
        {
            var next = existing.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
            updated = existing[..start] + section + (next < 0 ? "" : "\n" + existing[(next + 1)..]);
        }

        File.WriteAllText(full, updated.TrimEnd() + "\n");
    }

    private sealed record Options(string Server, int Rounds, int Templates, int Loads, string Out)
    {
        public static Options Parse(BenchmarkArguments arguments)
        {
            var options = new Options(Environment.GetEnvironmentVariable("FACECOMPLIANCE_TEST_POSTGRES") ?? "", 300, 100_000, 3, "docs/benchmarks/scale-out.md");
            while (arguments.NextOption() is { } name)
            {
                options = name switch
                {
                    "--postgres" => options with { Server = arguments.Value() },
                    "--rounds" => options with { Rounds = arguments.PositiveInt() },
                    "--templates" => options with { Templates = arguments.PositiveInt() },
                    "--loads" => options with { Loads = arguments.PositiveInt() },
                    "--out" => options with { Out = arguments.Value() },
                    _ => throw new ArgumentException($"Unknown option {name}."),
                };
            }

            return options.Server.Length > 0 ? options : throw new ArgumentException("No PostgreSQL server: pass --postgres or set FACECOMPLIANCE_TEST_POSTGRES.");
        }
    }
}
