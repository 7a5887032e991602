using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FaceCompliance.Tests.Shared;

/// <summary>What one <c>dotnet</c> process did.</summary>
/// <param name="CommandLine">What ran.</param>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Elapsed">How long it ran.</param>
/// <param name="Output">Standard output and standard error, line by line.</param>
internal sealed record DotnetRun(string CommandLine, int ExitCode, TimeSpan Elapsed, IReadOnlyList<string> Output);

/// <summary>
/// Runs real <c>dotnet</c> processes for the end-to-end and package tests: the MSBuild variables of the surrounding
/// <c>dotnet test</c> removed, no MSBuild server, English messages, both output streams read asynchronously, and the
/// whole process tree killed on timeout. Linked into the test projects that build real projects.
/// </summary>
internal static class DotnetProcess
{
    /// <summary>
    /// The options every build-like command gets: no build servers, no reused nodes and no shared compiler server, so
    /// each build loads the analyzers on disk afresh; minimal, plain console output.
    /// </summary>
    public static readonly string[] IsolatedBuildOptions =
        ["--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:m", "-clp:NoSummary", "-tl:off", "-nologo"];

    /// <summary>Runs <c>dotnet</c> with the arguments in a folder.</summary>
    /// <param name="workingDirectory">The folder.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="timeout">How long it may run before it is killed.</param>
    /// <param name="environment">Variables to set (a null value removes one).</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/>; the message holds its last output lines.</exception>
    public static async Task<DotnetRun> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string dotnet = Host();
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host inherits MSBuild variables from `dotnet test`; a nested build must not see them.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        string commandLine = $"{Path.GetFileName(dotnet)} {string.Join(' ', start.ArgumentList)}";
        var output = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(output, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(output, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start `{commandLine}`.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            string tail;
            lock (output)
            {
                tail = string.Join("\n  ", output.TakeLast(30));
            }

            throw new TimeoutException($"`{commandLine}` did not finish within {timeout.TotalMinutes:F0} minutes and was killed. Last output lines:\n  {tail}");
        }

        // Waits until both redirected streams reached their end, so that no output line is lost.
        process.WaitForExit();
        stopwatch.Stop();
        lock (output)
        {
            return new DotnetRun(commandLine, process.ExitCode, stopwatch.Elapsed, output.ToList());
        }
    }

    private static void Collect(List<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    /// <summary>The dotnet host running these tests, so that a child process runs on the same runtime.</summary>
    /// <returns>Its path, or <c>dotnet</c> (the one on PATH) when it cannot be told.</returns>
    public static string Host()
    {
        string executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } process && Path.GetFileName(process) == executable)
        {
            return process;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        string? runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        string? root = runtime is null ? null : Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        return root is not null && File.Exists(Path.Combine(root, executable)) ? Path.Combine(root, executable) : executable;
    }
}
