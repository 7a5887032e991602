using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.Vision;

namespace FaceCompliance.Stores.NodeWorker;

/// <summary>
/// The commands a node runs, one a line: a name and key=value arguments. Each command ends with a "done" line.
/// <list type="bullet">
/// <item><c>enrol subjects=P count=N [purpose=search]</c>: grants consent to P-0 .. P-(N-1) and enrols each one's template; N = 0: without end (until killed).
///   The purpose is the 1:1 <see cref="NodeEntry"/>, or with <c>purpose=search</c> the 1:N <see cref="NodeSearch"/>.</item>
/// <item><c>verify subject=S</c>: a 1:1 verification of S against S's own template.</item>
/// <item><c>withdraw subject=S [purpose=search]</c>: withdraws S's consent (their templates are deleted).</item>
/// <item><c>delete subject=S</c>: deletes S's templates, every purpose, consent kept (DeleteSubject).</item>
/// <item><c>load seconds=T threads=N enrol=E withdraw=W pool=P:K</c>: for T seconds (T = 0: until the line <c>stop</c>), N threads each pick an operation at
///   random: enrol a new person (share E, 0 to 1: a grant and an enrolment), withdraw a person this thread enrolled
///   (share W), or else verify a person of the pool P-0 .. P-(K-1) (enrolled beforehand by any node; without a pool,
///   a person this thread enrolled). A failed write is
///   printed and counted, and the load goes on.</item>
/// <item><c>census</c>: the people stored, as this node counts them (one count for all nodes).</item>
/// <item><c>chain</c>: verifies the audit chain.</item>
/// <item><c>gallery [seconds=T]</c>: starts this node's synchronised 1:N gallery of <see cref="NodeSearch"/> and waits up to T
///   seconds (60) until it is current: <c>done gallery current=True|False applied=N people=K</c>.</item>
/// <item><c>identify subject=S</c>: a 1:N search of the gallery with S's template:
///   <c>done identify subject=S held=True|False answer=found|absent|refused|error [error=type]</c> (held: S was in the gallery
///   when the search began; found: S among the results; refused: GalleryNotCurrentException, the gallery cannot be sure it is current).</item>
/// <item><c>wait [sequence=N] [seconds=T]</c>: waits up to T seconds (60) until the gallery has applied the audit record N
///   (without N: until it is current): <c>done wait reached=True|False applied=N current=True|False people=K</c>.</item>
/// </list>
/// A new operation is one more method here, one more entry in <see cref="Run"/>'s
/// table and, for the load, one more share.
/// </summary>
public sealed class NodeCommands(NodeStore store, NodeOutput output, System.IO.TextReader input) : IDisposable
{
    private const float Threshold = 0.9f;

    /// <summary>The gallery's settings: the nodes' templates, and a threshold that only a person's own template reaches.</summary>
    private static readonly SynchronizedFaceGalleryOptions GalleryOptions = new()
    {
        Matcher = new FaceMatcherOptions { Dimension = NodeTemplates.Dimension, Threshold = 0.99f },
    };

    private SynchronizedFaceGallery<NodeSearch>? _gallery;

    private readonly ConcurrentDictionary<string, ConsentReceipt<NodeEntry>> _receipts = new(StringComparer.Ordinal);

    public void Run(string name, IReadOnlyDictionary<string, string> arguments)
    {
        Action<IReadOnlyDictionary<string, string>>? command = name switch
        {
            "enrol" => Enrol,
            "verify" => a => Single("verify", Required(a, "subject"), Verify),
            "withdraw" => a => Single("withdraw", Required(a, "subject"), ForSearch(a) ? Withdraw<NodeSearch> : Withdraw<NodeEntry>),
            "delete" => a => Single("delete", Required(a, "subject"), Delete),
            "load" => Load,
            "census" => _ => output.Line($"done census people={store.Templates.PeopleStored}"),
            "chain" => _ => Chain(),
            "gallery" => StartGallery,
            "identify" => a => Identify(Required(a, "subject")),
            "wait" => WaitForGallery,
            _ => null,
        };
        if (command is null)
        {
            output.Line($"done {name} error=unknown-command");
            return;
        }

        try
        {
            command(arguments);
        }
        catch (FormatException error)
        {
            output.Line($"done {name} error={error.Message.Replace(' ', '_')}");
        }
    }

    private void Enrol(IReadOnlyDictionary<string, string> arguments)
    {
        var prefix = Required(arguments, "subjects");
        var count = Number(arguments, "count");
        Action<string> enrol = ForSearch(arguments) ? EnrolForSearch : EnrolNew;
        var failed = 0;
        for (var k = 0L; count == 0 || k < count; k++)
        {
            if (!Try("enrol", $"{prefix}-{k}", enrol))
            {
                failed++;
            }
        }

        output.Line($"done enrol count={count} failed={failed}");
    }

    private void Single(string name, string subject, Action<string> operation)
    {
        var ok = Try(name, subject, operation);
        output.Line($"done {name} failed={(ok ? 0 : 1)}");
    }

    /// <summary>Grants consent to a new person and enrols their template: two writes, two acknowledgements.</summary>
    private void EnrolNew(string subject)
    {
        var receipt = Grant<NodeEntry>(subject);
        _receipts[subject] = receipt;
        EnrolTemplate(receipt, subject);
    }

    /// <summary>As <see cref="EnrolNew"/>, for the 1:N purpose.</summary>
    private void EnrolForSearch(string subject) => EnrolTemplate(Grant<NodeSearch>(subject), subject);

    private ConsentReceipt<TPurpose> Grant<TPurpose>(string subject)
        where TPurpose : IFacialDataPurpose
    {
        var receipt = store.Consents.Grant<TPurpose>(new ConsentGrant(subject) { AgeBand = FacialAgeBand.Adult });
        output.Line($"ack grant {subject} {receipt.Id}");
        return receipt;
    }

    private void EnrolTemplate<TPurpose>(ConsentReceipt<TPurpose> receipt, string subject)
        where TPurpose : IFacialDataPurpose
    {
        var template = store.Templates.Enroll(receipt, NodeTemplates.Of(subject));
        output.Line($"ack enrol {subject} {template}");
    }

    private void Verify(string subject)
    {
        if (!_receipts.TryGetValue(subject, out var receipt))
        {
            if (!store.Consents.TryGetCurrentReceipt(subject, out receipt))
            {
                throw new KeyNotFoundException($"'{subject}' never consented");
            }

            _receipts[subject] = receipt;
        }

        var result = store.Templates.Verify(receipt, NodeTemplates.Of(subject), Threshold);
        output.Line(string.Create(CultureInfo.InvariantCulture, $"ack verify {subject} {(result.IsMatch ? "match" : "nomatch")} {result.Similarity:0.0000}"));
    }

    private void Withdraw<TPurpose>(string subject)
        where TPurpose : IFacialDataPurpose
    {
        var deleted = store.Consents.Withdraw<TPurpose>(subject);
        _receipts.TryRemove(subject, out _);
        output.Line($"ack withdraw {subject} {deleted}");
    }

    private void Delete(string subject)
    {
        var deleted = store.Templates.DeleteSubject(subject);
        output.Line($"ack delete {subject} {deleted}");
    }

    private void StartGallery(IReadOnlyDictionary<string, string> arguments)
    {
        _gallery?.Dispose();
        _gallery = null;
        try
        {
            _gallery = SynchronizedFaceGallery<NodeSearch>.Start(store.Identification, GalleryOptions);
        }
        catch (Exception error)
        {
            output.Line($"done gallery error={error.GetType().FullName}");
            return;
        }

        var current = WaitAtMost(arguments, _gallery.WaitUntilCurrentAsync);
        output.Line($"done gallery current={current} applied={_gallery.AppliedSequence} people={_gallery.Count}");
    }

    private void Identify(string subject)
    {
        var gallery = _gallery ?? throw new FormatException("no gallery: send gallery first");
        var held = gallery.Contains(subject);
        string answer;
        try
        {
            var found = gallery.Identify(NodeTemplates.Of(subject), k: 1);
            answer = found.Any(f => f.SubjectId == subject) ? "found" : "absent";
        }
        catch (GalleryNotCurrentException)
        {
            answer = "refused";
        }
        catch (Exception error)
        {
            answer = $"error error={error.GetType().FullName}";
        }

        output.Line($"done identify subject={subject} held={held} answer={answer}");
    }

    private void WaitForGallery(IReadOnlyDictionary<string, string> arguments)
    {
        var gallery = _gallery ?? throw new FormatException("no gallery: send gallery first");
        var reached = arguments.TryGetValue("sequence", out var sequence)
            ? WaitAtMost(arguments, cancel => gallery.WaitForSequenceAsync(long.Parse(sequence, NumberStyles.None, CultureInfo.InvariantCulture), cancel))
            : WaitAtMost(arguments, gallery.WaitUntilCurrentAsync);
        output.Line($"done wait reached={reached} applied={gallery.AppliedSequence} current={gallery.IsCurrent} people={gallery.Count}");
    }

    /// <summary>Waits for <paramref name="wait"/> at most seconds=T (60); whether it completed.</summary>
    private static bool WaitAtMost(IReadOnlyDictionary<string, string> arguments, Func<CancellationToken, Task> wait)
    {
        var seconds = double.Parse(arguments.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            wait(deadline.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _gallery?.Dispose();

    private static bool ForSearch(IReadOnlyDictionary<string, string> arguments) => arguments.GetValueOrDefault("purpose", "entry") switch
    {
        "entry" => false,
        "search" => true,
        var other => throw new FormatException($"unknown purpose={other}"),
    };

    private void Load(IReadOnlyDictionary<string, string> arguments)
    {
        var seconds = double.Parse(Required(arguments, "seconds"), CultureInfo.InvariantCulture);
        var threads = (int)Number(arguments, "threads");
        var enrolShare = double.Parse(arguments.GetValueOrDefault("enrol", "0"), CultureInfo.InvariantCulture);
        var withdrawShare = double.Parse(arguments.GetValueOrDefault("withdraw", "0"), CultureInfo.InvariantCulture);
        var pool = arguments.GetValueOrDefault("pool", ":0").Split(':');
        var (poolPrefix, poolSize) = (pool[0], int.Parse(pool[1], CultureInfo.InvariantCulture));
        var run = Guid.NewGuid().ToString("N")[..8];
        long enrolled = 0, verified = 0, withdrawn = 0, failed = 0;
        var watch = Stopwatch.StartNew();
        using var stop = seconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : new CancellationTokenSource();
        if (seconds == 0)
        {
            // Without end: the next line on standard input ("stop", or its end) ends the load.
            new Thread(() =>
            {
                while (input.ReadLine() is { } line && line.Trim() != "stop")
                {
                }

                stop.Cancel();
            }) { IsBackground = true }.Start();
        }

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var random = new Random();
            var mine = new List<string>();
            for (var k = 0; !stop.IsCancellationRequested; k++)
            {
                var pick = random.NextDouble();
                bool ok;
                if (pick < enrolShare || (poolSize == 0 && mine.Count == 0))
                {
                    var subject = $"{store.Node}-{run}-{t}-{k}";
                    ok = Try("enrol", subject, EnrolNew);
                    if (ok)
                    {
                        mine.Add(subject);
                        Interlocked.Increment(ref enrolled);
                    }
                }
                else if (pick < enrolShare + withdrawShare && mine.Count > 0)
                {
                    var subject = mine[^1];
                    ok = Try("withdraw", subject, Withdraw<NodeEntry>);
                    if (ok)
                    {
                        mine.RemoveAt(mine.Count - 1);
                        Interlocked.Increment(ref withdrawn);
                    }
                }
                else
                {
                    ok = Try("verify", poolSize > 0 ? $"{poolPrefix}-{random.Next(poolSize)}" : mine[random.Next(mine.Count)], Verify);
                    if (ok)
                    {
                        Interlocked.Increment(ref verified);
                    }
                }

                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                    Thread.Sleep(20); // the store is failing (a server restart): no busy loop while it is away
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"done load seconds={watch.Elapsed.TotalSeconds:0.000} enrol={enrolled} verify={verified} withdraw={withdrawn} failed={failed}"));
    }

    private void Chain()
    {
        var verification = store.Audit.Verify();
        output.Line($"done chain valid={verification.IsValid} records={verification.RecordsChecked} problem={verification.Problem?.Replace(' ', '_')}");
    }

    /// <summary>Runs one operation; a failure is printed (one line, no acknowledgement) and reported as false.</summary>
    private bool Try(string name, string subject, Action<string> operation)
    {
        try
        {
            operation(subject);
            return true;
        }
        catch (Exception error)
        {
            output.Line($"fail {name} {subject} {error.GetType().FullName}: {error.Message.ReplaceLineEndings(" ")}");
            return false;
        }
    }

    private static long Number(IReadOnlyDictionary<string, string> arguments, string name) =>
        long.Parse(Required(arguments, name), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Required(IReadOnlyDictionary<string, string> arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value : throw new FormatException($"missing argument {name}=");
}
