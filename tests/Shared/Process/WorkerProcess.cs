using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace FaceCompliance.Tests.Shared;

/// <summary>
/// Starts a test's worker program: a console project built before the tests (not referenced by them) whose path the
/// test assembly carries in an <see cref="AssemblyMetadataAttribute"/>, run as <c>dotnet &lt;dll&gt; &lt;arguments&gt;</c>
/// on the runtime that runs the tests, with its standard output redirected and its standard error collected.
/// </summary>
internal static class WorkerProcess
{
    /// <summary>Starts the worker named by the metadata <paramref name="metadataKey"/> of the test assembly.</summary>
    /// <param name="metadataKey">The key of the assembly metadata that holds the worker's path.</param>
    /// <param name="arguments">The worker's arguments.</param>
    /// <param name="errors">Receives the worker's standard error, line by line (lock it to read it).</param>
    /// <param name="redirectInput">Whether the test writes to the worker's standard input.</param>
    /// <returns>The started process.</returns>
    public static Process Start(string metadataKey, IEnumerable<string> arguments, StringBuilder errors, bool redirectInput = false)
    {
        var startInfo = new ProcessStartInfo(DotnetProcess.Host())
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var assembly = AssemblyPath(metadataKey);
        startInfo.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"the worker {assembly} did not start");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    private static string AssemblyPath(string metadataKey)
    {
        var path = typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == metadataKey).Value!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"the worker of {metadataKey} was not built at {path}");
        }

        return path;
    }
}
