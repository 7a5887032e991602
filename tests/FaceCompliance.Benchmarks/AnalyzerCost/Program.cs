using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FaceCompliance.Benchmarks.AnalyzerCost;

/// <summary>
/// Measures the build-time cost of the FaceCompliance analyzers on a large generated project.
/// <code>
/// dotnet run -c Release --project tests/FaceCompliance.Benchmarks/AnalyzerCost -- [options]
///   --files N           generated source files (default 1000)
///   --runs R            timed builds per configuration (default 5)
///   --configs a,b,c     configurations to build, from none, ours, banned (default all three)
///   --seed S            generator seed (default 20251122)
///   --out PATH          report file (default docs/benchmarks/analyzer-cost.md; "-" for none)
///   --generate-only     write the project and stop
///   --keep-build-servers  do not run `dotnet build-server shutdown` at the end
/// </code>
/// </summary>
internal static class Program
{
    internal static readonly string[] AllConfigs = ["none", "ours", "banned"];

    private static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: [--files N] [--runs R] [--configs none,ours,banned] [--seed S] [--out PATH|-] [--generate-only] [--keep-build-servers]");
            return 2;
        }

        var repo = FindRepoRoot();
        if (repo is null)
        {
            Console.Error.WriteLine("Cannot find the FaceCompliance repository root (run from inside the repository).");
            return 2;
        }

        var work = Path.Combine(repo, "artifacts", "bench", "analyzer-cost");
        Console.WriteLine($"Generating {options.Files} files (seed {options.Seed}) in {work} ...");
        var project = ProjectGenerator.Generate(work, repo, options.Files, options.Seed);
        Console.WriteLine($"  {project.Files} + {project.SharedFiles} files, {project.Lines:N0} lines, {project.FacialFiles} with facial data, {project.UseSites} vendor API use sites.");
        if (options.GenerateOnly)
        {
            return 0;
        }

        var runner = new BuildRunner(project.ProjectPath, Path.Combine(work, "logs"));
        try
        {
            return await MeasureAsync(options, repo, project, runner);
        }
        catch (BenchmarkFailure e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine("FAILED: " + e.Message);
            return 1;
        }
        finally
        {
            if (!options.KeepBuildServers)
            {
                Console.WriteLine("Shutting down build servers (dotnet build-server shutdown) ...");
                await BuildRunner.ShutdownBuildServersAsync();
            }
        }
    }

    private static async Task<int> MeasureAsync(Options options, string repo, GeneratedProject project, BuildRunner runner)
    {
        var configs = options.Configs;

        if (configs.Contains("ours"))
        {
            // A package ships a Release build and MSBuild loads it as a file: no project to evaluate on each build.
            Console.WriteLine("Building the FaceCompliance analyzers (Release) ...");
            var analyzerProject = Path.Combine(repo, "src", "Analyzers", "FaceCompliance.Analyzers", "FaceCompliance.Analyzers.csproj");
            Check(await BuildRunner.RunAsync("dotnet", ["build", analyzerProject, "-c", "Release", "-nologo", "-v:q"]), "Release build of the analyzers");
        }

        Console.WriteLine("Restoring each configuration once ...");
        foreach (var config in configs)
        {
            Check(await runner.RestoreAsync(config), $"restore of '{config}'");
        }

        Console.WriteLine("Warm-up build per configuration (also builds the referenced projects and checks the diagnostics) ...");
        var notes = new List<string>();
        foreach (var config in configs)
        {
            var warmUp = await runner.WarmUpAsync(config);
            Check(warmUp, $"warm-up build of '{config}'" + (config == "ours"
                ? $" (is {ProjectGenerator.AnalyzerAssembly(repo)} there? Measure the others with --configs none,banned)"
                : string.Empty));
            notes.AddRange(CheckDiagnostics(config, warmUp, project));
            Console.WriteLine($"  {config,-6} {warmUp.Elapsed.TotalSeconds,6:F2} s");
        }

        Console.WriteLine($"Timed builds: {options.Runs} per configuration, interleaved ...");
        var times = configs.ToDictionary(c => c, _ => new List<double>());
        var loadBefore = Report.LoadAverage();
        for (var run = 0; run < options.Runs; run++)
        {
            // Rotate the order each round so that no configuration always follows the same one.
            foreach (var config in configs.Skip(run % configs.Count).Concat(configs.Take(run % configs.Count)))
            {
                var result = await runner.TimedBuildAsync(config);
                Check(result, $"timed build of '{config}'");
                times[config].Add(result.Elapsed.TotalSeconds);
                Console.WriteLine($"  run {run + 1}/{options.Runs}  {config,-6} {result.Elapsed.TotalSeconds,6:F2} s");
            }
        }

        var loadAfter = Report.LoadAverage();
        Console.WriteLine($"Analyzer times ({options.Runs} builds per configuration with -p:ReportAnalyzer=true, interleaved; the median build is kept) ...");
        var reports = configs.ToDictionary(c => c, _ => new List<AnalyzerReport>());
        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var config in configs)
            {
                var (result, report, log) = await runner.AnalyzerReportBuildAsync(config);
                Check(result, $"ReportAnalyzer build of '{config}'");
                if (report.Compilations == 0)
                {
                    throw new BenchmarkFailure($"no 'Total analyzer execution time' in {log}.");
                }

                var own = Report.OwnAnalyzer(config);
                if (own is not null && report.SecondsFor(own.Value.Fragment) is null)
                {
                    throw new BenchmarkFailure($"'{config}' ran no {own.Value.Fragment} analyzer: it is missing from the analyzer report in {log}.");
                }

                reports[config].Add(report);
            }
        }

        var analyzerReports = new Dictionary<string, AnalyzerReport>();
        foreach (var config in configs)
        {
            // The report whose own-analyzer time (or total, for 'none') is the median of the runs.
            var own = Report.OwnAnalyzer(config);
            var ordered = reports[config].OrderBy(r => own is { } o ? r.SecondsFor(o.Fragment) ?? 0 : r.TotalSeconds).ToList();
            var report = ordered[ordered.Count / 2];
            analyzerReports[config] = report;
            Console.WriteLine($"  {config,-6} total {report.TotalSeconds:F3} s; "
                + string.Join("; ", report.SecondsByAssembly.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:F3} s")));
        }

        var measurement = new Measurement(project, options, repo, times, analyzerReports, notes, runner, loadBefore, loadAfter);
        var markdown = await Report.WriteAsync(measurement);
        Console.WriteLine();
        Console.WriteLine(Report.Table(measurement));
        Console.WriteLine(string.Join(Environment.NewLine, Report.Goals(measurement)));
        foreach (var note in notes)
        {
            Console.WriteLine("note: " + note);
        }

        if (options.Out is not null)
        {
            var path = Path.GetFullPath(options.Out, repo);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, markdown);
            Console.WriteLine($"Wrote {Path.GetRelativePath(repo, path)}");
        }

        return 0;
    }

    private static void Check(ProcessResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new BenchmarkFailure($"{what} failed.\n{result.Describe()}");
        }
    }

    /// <summary>
    /// The generated code must be compliant; BannedApiAnalyzers must see every vendor call. The generated project has
    /// no notice baseline (FacialNotice.approved.txt), so under 'ours' exactly one FC0010 warning, for its one purpose,
    /// is expected: the rule still runs and is measured.
    /// </summary>
    private static List<string> CheckDiagnostics(string config, ProcessResult build, GeneratedProject project)
    {
        var unapproved = build.Count("FC0010");
        if (config == "ours" && unapproved != 1)
        {
            throw new BenchmarkFailure($"expected one FC0010 (the generated purpose has no approved notice), got {unapproved}.");
        }

        var fc = build.Diagnostics.Where(d => d.Id.StartsWith("FC", StringComparison.Ordinal) && d.Id != "FC0010").ToList();
        if (fc.Count > 0)
        {
            throw new BenchmarkFailure($"the generated project is not compliant under '{config}' ({fc.Count} FC diagnostics):\n  "
                + string.Join("\n  ", fc.Take(15).Select(d => d.Line)));
        }

        if (config == "banned" && build.Count("RS0030") != project.UseSites)
        {
            throw new BenchmarkFailure($"BannedApiAnalyzers reported {build.Count("RS0030")} RS0030 warnings; the generator wrote {project.UseSites} vendor calls.");
        }

        // RS0030 and the one FC0010 are checked above; anything else is worth a note.
        var others = build.Diagnostics.Where(d => d.Id != "RS0030" && !(config == "ours" && d.Id == "FC0010")).ToList();
        return others.Count == 0
            ? []
            : [$"'{config}' build has {others.Count} other diagnostics, first: {others[0].Line}"];
    }

    private static string? FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))
                    && File.Exists(Path.Combine(dir.FullName, "src", "Runtime", "FaceCompliance", "FaceCompliance.csproj")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}

internal sealed class BenchmarkFailure(string message) : Exception(message);

internal sealed record Measurement(
    GeneratedProject Project,
    Options Options,
    string Repo,
    IReadOnlyDictionary<string, List<double>> WallSeconds,
    IReadOnlyDictionary<string, AnalyzerReport> Analyzers,
    IReadOnlyList<string> Notes,
    BuildRunner Runner,
    string LoadBefore,
    string LoadAfter);

internal sealed record Options(int Files, int Runs, IReadOnlyList<string> Configs, int Seed, string? Out, bool GenerateOnly, bool KeepBuildServers)
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static Options Parse(string[] args)
    {
        var options = new Options(1000, 5, Program.AllConfigs, 20251122, "docs/benchmarks/analyzer-cost.md", false, false) { Arguments = args };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Positive(string name)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new ArgumentException($"{name} must be a positive integer, not '{text}'.");
            }

            options = args[i] switch
            {
                "--files" => options with { Files = Positive("--files") },
                "--runs" => options with { Runs = Positive("--runs") },
                "--seed" => options with { Seed = Positive("--seed") },
                "--out" => options with { Out = Value() is var o && o == "-" ? null : o },
                "--configs" => options with { Configs = ParseConfigs(Value()) },
                "--generate-only" => options with { GenerateOnly = true },
                "--keep-build-servers" => options with { KeepBuildServers = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }

    private static string[] ParseConfigs(string text)
    {
        var configs = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = configs.Except(Program.AllConfigs).ToList();
        if (configs.Length == 0 || unknown.Count > 0)
        {
            throw new ArgumentException($"--configs takes a comma-separated list of none, ours, banned; not '{text}'.");
        }

        // Keep the canonical order; 'none' is the baseline of every ratio.
        return Program.AllConfigs.Where(configs.Contains).ToArray();
    }
}
