using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

using FaceCompliance.Tests.Shared;

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
/// Runs real <c>dotnet</c> commands for the package tests through the shared <see cref="DotnetProcess"/> (the same
/// isolation as tests/FaceCompliance.EndToEnd.Tests: no build servers, no reused nodes, no shared compiler server, so
/// each build loads the analyzers from the package it restored).
/// </summary>
internal static class DotnetRunner
{
    /// <summary>How long one command may take: packing compiles eight projects on a busy 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <summary>The options every build-like command gets.</summary>
    public static string[] IsolatedBuildOptions => DotnetProcess.IsolatedBuildOptions;

    /// <summary>Runs <c>dotnet</c> with the arguments in a folder.</summary>
    /// <param name="workingDirectory">The folder.</param>
    /// <param name="environment">Variables to set (a null value removes one).</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The outcome.</returns>
    public static async Task<DotnetResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        DotnetRun run = await DotnetProcess.RunAsync(workingDirectory, arguments, Timeout, environment);
        return new DotnetResult(run.CommandLine, run.ExitCode, run.Elapsed, run.Output);
    }
}
