using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;

namespace FaceCompliance.Benchmarks.AnalyzerCost;

/// <summary>The markdown table, the goals and docs/benchmarks/analyzer-cost.md.</summary>
internal static class Report
{
    private const double WallGoal = 0.03; // ours may add at most 3% to the build's wall time
    private const double AnalyzerGoal = 1.0; // and take at most as long as BannedApiAnalyzers

    /// <summary>The analyzer assembly a configuration adds, as it appears in the ReportAnalyzer output.</summary>
    public static (string Fragment, string Display)? OwnAnalyzer(string config) => config switch
    {
        "ours" => ("FaceCompliance.Analyzers", "FaceCompliance.Analyzers"),
        "banned" => ("BannedApiAnalyzers", "Microsoft.CodeAnalysis.(CSharp.)BannedApiAnalyzers"),
        _ => null,
    };

    public static string Table(Measurement m)
    {
        var none = m.WallSeconds.GetValueOrDefault("none");
        var sb = new StringBuilder();
        sb.AppendLine("| config | median wall (s) | min wall (s) | median vs none | min vs none | added analyzer (s) | all analyzers (s) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (config, times) in m.WallSeconds)
        {
            var report = m.Analyzers.GetValueOrDefault(config);
            var own = OwnAnalyzer(config) is { } o ? report?.SecondsFor(o.Fragment) : null;
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {config} | {Median(times):F2} | {times.Min():F2} | {Ratio(times, none, Median)} | {Ratio(times, none, Enumerable.Min)} "
                + $"| {(own is null ? "–" : own.Value.ToString("F3", CultureInfo.InvariantCulture))} "
                + $"| {(report is null ? "–" : report.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture))} |");
        }

        return sb.ToString();
    }

    public static IEnumerable<string> Goals(Measurement m)
    {
        var none = m.WallSeconds.GetValueOrDefault("none");
        if (none is not null && m.WallSeconds.TryGetValue("ours", out var ours))
        {
            var added = (Median(ours) / Median(none)) - 1;
            yield return $"- `ours` vs `none`, median wall time: {Percent(added)} (goal <= +3 %): {(added <= WallGoal ? "met" : "NOT met")}";
        }

        if (none is not null && m.WallSeconds.TryGetValue("banned", out var banned))
        {
            yield return $"- `banned` vs `none`, median wall time: {Percent((Median(banned) / Median(none)) - 1)} (for comparison)";
        }

        var fc = m.Analyzers.GetValueOrDefault("ours")?.SecondsFor("FaceCompliance.Analyzers");
        var rs = m.Analyzers.GetValueOrDefault("banned")?.SecondsFor("BannedApiAnalyzers");
        if (fc is not null && rs is not null)
        {
            var ratio = rs.Value > 0 ? fc.Value / rs.Value : double.PositiveInfinity;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"- FaceCompliance.Analyzers vs BannedApiAnalyzers, analyzer time: {fc:F3} s / {rs:F3} s = {ratio:F2}x (goal <= 1.0x): {(ratio <= AnalyzerGoal ? "met" : "NOT met")}");
        }

        if (!m.WallSeconds.ContainsKey("ours"))
        {
            yield return "- `ours` was not measured (run with --configs none,ours,banned once the analyzers build).";
        }
    }

    public static async Task<string> WriteAsync(Measurement m)
    {
        var p = m.Project;
        var o = m.Options;
        var sdk = await BuildRunner.CaptureAsync("dotnet", "--version");
        var commit = await BuildRunner.CaptureAsync("git", "-C", m.Repo, "rev-parse", "--short", "HEAD");
        var dirty = await BuildRunner.CaptureAsync("git", "-C", m.Repo, "status", "--porcelain", "--", "src");
        string Relative(string path) => Path.GetRelativePath(m.Repo, path);
        string Command(string[] arguments) => "dotnet " + string.Join(" ",
            arguments.Select(a => BuildRunner.Quote(a.Replace(m.Runner.ProjectPath, Relative(m.Runner.ProjectPath), StringComparison.Ordinal)
                .Replace(m.Repo + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal))));

        var sb = new StringBuilder();
        sb.AppendLine("# Analyzer cost");
        sb.AppendLine();
        sb.AppendLine("Written by `tests/FaceCompliance.Benchmarks/AnalyzerCost`; re-run it rather than editing this page.");
        sb.AppendLine("It builds a generated project without extra analyzers (`none`), with the FaceCompliance analyzers (`ours`)");
        sb.AppendLine("and with Microsoft.CodeAnalysis.BannedApiAnalyzers 5.6.0 told about the same vendor APIs (`banned`).");
        sb.AppendLine();
        if (p.Files < 1000 || o.Runs < 5)
        {
            sb.AppendLine("> **Smoke run** (fewer than 1,000 files or 5 runs): it shows that the benchmark works, not what the");
            sb.AppendLine("> analyzers cost. Measure with the defaults (`--files 1000 --runs 5`) on an otherwise idle machine.");
            sb.AppendLine();
        }

        sb.AppendLine("| | |");
        sb.AppendLine("|---|---|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| date | {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| machine | {Environment.ProcessorCount} cores{CpuModel()}, {RuntimeInformation.OSDescription.Trim()} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| .NET SDK | {(sdk.Length > 0 ? sdk : "?")} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| commit | {(commit.Length > 0 ? commit : "?")}{(dirty.Length > 0 ? " (src/ has uncommitted changes)" : string.Empty)} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| project | N = {p.Files:N0} generated files (+{p.SharedFiles} shared: vendor SDK, purpose, consent), {p.Lines:N0} lines, {p.FacialFiles} files with facial data, {p.UseSites} vendor API calls; seed {p.Seed} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| runs | R = {o.Runs} timed builds per configuration, interleaved, after one warm-up build each; compiler server warm |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| load average | {m.LoadBefore} before the timed builds, {m.LoadAfter} after (1, 5, 15 min; on an idle machine well below the core count) |");
        sb.AppendLine();
        sb.AppendLine("## Results");
        sb.AppendLine();
        sb.Append(Table(m));
        sb.AppendLine();
        foreach (var goal in Goals(m))
        {
            sb.AppendLine(goal);
        }

        sb.AppendLine();
        sb.AppendLine("Wall time is the whole `dotnet build` process. \"added analyzer\" is the time the compiler reports for the");
        sb.AppendLine("configuration's own analyzer assemblies, \"all analyzers\" its total analyzer execution time (including the SDK's");
        sb.AppendLine(".NET analyzers), from the median of R builds with `-p:ReportAnalyzer=true`; analyzer times add up the time on every thread.");
        sb.AppendLine();
        sb.AppendLine("Every run (s):");
        sb.AppendLine();
        foreach (var (config, times) in m.WallSeconds)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {config}: {string.Join(", ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}");
        }

        sb.AppendLine();
        sb.AppendLine("Analyzer assemblies (s):");
        sb.AppendLine();
        foreach (var (config, report) in m.Analyzers)
        {
            var assemblies = report.SecondsByAssembly.Where(kv => kv.Value >= 0.001).OrderByDescending(kv => kv.Value)
                .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:F3}"));
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {config}: {string.Join(", ", assemblies)}");
        }

        foreach (var (config, report) in m.Analyzers)
        {
            if (OwnAnalyzer(config) is not { } own)
            {
                continue;
            }

            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"{own.Display} by analyzer, `{config}` (s):");
            sb.AppendLine();
            foreach (var (analyzer, seconds) in report.AnalyzersOf(own.Fragment))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {analyzer}: {seconds:F3}");
            }
        }

        foreach (var note in m.Notes)
        {
            sb.AppendLine();
            sb.AppendLine("Note: " + note);
        }

        sb.AppendLine();
        sb.AppendLine("## Commands");
        sb.AppendLine();
        sb.AppendLine("```sh");
        sb.AppendLine("# the benchmark, from the repository root");
        sb.AppendLine("dotnet run -c Release --project tests/FaceCompliance.Benchmarks/AnalyzerCost -- "
            + string.Join(" ", o.Arguments.Select(BuildRunner.Quote)));
        sb.AppendLine();
        sb.AppendLine("# what it runs, for <config> in " + string.Join(", ", o.Configs));
        sb.AppendLine("# 1. restore, once per configuration (each has its own obj/<config>/ and bin/<config>/)");
        sb.AppendLine(Command(m.Runner.RestoreArguments("<config>")));
        sb.AppendLine("# 0. once: dotnet build src/Analyzers/FaceCompliance.Analyzers -c Release (the assembly `ours` loads)");
        sb.AppendLine("# 2. warm-up: builds the referenced runtime project, loads the analyzers into the compiler server");
        sb.AppendLine(Command(m.Runner.WarmUpArguments("<config>")));
        sb.AppendLine("# 3. timed, R rounds, configurations interleaved (rotated each round); the references are not rebuilt");
        sb.AppendLine(Command(m.Runner.TimedArguments("<config>")));
        sb.AppendLine("# 4. analyzer times, R rounds, median kept; the log is parsed for 'Total analyzer execution time'");
        sb.AppendLine(Command(m.Runner.AnalyzerReportArguments("<config>")));
        if (!o.KeepBuildServers)
        {
            sb.AppendLine("# 5. at the end");
            sb.AppendLine("dotnet build-server shutdown");
        }

        sb.AppendLine("```");
        sb.AppendLine();
        sb.AppendLine("The generated project (`artifacts/bench/analyzer-cost/`, git-ignored) selects the configuration with");
        sb.AppendLine("`-p:BenchConfig`: `ours` adds the Release build of `FaceCompliance.Analyzers.dll` as an `Analyzer` item, as a");
        sb.AppendLine("package would, and `FacialDataApis.txt`; `banned` adds the BannedApiAnalyzers package and `BannedSymbols.txt`");
        sb.AppendLine("with the same ids, RS0030 set to warning. The compiler server and node reuse are turned on explicitly because");
        sb.AppendLine("CI-like environments turn them off (`UseSharedCompilation=false`, `MSBUILDDISABLENODEREUSE=1`).");
        return sb.ToString();
    }

    private static string Ratio(List<double> times, List<double>? none, Func<IEnumerable<double>, double> statistic) =>
        none is null || ReferenceEquals(times, none) ? "–" : Percent((statistic(times) / statistic(none)) - 1);

    private static string Percent(double ratio) => ratio.ToString("+0.0 %;-0.0 %;0.0 %", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The 1, 5 and 15 minute load averages, to tell a measurement on a busy machine.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg")
                ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
                : "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                : null;
            return line is null ? string.Empty : " (" + line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() + ")";
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
