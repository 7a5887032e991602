using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Xunit;
using Xunit.Abstractions;
using FaceCompliance.Storage;

namespace FaceCompliance.Stores.Tests;

/// <summary>The stress tests run alone, after the parallel ones: on two cores they compete for CPU.</summary>
[CollectionDefinition(nameof(StoreStressCollection), DisableParallelization = true)]
public sealed class StoreStressCollection
{
}

/// <summary>
/// Many threads on one store: every write lands, each with exactly its audit records, and the chain stays valid.
/// Each thread owns its subjects and runs a seeded random sequence of operations against a model of its own, so the
/// final state of the store is exactly the union of the models whatever the interleaving.
/// </summary>
[Collection(nameof(StoreStressCollection))]
public abstract class ConcurrencyContract(ITestOutputHelper output)
{
    private const int Threads = 8;
    private const int OperationsPerThread = 1250;
    private const int SubjectsPerThread = 6;

    protected abstract StoreUnderTest NewStore(StoreSettings? settings = null);

    [Fact]
    public void Eight_threads_doing_10000_mixed_consent_enrol_verify_withdraw_operations_lose_no_write_and_leave_the_audit_chain_valid()
    {
        // The model does not model the per-person limits (LimitTests does): its random sequences may pass them.
        using var test = NewStore(new StoreSettings(MaxTemplatesPerSubject: int.MaxValue, MaxConsentsPerSubjectAndPurpose: int.MaxValue));
        var models = Enumerable.Range(0, Threads).Select(t => new ThreadModel(t, test)).ToArray();
        var failures = new Exception?[Threads];
        using var barrier = new Barrier(Threads);
        var threads = models.Select(model => new Thread(() =>
        {
            try
            {
                barrier.SignalAndWait();
                model.Run(OperationsPerThread);
            }
            catch (Exception e)
            {
                failures[model.Thread] = e;
            }
        })
        { IsBackground = true, Name = "store-writer-" + model.Thread }).ToArray();

        var stopwatch = Stopwatch.StartNew();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            // A guard against a deadlock, not a timing assertion: a hung store fails here instead of hanging the run.
            Assert.True(thread.Join(TimeSpan.FromMinutes(10)), $"{thread.Name} did not finish: the store deadlocked or starved it.");
        }

        stopwatch.Stop();
        var failed = failures.Select((e, t) => (e, t)).Where(x => x.e is not null).ToList();
        Assert.True(failed.Count == 0, string.Join("\n\n", failed.Select(x => $"thread {x.t} at operation {models[x.t].Operation}: {x.e}")));
        Assert.All(models, model => Assert.Equal(OperationsPerThread, model.Operation));

        var operations = models.Sum(m => m.Operation);
        var expectedAudit = models.Sum(m => m.Expected.Count);
        output.WriteLine($"{operations} operations on {Threads} threads in {stopwatch.Elapsed.TotalSeconds:0.0} s; {expectedAudit} audit records expected");
        foreach (var (kind, count) in models.SelectMany(m => m.Counts).GroupBy(c => c.Key).Select(g => (g.Key, g.Sum(c => c.Value))).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind,-22} {count,6}");
        }

        Assert.Equal(Threads * OperationsPerThread, operations);
        // Every kind of operation happened, on every thread: the run exercised what it claims to.
        Assert.All(models, m => Assert.All(ThreadModel.Kinds, kind => Assert.True(m.Counts.GetValueOrDefault(kind) > 0, $"thread {m.Thread} never did '{kind}'")));

        // Consents: every grant is a row, and exactly the withdrawn ones are marked withdrawn.
        var consents = new Dictionary<string, (string Subject, string Purpose, bool Withdrawn)>(StringComparer.Ordinal);
        foreach (var row in test.ReadRows("SELECT receipt_id, subject_id, purpose_id, CASE WHEN withdrawn_at IS NULL THEN 0 ELSE 1 END FROM consents"))
        {
            consents.Add((string)row[0], ((string)row[1], (string)row[2], Convert.ToInt64(row[3], CultureInfo.InvariantCulture) == 1));
        }

        var expectedConsents = models.SelectMany(m => m.Consents).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        Assert.Equal(expectedConsents.Count, consents.Count);
        foreach (var (receipt, expected) in expectedConsents)
        {
            Assert.True(consents.TryGetValue(receipt, out var actual), $"consent {receipt} of {expected.Subject} was lost");
            Assert.Equal(expected, actual);
        }

        // Templates: exactly the ones the models hold, each under its subject, purpose and receipt, and each decrypts to what was enrolled.
        var expectedTemplates = models.SelectMany(m => m.Pairs).SelectMany(p => p.Templates.Select(t => (t.Id, p.Subject, p.PurposeId, t.ReceiptId, t.Template)))
            .ToDictionary(t => t.Id, StringComparer.Ordinal);
        var keys = test.ReadRows("SELECT subject_id, wrapped_key FROM subject_keys").ToDictionary(r => (string)r[0], r => (byte[])r[1], StringComparer.Ordinal);
        var protector = new TemplateProtector(test.Keys);
        var templateRows = 0;
        foreach (var row in test.ReadRows("SELECT template_id, subject_id, purpose_id, receipt_id, ciphertext FROM templates"))
        {
            templateRows++;
            var id = (string)row[0];
            Assert.True(expectedTemplates.TryGetValue(id, out var expected), $"template {id} is stored but no thread holds it (a withdrawal lost its deletion?)");
            Assert.Equal((expected.Subject, expected.PurposeId, expected.ReceiptId), ((string)row[1], (string)row[2], (string)row[3]));
            var decrypted = protector.Decrypt(keys[expected.Subject], expected.Subject, expected.PurposeId, id, (byte[])row[4]);
            Assert.True(decrypted.Values.SequenceEqual(expected.Template.Values), $"template {id} does not decrypt to what was enrolled");
        }

        Assert.Equal(expectedTemplates.Count, templateRows);

        // Per-person keys: exactly the people with a template left, which is the count of people stored.
        var peopleWithTemplates = expectedTemplates.Values.Select(t => t.Subject).ToHashSet(StringComparer.Ordinal);
        Assert.True(peopleWithTemplates.SetEquals(keys.Keys), "subject_keys does not hold exactly the people with templates");
        Assert.Equal(peopleWithTemplates.Count, test.Templates.PeopleStored);
        Assert.True(peopleWithTemplates.Count > 0);

        // Audit: one record per expected one, and each thread's own records in the order its operations ran.
        var records = AuditPages.ReadAll(test.Audit);
        Assert.Equal(expectedAudit, records.Count);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.All(records, r => Assert.Equal("test-gate", r.Actor));
        foreach (var model in models)
        {
            var actual = records.Where(r => r.SubjectId is { } s && s.StartsWith(model.Prefix, StringComparison.Ordinal))
                .Select(r => new ExpectedRecord(r.Action, r.SubjectId!, r.PurposeId!, r.ReceiptId, r.Outcome, r.Detail!)).ToList();
            Assert.Equal(model.Expected.Count, actual.Count);
            for (var i = 0; i < actual.Count; i++)
            {
                Assert.True(model.Expected[i] == actual[i], $"thread {model.Thread}, its record {i}: expected {model.Expected[i]}, found {actual[i]}");
            }
        }

        var verification = test.Audit.Verify();
        Assert.True(verification.IsValid, $"audit chain broken at {verification.FirstInvalidSequence}: {verification.Problem}");
        Assert.Equal(expectedAudit, verification.RecordsChecked);

        test.AssertStorageIntact();
        output.WriteLine($"checked {consents.Count} consents, {templateRows} templates, {keys.Count} subject keys, {records.Count} audit records");
    }

    /// <summary>An audit record as a thread expects it: everything but sequence, time and hashes.</summary>
    private sealed record ExpectedRecord(AuditAction Action, string Subject, string Purpose, string? Receipt, AuditOutcome Outcome, string Detail);

    /// <summary>One thread: its subjects, what it did to them, and what it expects the store to hold and to have audited.</summary>
    private sealed class ThreadModel
    {
        public static readonly string[] Kinds =
        [
            "grant", "enrol", "verify (match)", "verify (no template)", "withdraw", "withdraw (nothing)", "refused (withdrawn)", "check",
        ];

        private readonly Random _random;

        public ThreadModel(int thread, StoreUnderTest store)
        {
            Thread = thread;
            Store = store;
            Prefix = $"t{thread}-";
            _random = new Random(20260302 + thread);
            Pairs = [.. Enumerable.Range(0, SubjectsPerThread).SelectMany(k => new Pair[]
            {
                new Pair<GateEntry>(this, $"t{thread}-s{k}"),
                new Pair<VisitorCheck>(this, $"t{thread}-s{k}"),
            })];
        }

        public int Thread { get; }

        public string Prefix { get; }

        public StoreUnderTest Store { get; }

        public Random Random => _random;

        public Pair[] Pairs { get; }

        public int Operation { get; private set; }

        public List<ExpectedRecord> Expected { get; } = [];

        public Dictionary<string, (string Subject, string Purpose, bool Withdrawn)> Consents { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        public int NextSeed => (Thread + 1) * 1_000_000 + Operation;

        public int TemplatesOf(string subject) => Pairs.Where(p => p.Subject == subject).Sum(p => p.Templates.Count);

        public void Count(string kind) => Counts[kind] = Counts.GetValueOrDefault(kind) + 1;

        public void Run(int operations)
        {
            for (; Operation < operations; Operation++)
            {
                var pair = Pairs[_random.Next(Pairs.Length)];
                var roll = _random.Next(100);
                if (roll < 15)
                {
                    pair.Grant();
                }
                else if (roll < 45)
                {
                    pair.Enroll();
                }
                else if (roll < 70)
                {
                    pair.Verify();
                }
                else if (roll < 80)
                {
                    pair.Withdraw();
                }
                else if (roll < 92)
                {
                    pair.Refuse();
                }
                else
                {
                    pair.Check();
                }
            }
        }
    }

    private abstract class Pair(ThreadModel model, string subject)
    {
        protected ThreadModel Model { get; } = model;

        public string Subject { get; } = subject;

        public abstract string PurposeId { get; }

        public List<(string Id, string ReceiptId, FaceTemplate Template)> Templates { get; } = [];

        public abstract void Grant();

        /// <summary>Enrols with a current receipt; grants instead when there is none.</summary>
        public abstract void Enroll();

        /// <summary>Verifies with a current receipt; grants instead when there is none.</summary>
        public abstract void Verify();

        /// <summary>Withdraws; when there is nothing to withdraw, expects the refusal that writes nothing.</summary>
        public abstract void Withdraw();

        /// <summary>Uses a withdrawn receipt and expects the audited refusal; grants instead when none was withdrawn.</summary>
        public abstract void Refuse();

        /// <summary>Checks a receipt (a read, no audit record).</summary>
        public abstract void Check();

        protected void Expect(AuditAction action, string? receipt, AuditOutcome outcome, string detail) =>
            Model.Expected.Add(new ExpectedRecord(action, Subject, PurposeId, receipt, outcome, detail));
    }

    private sealed class Pair<TPurpose>(ThreadModel model, string subject) : Pair(model, subject)
        where TPurpose : IFacialDataPurpose
    {
        private readonly List<ConsentReceipt<TPurpose>> _active = [];
        private readonly List<ConsentReceipt<TPurpose>> _withdrawn = [];

        public override string PurposeId => TPurpose.Info.Id;

        private Random Random => Model.Random;

        public override void Grant()
        {
            var minor = TPurpose.Info.MayInvolveMinors && Random.Next(4) == 0;
            var form = Random.Next(2) == 0 ? ConsentForm.Separate : ConsentForm.Written;
            var receipt = Model.Store.Consents.Grant<TPurpose>(new ConsentGrant(Subject, form)
            {
                AgeBand = minor ? FacialAgeBand.Under14 : FacialAgeBand.Adult,
                GuardianId = minor ? "guardian-of-" + Subject : null,
            });
            Assert.Equal((Subject, PurposeId, minor), (receipt.Subject, receipt.PurposeId, receipt.SubjectIsUnder14));
            _active.Add(receipt);
            Model.Consents.Add(receipt.Id, (Subject, PurposeId, false));
            Expect(AuditAction.ConsentGranted, receipt.Id, AuditOutcome.Succeeded,
                $"{form} consent to notice {TPurpose.Info.Notice.Version}, age band {(minor ? "Under14" : "Adult")}, scopes Processing only"
                + (minor ? ", given by a guardian for a subject under 14" : ""));
            Model.Count("grant");
        }

        public override void Enroll()
        {
            if (_active.Count == 0)
            {
                Grant();
                return;
            }

            var receipt = _active[Random.Next(_active.Count)];
            var template = StoreUnderTest.Template(Model.NextSeed);
            var id = Model.Store.Templates.Enroll(receipt, template);
            Templates.Add((id, receipt.Id, template));
            Expect(AuditAction.Enrolled, receipt.Id, AuditOutcome.Succeeded, "template " + id);
            Model.Count("enrol");
        }

        public override void Verify()
        {
            if (_active.Count == 0)
            {
                Grant();
                return;
            }

            var receipt = _active[Random.Next(_active.Count)];
            if (Templates.Count == 0)
            {
                Assert.Throws<KeyNotFoundException>(() => Model.Store.Templates.Verify(receipt, StoreUnderTest.Template(Model.NextSeed), 0.5f).Similarity);
                Expect(AuditAction.Verified, receipt.Id, AuditOutcome.Failed, "no template enrolled");
                Model.Count("verify (no template)");
                return;
            }

            // Half the time the probe is one of the person's own templates, so the best match is that one.
            var probe = Random.Next(2) == 0 ? Templates[Random.Next(Templates.Count)].Template : StoreUnderTest.Template(Model.NextSeed);
            var expected = Templates.Max(t => StoreUnderTest.Cosine(t.Template, probe));
            var verification = Model.Store.Templates.Verify(receipt, probe, 0.5f);
            Assert.Equal(expected, verification.Similarity);
            Assert.Equal(expected >= 0.5f, verification.IsMatch);
            Expect(AuditAction.Verified, receipt.Id, AuditOutcome.Succeeded, string.Create(CultureInfo.InvariantCulture,
                $"best similarity {expected:0.000}, threshold 0.500: {(expected >= 0.5f ? "match" : "no match")}"));
            Model.Count("verify (match)");
        }

        public override void Withdraw()
        {
            if (_active.Count == 0)
            {
                // Nothing to withdraw: refused, and the transaction rolls back with no audit record.
                Assert.Throws<KeyNotFoundException>(() => Model.Store.Consents.Withdraw<TPurpose>(Subject));
                Model.Count("withdraw (nothing)");
                return;
            }

            var templatesOfSubject = Model.TemplatesOf(Subject);
            var ours = Templates.Count;
            var deleted = Model.Store.Consents.Withdraw<TPurpose>(Subject);
            Assert.Equal(ours, deleted);
            Expect(AuditAction.ConsentWithdrawn, null, AuditOutcome.Succeeded, $"{_active.Count} consent(s) withdrawn");
            Expect(AuditAction.Deleted, null, AuditOutcome.Succeeded,
                $"{ours} template(s) deleted" + (templatesOfSubject > 0 && templatesOfSubject == ours ? ", data key destroyed" : ""));
            foreach (var receipt in _active)
            {
                Model.Consents[receipt.Id] = (Subject, PurposeId, true);
            }

            _withdrawn.AddRange(_active);
            _active.Clear();
            Templates.Clear();
            Model.Count("withdraw");
        }

        public override void Refuse()
        {
            if (_withdrawn.Count == 0)
            {
                Grant();
                return;
            }

            var receipt = _withdrawn[Random.Next(_withdrawn.Count)];
            var probe = StoreUnderTest.Template(Model.NextSeed);
            var refused = Random.Next(2) == 0
                ? Assert.Throws<ConsentRequiredException>(() => Model.Store.Templates.Enroll(receipt, probe))
                : Assert.Throws<ConsentRequiredException>(() => Model.Store.Templates.Verify(receipt, probe, 0.5f).Similarity);
            Assert.Equal((ConsentRejection.Withdrawn, Subject, PurposeId), (refused.Reason, refused.SubjectId, refused.PurposeId));
            Expect(AuditAction.ConsentRejected, receipt.Id, AuditOutcome.Refused, nameof(ConsentRejection.Withdrawn));
            Model.Count("refused (withdrawn)");
        }

        public override void Check()
        {
            if (_active.Count > 0 && (_withdrawn.Count == 0 || Random.Next(2) == 0))
            {
                Assert.Null(Model.Store.Consents.Check(_active[Random.Next(_active.Count)]));
            }
            else if (_withdrawn.Count > 0)
            {
                Assert.Equal(ConsentRejection.Withdrawn, Model.Store.Consents.Check(_withdrawn[Random.Next(_withdrawn.Count)]));
            }
            else
            {
                Grant();
                return;
            }

            Model.Count("check");
        }
    }
}

public sealed class SqliteConcurrencyContract(ITestOutputHelper output) : ConcurrencyContract(output)
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new SqliteStoreUnderTest(settings ?? new StoreSettings());
}

public sealed class PostgreSqlConcurrencyContract(ITestOutputHelper output) : ConcurrencyContract(output)
{
    protected override StoreUnderTest NewStore(StoreSettings? settings = null) => new PostgreSqlStoreUnderTest(settings ?? new StoreSettings());
}
