using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using FaceCompliance.Tests.Shared;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// An application node as a process of its own (FaceCompliance.Stores.NodeWorker, run as <c>dotnet &lt;dll&gt;</c>):
/// the test writes its commands and keeps every line it prints, so the acknowledged writes ("ack ...") are a ledger
/// that survives the node being killed.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    /// <summary>
    /// The load length of the node tests: FACECOMPLIANCE_NODE_TEST_SECONDS, default 2 (a few seconds in CI). A long run
    /// (say 120) also kills the enrolling node and restarts the server more often: see <see cref="Rounds"/>.
    /// </summary>
    public static int LoadSeconds { get; } = int.TryParse(Environment.GetEnvironmentVariable("FACECOMPLIANCE_NODE_TEST_SECONDS"), out var seconds) && seconds > 0 ? seconds : 2;

    /// <summary>How many times a fault test repeats its fault: once per <paramref name="secondsEach"/> seconds of <see cref="LoadSeconds"/>, at least <paramref name="minimum"/> times.</summary>
    public static int Rounds(int minimum, int secondsEach) => Math.Max(minimum, LoadSeconds / secondsEach);

    /// <summary>How long a node may take to print an awaited line: generous, a guard against hanging, not a measurement.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly StringBuilder _errors = new();
    private bool _ended;

    private NodeProcess(string name, string storeOption, string store, byte[] masterKey)
    {
        Name = name;
        _process = WorkerProcess.Start("NodeWorkerAssembly", ["--node", name, "--key", Convert.ToHexString(masterKey), storeOption, store], _errors, redirectInput: true);
        _process.OutputDataReceived += (_, e) =>
        {
            lock (_lines)
            {
                if (e.Data is null)
                {
                    _ended = true;
                }
                else
                {
                    _lines.Add(e.Data);
                }

                Monitor.PulseAll(_lines);
            }
        };
        _process.BeginOutputReadLine();
        WaitFor(0, line => line == "ready " + name, "ready");
    }

    public string Name { get; }

    /// <summary>Starts a node on the PostgreSQL database of <paramref name="connectionString"/> and waits until it has opened the store.</summary>
    public static NodeProcess OnPostgreSql(string name, string connectionString) => new(name, "--postgres", connectionString, StoreUnderTest.MasterKey);

    /// <summary>Every line the node printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    /// <summary>The acknowledgements of <paramref name="operation"/> printed so far, from line <paramref name="from"/> on: the words after "ack &lt;operation&gt;".</summary>
    public IReadOnlyList<string[]> Acks(string operation, int from = 0) => Lines.Skip(from)
        .Where(l => l.StartsWith($"ack {operation} ", StringComparison.Ordinal))
        .Select(l => l.Split(' ')[2..])
        .ToList();

    /// <summary>Writes a command line to the node.</summary>
    public void Send(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
    }

    /// <summary>Sends a command and waits for its "done" line; returns its key=value fields.</summary>
    public Dictionary<string, string> Run(string command)
    {
        var from = Lines.Count;
        Send(command);
        return Done(command.Split(' ')[0], from);
    }

    /// <summary>Waits for the "done" line of <paramref name="command"/> printed at or after line <paramref name="from"/>; returns its key=value fields.</summary>
    public Dictionary<string, string> Done(string command, int from)
    {
        var line = WaitFor(from, l => l.StartsWith($"done {command}", StringComparison.Ordinal), $"done {command}");
        return line.Split(' ').Skip(2).Select(w => w.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
    }

    /// <summary>Waits until the node has printed <paramref name="count"/> acknowledgements of <paramref name="operation"/> at or after line <paramref name="from"/>.</summary>
    public void WaitForAcks(string operation, int count, int from = 0)
    {
        var seen = 0;
        WaitFor(from, line => line.StartsWith($"ack {operation} ", StringComparison.Ordinal) && ++seen >= count, $"{count} ack {operation}");
    }

    /// <summary>Waits for a line at or after line <paramref name="from"/> that <paramref name="match"/> accepts (called once per line, in order).</summary>
    public string WaitFor(int from, Func<string, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        var next = from;
        lock (_lines)
        {
            while (true)
            {
                for (; next < _lines.Count; next++)
                {
                    if (match(_lines[next]))
                    {
                        return _lines[next];
                    }
                }

                var left = deadline - DateTime.UtcNow;
                if (_ended || left <= TimeSpan.Zero)
                {
                    throw new Xunit.Sdk.XunitException(
                        $"node {Name} {(_ended ? "ended" : $"printed nothing more in {Patience}")} before '{what}'; last lines:\n"
                        + string.Join("\n", _lines.TakeLast(10)) + "\nstderr:\n" + Errors());
                }

                Monitor.Wait(_lines, left);
            }
        }
    }

    /// <summary>
    /// Kills the node with SIGKILL (Process.Kill on Unix: no handler, no finally block runs in it) and waits until
    /// everything it printed before it died has been read.
    /// </summary>
    public int Kill()
    {
        _process.Kill();
        _process.WaitForExit(); // also waits for the end of its output
        return _process.ExitCode;
    }

    public string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    public static long Number(Dictionary<string, string> fields, string name) => long.Parse(fields[name], NumberStyles.None, CultureInfo.InvariantCulture);
}
