using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

using FaceCompliance.Tests.Shared;

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
/// Runs real <c>dotnet build</c> processes, one at a time, through the shared <see cref="DotnetProcess"/>: no build
/// servers or reused nodes, so each build loads the analyzers freshly built on disk.
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
        DotnetRun run = await DotnetProcess.RunAsync(RepoPaths.Root, ["build", project, .. DotnetProcess.IsolatedBuildOptions, .. extraArguments], Timeout);
        return new BuildResult(run.CommandLine, run.ExitCode, run.Elapsed, run.Output);
    }
}
