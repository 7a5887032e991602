using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>The outcome of one <c>dotnet build</c>.</summary>
/// <param name="CommandLine">What ran.</param>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Elapsed">How long it ran.</param>
/// <param name="Output">Standard output and standard error, line by line.</param>
internal sealed record BuildResult(string CommandLine, int ExitCode, TimeSpan Elapsed, IReadOnlyList<string> Output)
{
    /// <summary>The distinct located diagnostics printed.</summary>
    public IReadOnlyList<DiagnosticLine> Diagnostics { get; } = DiagnosticLine.ParseAll(Output);

    /// <summary>The distinct located FaceCompliance (FCxxxx) diagnostics printed.</summary>
    public IReadOnlyList<DiagnosticLine> FaceComplianceDiagnostics =>
        Diagnostics.Where(d => d.Id.StartsWith("FC", StringComparison.Ordinal)).ToList();

    /// <summary>Every output line that reports an error or a warning, located or not.</summary>
    public IReadOnlyList<string> DiagnosticOutputLines =>
        Output.Where(line => DiagnosticLine.IsDiagnostic(line, out _)).Select(line => line.Trim()).Distinct().ToList();

    /// <summary>A summary for assertion messages: the command, its exit code and its diagnostics (or its last lines).</summary>
    /// <returns>The summary.</returns>
    public string Describe()
    {
        IReadOnlyList<string> lines = DiagnosticOutputLines;
        string body = lines.Count > 0
            ? "Diagnostics:\n  " + string.Join("\n  ", lines.Take(40))
            : "Last output lines:\n  " + string.Join("\n  ", Output.TakeLast(25));
        return $"`{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:F0} s.\n{body}";
    }
}

/// <summary>
/// Runs real <c>dotnet build</c> processes, one at a time, with no build servers or reused nodes (so that each
/// build loads the analyzers freshly built on disk), reading both output streams asynchronously.
/// </summary>
internal static class BuildRunner
{
    /// <summary>How long one build may take: generous, since a cold build restores and compiles three projects.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Builds a project.</summary>
    /// <param name="project">A project file or the folder holding one.</param>
    /// <param name="extraArguments">More arguments for `dotnet build`, such as properties.</param>
    /// <returns>The outcome.</returns>
    public static async Task<BuildResult> BuildAsync(string project, params string[] extraArguments)
    {
        string dotnet = DotnetExecutable();
        string[] arguments =
        [
            "build", project,
            "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "-v:m", "-clp:NoSummary", "-tl:off", "-nologo",
            .. extraArguments,
        ];

        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
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

        string commandLine = $"{Path.GetFileName(dotnet)} {string.Join(' ', arguments)}";
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
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            string tail;
            lock (output)
            {
                tail = string.Join("\n  ", output.TakeLast(25));
            }

            throw new TimeoutException(
                $"`{commandLine}` did not finish within {Timeout.TotalMinutes:F0} minutes and was killed. Last output lines:\n  {tail}");
        }

        // Waits until both redirected streams reached their end, so that no output line is lost.
        process.WaitForExit();
        stopwatch.Stop();
        lock (output)
        {
            return new BuildResult(commandLine, process.ExitCode, stopwatch.Elapsed, output.ToList());
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

    // The dotnet host that runs the tests when it says so, else the one on PATH.
    private static string DotnetExecutable()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
