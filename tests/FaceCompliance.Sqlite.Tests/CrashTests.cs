using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using FaceCompliance.Tests.Shared;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;
using FaceCompliance.Storage;

namespace FaceCompliance.Sqlite.Tests;

/// <summary>
/// A process killed with SIGKILL while it enrols (FaceCompliance.Sqlite.CrashWorker) leaves a file that opens, passes
/// SQLite's integrity check and holds only whole records: every template with its key, consent and audit record, every
/// audit record with what it describes, every acknowledged enrolment; and the store carries on from it.
/// </summary>
[Collection(nameof(StoreStressCollection))]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Rounds = 3;
    private const int EnrolmentsPerRound = 500;

    /// <summary>How long a worker may take to start and report its enrolments: generous, a guard against hanging, not a measurement.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_child_process_killed_in_the_middle_of_enrolments_leaves_a_database_that_opens_passes_an_integrity_check_and_holds_only_whole_records_and_the_audit_chain_verifies()
    {
        var directory = Path.Combine(Path.GetTempPath(), "facecompliance-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "faces.db");
        try
        {
            // run id -> enrolments the worker reported (each reported only after its transaction committed).
            var acknowledged = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var round = 1; round <= Rounds; round++)
            {
                var (run, reported) = RunAndKill(path);
                acknowledged.Add(run, reported);
                CheckAfterCrash(path, round, acknowledged);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Starts the worker on the file, waits until it has reported enough enrolments, and kills it with SIGKILL.</summary>
    private (string Run, long Reported) RunAndKill(string path)
    {
        var errors = new StringBuilder();
        using var process = WorkerProcess.Start("CrashWorkerAssembly", [path, Convert.ToHexString(TestStore.MasterKey)], errors);
        try
        {
            string? run = null;
            long reported = 0;
            void Take(string line)
            {
                if (line.StartsWith("started ", StringComparison.Ordinal))
                {
                    run = line["started ".Length..];
                }
                else if (line.StartsWith("enrolled ", StringComparison.Ordinal))
                {
                    var n = long.Parse(line["enrolled ".Length..], NumberStyles.None, CultureInfo.InvariantCulture);
                    Assert.Equal(reported + 1, n);
                    reported = n;
                }
                else
                {
                    Assert.Fail($"unexpected line from the crash worker: '{line}'");
                }
            }

            var waited = Stopwatch.StartNew();
            while (reported < EnrolmentsPerRound)
            {
                var remaining = Patience - waited.Elapsed;
                string? line;
                try
                {
                    line = process.StandardOutput.ReadLineAsync().WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero).GetAwaiter().GetResult();
                }
                catch (TimeoutException)
                {
                    throw new Xunit.Sdk.XunitException($"the crash worker reported {reported} enrolments in {Patience}; stderr:\n{Errors()}");
                }

                if (line is null)
                {
                    process.WaitForExit();
                    throw new Xunit.Sdk.XunitException($"the crash worker exited by itself (code {process.ExitCode}) after {reported} enrolments; stderr:\n{Errors()}");
                }

                Take(line);
            }

            // Process.Kill sends SIGKILL on Unix: no handler, no finally block, no flush runs in the worker.
            process.Kill();
            process.WaitForExit();
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                Assert.Equal(128 + 9, process.ExitCode);
            }

            // What the worker wrote before it died: still in the pipe.
            while (process.StandardOutput.ReadLine() is { } line)
            {
                Take(line);
            }

            Assert.NotNull(run);
            output.WriteLine($"{run}: killed (exit code {process.ExitCode}) after reporting {reported} enrolments");
            return (run, reported);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }
        }

        string Errors()
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    private void CheckAfterCrash(string path, int round, Dictionary<string, long> acknowledged)
    {
        // First a plain connection, before the store has touched the file.
        List<object[]> consents, keys, templates, audit;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        using (var raw = new SqliteConnection(connectionString))
        {
            raw.Open();
            var integrity = ConcurrencyTests.Rows(raw, "PRAGMA integrity_check");
            Assert.Equal("ok", Assert.Single(integrity)[0]);
            consents = ConcurrencyTests.Rows(raw, "SELECT receipt_id, subject_id, purpose_id FROM consents");
            keys = ConcurrencyTests.Rows(raw, "SELECT subject_id, wrapped_key FROM subject_keys");
            templates = ConcurrencyTests.Rows(raw, "SELECT template_id, subject_id, purpose_id, receipt_id, ciphertext FROM templates");
            audit = ConcurrencyTests.Rows(raw, "SELECT sequence, action, subject_id, purpose_id, receipt_id, outcome, detail FROM audit ORDER BY sequence");
        }

        var keyOf = keys.ToDictionary(k => (string)k[0], k => (byte[])k[1], StringComparer.Ordinal);
        var consentOf = consents.ToDictionary(c => (string)c[0], c => ((string)c[1], (string)c[2]), StringComparer.Ordinal);
        var granted = new Dictionary<string, (string Subject, string Purpose)>(StringComparer.Ordinal);
        var enrolled = new Dictionary<string, (string Subject, string Purpose, string Receipt)>(StringComparer.Ordinal);
        foreach (var record in audit)
        {
            var action = (AuditAction)(long)record[1];
            var subject = (string)record[2];
            var purpose = (string)record[3];
            var receipt = (string)record[4];
            Assert.Equal((long)AuditOutcome.Succeeded, record[5]);
            if (action == AuditAction.ConsentGranted)
            {
                Assert.True(granted.TryAdd(receipt, (subject, purpose)), $"consent {receipt} granted twice in the audit trail");
            }
            else if (action == AuditAction.Enrolled)
            {
                var detail = (string)record[6];
                Assert.StartsWith("template ", detail, StringComparison.Ordinal);
                Assert.True(enrolled.TryAdd(detail["template ".Length..], (subject, purpose, receipt)), $"'{detail}' audited twice");
            }
            else
            {
                Assert.Equal(AuditAction.Verified, action); // only the checks below verify
            }
        }

        // Every consent row has its audit record, and every audited grant its row.
        Assert.Equal(granted.Count, consentOf.Count);
        foreach (var (receipt, owner) in consentOf)
        {
            Assert.True(granted.TryGetValue(receipt, out var audited), $"consent {receipt} of {owner.Item1} has no ConsentGranted record");
            Assert.Equal(owner, audited);
        }

        // Every template has its key, its consent and its Enrolled record, and decrypts; every Enrolled record its template.
        var protector = new TemplateProtector(new FacialDataKeys(TestStore.MasterKey));
        foreach (var row in templates)
        {
            var (id, subject, purpose, receipt) = ((string)row[0], (string)row[1], (string)row[2], (string)row[3]);
            Assert.True(keyOf.TryGetValue(subject, out var wrapped), $"template {id} of {subject} has no subject key");
            Assert.True(enrolled.TryGetValue(id, out var audited), $"template {id} of {subject} has no Enrolled audit record");
            Assert.Equal((subject, purpose, receipt), audited);
            Assert.Equal((subject, purpose), consentOf[receipt]);
            var template = protector.Decrypt(wrapped, subject, purpose, id, (byte[])row[4]);
            Assert.Equal(8, template.Dimension);
        }

        var templateIds = templates.Select(t => (string)t[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(enrolled.Keys, id => Assert.True(templateIds.Contains(id), $"the audit trail records template {id}, which is not in the file"));
        Assert.Equal(enrolled.Count, templates.Count);

        // Keys only for people with templates (an enrolment is key, template and record together, or nothing).
        var subjectsWithTemplates = templates.Select(t => (string)t[1]).ToHashSet(StringComparer.Ordinal);
        Assert.True(subjectsWithTemplates.SetEquals(keyOf.Keys), "subject_keys holds a key without a template, or a template's key is missing");

        // No acknowledged write lost; per run, grants numbered without gaps and at most the last one still without a template.
        foreach (var (run, reported) in acknowledged)
        {
            var prefix = run + "-";
            var stored = (long)templates.Count(t => ((string)t[1]).StartsWith(prefix, StringComparison.Ordinal));
            Assert.InRange(stored, reported, reported + 1);
            var numbers = consents.Select(c => (string)c[1]).Where(s => s.StartsWith(prefix, StringComparison.Ordinal))
                .Select(s => long.Parse(s[prefix.Length..], CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(0, numbers.Count).Select(i => (long)i), numbers);
            var withoutTemplate = numbers.Count(k => !subjectsWithTemplates.Contains(prefix + k.ToString(CultureInfo.InvariantCulture)));
            Assert.InRange(withoutTemplate, 0, 1);
            if (withoutTemplate == 1)
            {
                Assert.DoesNotContain(prefix + numbers[^1].ToString(CultureInfo.InvariantCulture), subjectsWithTemplates);
            }
        }

        // The store opens the file, verifies its chain, and carries on.
        using var store = SqliteFacialDataStore.Open(path, new FacialDataStoreOptions(new FacialDataKeys(TestStore.MasterKey))
        {
            Actor = "crash-test",
            TemplateDimension = 8,
        });
        var verification = store.Audit.Verify();
        Assert.True(verification.IsValid, $"after round {round} the audit chain is broken at {verification.FirstInvalidSequence}: {verification.Problem}");
        Assert.Equal(audit.Count, verification.RecordsChecked);

        var receiptAfter = store.Consents.Grant<GateEntry>(new ConsentGrant($"after-crash-{round}") { AgeBand = FacialAgeBand.Adult });
        var probe = TestStore.Template(round);
        var idAfter = store.Templates.Enroll(receiptAfter, probe);
        Assert.True(store.Templates.Verify(receiptAfter, probe, 0.5f).Similarity > 0.9999f);
        Assert.Equal(keyOf.Count + 1, store.Templates.PeopleStored);
        var after = store.Audit.Verify();
        Assert.True(after.IsValid, $"after round {round} and one more enrolment the audit chain is broken at {after.FirstInvalidSequence}: {after.Problem}");
        Assert.Equal(audit.Count + 3, after.RecordsChecked);
        Assert.Contains(AuditPages.ReadAll(store.Audit), r => r.Action == AuditAction.Enrolled && r.Detail == "template " + idAfter);

        output.WriteLine($"round {round}: integrity ok; checked {consents.Count} consents, {templates.Count} templates (decrypted), "
            + $"{keys.Count} subject keys, {audit.Count} audit records; enrolled once more");
    }
}
