using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace FaceCompliance.Benchmarks.AnalyzerCost;

/// <summary>The output of one process, read asynchronously, and how long it ran.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, TimeSpan Elapsed, IReadOnlyList<string> Output)
{
    private static readonly Regex DiagnosticPattern =
        new(@":\s+(?<severity>error|warning)\s+(?<id>[A-Za-z]+\d+)\s*:", RegexOptions.CultureInvariant);

    /// <summary>Distinct MSBuild/compiler diagnostics (a build may print the same one twice).</summary>
    public IReadOnlyList<(string Severity, string Id, string Line)> Diagnostics =>
        Output.Select(line => (line: line.Trim(), match: DiagnosticPattern.Match(line)))
            .Where(x => x.match.Success)
            .Select(x => (x.match.Groups["severity"].Value, x.match.Groups["id"].Value, x.line))
            .Distinct()
            .ToList();

    public IEnumerable<string> Errors => Diagnostics.Where(d => d.Severity == "error").Select(d => d.Line);

    public int Count(string id) => Diagnostics.Count(d => d.Id == id);

    /// <summary>The first errors, or the end of the output when the failure printed none.</summary>
    public string Describe(int max = 15)
    {
        var errors = Errors.Take(max).ToList();
        var lines = errors.Count > 0 ? errors : Output.TakeLast(max).ToList();
        return $"`{CommandLine}` exited with {ExitCode}. {(errors.Count > 0 ? "First errors" : "Last lines")}:\n  "
            + string.Join("\n  ", lines);
    }
}

/// <summary>Runs <c>dotnet</c> on the generated project in one of the three configurations.</summary>
internal sealed class BuildRunner(string projectPath, string logDirectory)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The compiler server and MSBuild node reuse, on as on a developer's machine, even where the environment turns
    /// them off (UseSharedCompilation=false, MSBUILDDISABLENODEREUSE=1, as on CI machines).
    /// </summary>
    private static readonly string[] WarmServers = ["-p:UseSharedCompilation=true", "-nodeReuse:true"];

    public string ProjectPath { get; } = projectPath;

    /// <summary>Restores one configuration (each has its own obj/ folder and assets file).</summary>
    public Task<ProcessResult> RestoreAsync(string config) => RunAsync("dotnet", RestoreArguments(config));

    public string[] RestoreArguments(string config) =>
        ["restore", ProjectPath, $"-p:BenchConfig={config}", "-nologo", "-v:minimal"];

    /// <summary>
    /// An ordinary build, which also builds the referenced runtime and analyzer projects. Run once per configuration
    /// before timing: it checks the configuration and warms the compiler server with its analyzers loaded.
    /// </summary>
    public Task<ProcessResult> WarmUpAsync(string config) => RunAsync("dotnet", WarmUpArguments(config));

    public string[] WarmUpArguments(string config) =>
        ["build", ProjectPath, "--no-restore", $"-p:BenchConfig={config}", .. WarmServers, "-nologo", "-v:minimal", "-clp:NoSummary"];

    /// <summary>
    /// The timed build: a full rebuild of the generated project (--no-incremental cleans its obj/ and bin/), with
    /// project references already built and not rebuilt (BuildProjectReferences=false), so that the time is the
    /// compilation of the generated project with or without the analyzers, not the compilation of the analyzers.
    /// </summary>
    public Task<ProcessResult> TimedBuildAsync(string config) =>
        RunAsync("dotnet", TimedArguments(config));

    /// <summary>A timed-build command with <c>-p:ReportAnalyzer=true</c> and a detailed log to parse.</summary>
    public async Task<(ProcessResult Result, AnalyzerReport Report, string LogPath)> AnalyzerReportBuildAsync(string config)
    {
        Directory.CreateDirectory(logDirectory);
        var log = LogPath(config);
        var result = await RunAsync("dotnet", AnalyzerReportArguments(config));
        var report = result.ExitCode == 0 && File.Exists(log)
            ? AnalyzerReport.Parse(await File.ReadAllLinesAsync(log))
            : AnalyzerReport.Empty;
        return (result, report, log);
    }

    public static Task<ProcessResult> ShutdownBuildServersAsync() => RunAsync("dotnet", ["build-server", "shutdown"]);

    public static async Task<string> CaptureAsync(string file, params string[] arguments)
    {
        try
        {
            var result = await RunAsync(file, arguments);
            return result.ExitCode == 0 ? string.Join(" ", result.Output).Trim() : string.Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return string.Empty;
        }
    }

    public string[] TimedArguments(string config) =>
        ["build", ProjectPath, "--no-restore", "--no-incremental", $"-p:BenchConfig={config}",
         "-p:BuildProjectReferences=false", .. WarmServers, "-nologo", "-v:minimal", "-clp:NoSummary"];

    public string[] AnalyzerReportArguments(string config) =>
        [.. TimedArguments(config), "-p:ReportAnalyzer=true", "-fl", $"-flp:verbosity=detailed;logfile={LogPath(config)}"];

    public string LogPath(string config) => Path.Combine(logDirectory, $"report-analyzer-{config}.log");

    /// <summary>
    /// Starts a process with stdout and stderr read asynchronously. The time stops when the process exits (not when
    /// its streams close: a build may leave a server process behind that inherited them).
    /// </summary>
    public static async Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // English output (the analyzer report is parsed), no banners; drop MSBuild variables that `dotnet run`
        // may have set for this process, so that each build resolves its SDK as from a shell.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        var output = new List<string>();
        var outputClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Collect(e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, errorClosed);

        void Collect(string? line, TaskCompletionSource closed)
        {
            if (line is null)
            {
                closed.TrySetResult();
                return;
            }

            lock (output)
            {
                output.Add(line);
            }
        }

        // Process.WaitForExitAsync would also wait for the end of the streams; the Exited event does not.
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();

        var commandLine = file + " " + string.Join(" ", arguments.Select(Quote));
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(exited.Task, Task.Delay(BuildTimeout)) != exited.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{commandLine}` did not finish in {BuildTimeout.TotalMinutes} minutes.");
        }

        stopwatch.Stop();
        process.WaitForExit(0); // completes the exit bookkeeping so that ExitCode is set
        await Task.WhenAny(Task.WhenAll(outputClosed.Task, errorClosed.Task), Task.Delay(TimeSpan.FromSeconds(10)));
        lock (output)
        {
            return new ProcessResult(commandLine, process.ExitCode, stopwatch.Elapsed, output.ToList());
        }
    }

    public static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=,+@%".Contains(c))
            ? argument
            : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// The analyzer times the compiler prints with <c>-p:ReportAnalyzer=true</c>: a total, then one line per analyzer
/// assembly (<c>time  percent  Name, Version=...</c>) followed by its analyzers. Generator times are a separate
/// section and are ignored. Times are summed over the compilations in the log (one, for the timed build).
/// </summary>
internal sealed record AnalyzerReport(
    int Compilations,
    double TotalSeconds,
    IReadOnlyDictionary<string, double> SecondsByAssembly,
    IReadOnlyDictionary<string, double> SecondsByAnalyzer)
{
    public static readonly AnalyzerReport Empty = new(0, 0, new Dictionary<string, double>(), new Dictionary<string, double>());

    private static readonly Regex Total =
        new(@"Total analyzer execution time:\s*(?<s><?\d+(?:[.,]\d+)?)\s*seconds", RegexOptions.CultureInvariant);

    private static readonly Regex GeneratorTotal = new(@"Total generator execution time:", RegexOptions.CultureInvariant);

    private static readonly Regex AssemblyLine =
        new(@"^\s*(?:\d+>)?\s*(?<s><?\d+(?:[.,]\d+)?)\s+(?:<?\d+)\s+(?<name>[^\s,][^,]*),\s*Version=", RegexOptions.CultureInvariant);

    private static readonly Regex AnalyzerLine =
        new(@"^\s*(?:\d+>)?\s*(?<s><?\d+(?:[.,]\d+)?)\s+(?:<?\d+)\s+(?<name>[A-Za-z_][\w.`+<>]*(?: \([^)]*\))?)\s*$", RegexOptions.CultureInvariant);

    /// <summary>Seconds per analyzer type (with its rule ids) of the assemblies whose name contains <paramref name="nameFragment"/>.</summary>
    public IEnumerable<KeyValuePair<string, double>> AnalyzersOf(string nameFragment) =>
        SecondsByAnalyzer.Where(kv => kv.Key.Split('|')[0].Contains(nameFragment, StringComparison.OrdinalIgnoreCase))
            .Select(kv => KeyValuePair.Create(kv.Key.Split('|')[1], kv.Value))
            .OrderByDescending(kv => kv.Value);

    /// <summary>Seconds spent in analyzer assemblies whose name contains <paramref name="nameFragment"/>.</summary>
    public double? SecondsFor(string nameFragment)
    {
        var matches = SecondsByAssembly.Where(kv => kv.Key.Contains(nameFragment, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 0 ? null : matches.Sum(kv => kv.Value);
    }

    public static AnalyzerReport Parse(IEnumerable<string> lines)
    {
        var compilations = 0;
        var total = 0d;
        var byAssembly = new Dictionary<string, double>(StringComparer.Ordinal);
        var byAnalyzer = new Dictionary<string, double>(StringComparer.Ordinal);
        var inAnalyzerSection = false;
        string? currentAssembly = null;
        foreach (var line in lines)
        {
            var totalMatch = Total.Match(line);
            if (totalMatch.Success)
            {
                compilations++;
                total += Seconds(totalMatch.Groups["s"].Value);
                inAnalyzerSection = true;
                currentAssembly = null;
                continue;
            }

            if (GeneratorTotal.IsMatch(line))
            {
                inAnalyzerSection = false;
                continue;
            }

            if (!inAnalyzerSection)
            {
                continue;
            }

            var assembly = AssemblyLine.Match(line);
            if (assembly.Success)
            {
                currentAssembly = assembly.Groups["name"].Value.Trim();
                byAssembly[currentAssembly] = byAssembly.GetValueOrDefault(currentAssembly) + Seconds(assembly.Groups["s"].Value);
                continue;
            }

            var analyzer = currentAssembly is null ? Match.Empty : AnalyzerLine.Match(line);
            if (analyzer.Success)
            {
                var key = currentAssembly + "|" + analyzer.Groups["name"].Value.Trim();
                byAnalyzer[key] = byAnalyzer.GetValueOrDefault(key) + Seconds(analyzer.Groups["s"].Value);
            }
        }

        return new AnalyzerReport(compilations, total, byAssembly, byAnalyzer);
    }

    private static double Seconds(string text) =>
        text.StartsWith('<') ? 0d : double.Parse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);
}
