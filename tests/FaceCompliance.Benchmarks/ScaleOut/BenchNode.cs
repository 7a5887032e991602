using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace FaceCompliance.Benchmarks.ScaleOut;

/// <summary>One node process (FaceCompliance.Stores.NodeWorker): sends it commands and waits for their "done" lines; its acknowledgements are counted, not kept.</summary>
internal sealed class BenchNode : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _done = [];
    private bool _ended;

    public BenchNode(string name, string storeOption, string store, string masterKeyHex)
    {
        var startInfo = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(startInfo.FileName) != "dotnet")
        {
            startInfo.FileName = "dotnet";
        }

        foreach (var argument in new[] { WorkerAssembly(), "--node", name, "--key", masterKeyHex, storeOption, store })
        {
            startInfo.ArgumentList.Add(argument);
        }

        _process = Process.Start(startInfo) ?? throw new InvalidOperationException("the node worker did not start");
        _process.OutputDataReceived += (_, e) =>
        {
            lock (_done)
            {
                if (e.Data is null)
                {
                    _ended = true;
                }
                else if (e.Data.StartsWith("done ", StringComparison.Ordinal) || e.Data.StartsWith("ready ", StringComparison.Ordinal))
                {
                    _done.Add(e.Data);
                }

                Monitor.PulseAll(_done);
            }
        };
        _process.BeginOutputReadLine();
        Next(); // ready
    }

    public void Send(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
    }

    /// <summary>The next "done" line's key=value fields.</summary>
    public Dictionary<string, string> Next()
    {
        lock (_done)
        {
            while (_done.Count == 0)
            {
                if (_ended)
                {
                    throw new InvalidOperationException("a node process ended");
                }

                Monitor.Wait(_done);
            }

            var line = _done[0];
            _done.RemoveAt(0);
            return line.Split(' ').Skip(2).Select(w => w.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        }
    }

    public Dictionary<string, string> Run(string command)
    {
        Send(command);
        return Next();
    }

    public static double Number(Dictionary<string, string> fields, string name) => double.Parse(fields[name], CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Send("exit");
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }

    private static string WorkerAssembly() =>
        typeof(BenchNode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NodeWorkerAssembly").Value!;
}
