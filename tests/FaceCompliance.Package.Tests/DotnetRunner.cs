using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FaceCompliance.Package.Tests;

/// <summary>The outcome of one <c>dotnet</c> command.</summary>
/// <param name="CommandLine">What ran.</param>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Elapsed">How long it ran.</param>
/// <param name="Output">Standard output and standard error, line by line.</param>
internal sealed record DotnetResult(string CommandLine, int ExitCode, TimeSpan Elapsed, IReadOnlyList<string> Output)
{
    /// <summary>The distinct located diagnostics printed.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = Diagnostic.ParseAll(Output);

    /// <summary>The distinct located FaceCompliance (FCxxxx) diagnostics printed.</summary>
    public IReadOnlyList<Diagnostic> FaceComplianceDiagnostics =>
        Diagnostics.Where(d => d.Id.StartsWith("FC", StringComparison.Ordinal)).ToList();

    /// <summary>The whole output as one string.</summary>
    public string Text => string.Join('\n', Output);

    /// <summary>A summary for assertion messages: the command, its exit code, its diagnostics and its last lines.</summary>
    /// <returns>The summary.</returns>
    public string Describe()
    {
        var diagnostics = Output.Where(Diagnostic.IsAnyDiagnostic).Select(l => l.Trim()).Distinct().Take(40).ToList();
        return $"`{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:F0} s.\n"
            + (diagnostics.Count > 0 ? "Diagnostics:\n  " + string.Join("\n  ", diagnostics) + "\n" : string.Empty)
            + "Last output lines:\n  " + string.Join("\n  ", Output.TakeLast(30));
    }
}

/// <summary>
/// Runs real <c>dotnet</c> processes the way tests/FaceCompliance.EndToEnd.Tests does: no build servers, no reused
/// nodes, no shared compiler server (so each build loads the analyzers from the package it restored), the MSBuild
/// variables of the surrounding <c>dotnet test</c> removed, English messages, both output streams read asynchronously.
/// </summary>
internal static class DotnetRunner
{
    /// <summary>How long one command may take: packing compiles eight projects on a busy 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <summary>The options every build-like command gets.</summary>
    public static readonly string[] IsolatedBuildOptions =
        ["--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:m", "-clp:NoSummary", "-tl:off", "-nologo"];

    /// <summary>Runs <c>dotnet</c> with the arguments in a folder.</summary>
    /// <param name="workingDirectory">The folder.</param>
    /// <param name="environment">Variables to set (a null value removes one).</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The outcome.</returns>
    public static async Task<DotnetResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        string dotnet = DotnetExecutable();
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
                tail = string.Join("\n  ", output.TakeLast(30));
            }

            throw new TimeoutException($"`{commandLine}` did not finish within {Timeout.TotalMinutes:F0} minutes and was killed. Last output lines:\n  {tail}");
        }

        // Waits until both redirected streams reached their end, so that no output line is lost.
        process.WaitForExit();
        stopwatch.Stop();
        lock (output)
        {
            return new DotnetResult(commandLine, process.ExitCode, stopwatch.Elapsed, output.ToList());
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
