using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FaceCompliance.Generators.Tests.Harness;

/// <summary>Compiles sources against the FaceCompliance runtime and runs the generator on them, as a build would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> s_references = FaceCompliance.Tests.Shared.CompilationReferences.FrameworkAndRuntime;

    public static CSharpCompilation Compile(params string[] sources) => Compile(sources.Select((s, i) => ($"Source{i}.cs", s)));

    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources, OutputKind kind = OutputKind.DynamicallyLinkedLibrary,
        ImmutableArray<MetadataReference> references = default) => CSharpCompilation.Create(
        "GeneratorTest",
        sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
        references.IsDefault ? s_references : references,
        new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// What the samples compile against besides the framework and the runtime: the ASP.NET Core shared framework, the
    /// SQLite store (with Microsoft.Data.Sqlite), the PostgreSQL store (with Npgsql) and the vision library, as
    /// samples/CommunityAccess references them; the
    /// Microsoft.Extensions packages the runtime and the sample take at a newer version than the shared framework's
    /// (11.0: registration, redaction) replace the framework's copies, as they do in the sample's build.
    /// </summary>
    private static readonly ImmutableArray<MetadataReference> s_sampleReferences = s_references.AddRange(
        Directory.GetFiles(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!, "*.dll")
            .Where(p => !File.Exists(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, Path.GetFileName(p))) && IsManaged(p))
            .Where(p => !File.Exists(Path.Combine(AppContext.BaseDirectory, Path.GetFileName(p))))
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll").Where(IsManaged))
            .Append(typeof(FaceCompliance.Sqlite.SqliteFacialDataStore).Assembly.Location)
            .Append(typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.Location)
            .Append(typeof(FaceCompliance.PostgreSql.PostgreSqlFacialDataStore).Assembly.Location)
            .Append(typeof(Npgsql.NpgsqlConnection).Assembly.Location)
            .Append(typeof(FaceCompliance.Vision.FaceRecognizer).Assembly.Location)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));

    /// <summary>The sample's own sources, as its build compiles them (an executable when its project says so).</summary>
    public static CSharpCompilation CompileSample(string sample) => Compile(
        Directory.EnumerateFiles(Paths.Sample(sample), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(Paths.Sample(sample), p).Replace('\\', '/'), File.ReadAllText(p))),
        Directory.EnumerateFiles(Paths.Sample(sample), "*.csproj").Any(p => File.ReadAllText(p).Contains("<OutputType>Exe</OutputType>", StringComparison.Ordinal))
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary,
        s_sampleReferences);

    public static GeneratorDriver CreateDriver(string? reportPath = null, IEnumerable<AdditionalText>? additionalTexts = null, string? lawDate = null) => CSharpGeneratorDriver.Create(
        new[] { new FacialDeclarationsGenerator().AsSourceGenerator() },
        additionalTexts: additionalTexts,
        parseOptions: ParseOptions,
        optionsProvider: new BuildProperties(BuildPropertyValues(reportPath, lawDate)),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static ImmutableDictionary<string, string> BuildPropertyValues(string? reportPath, string? lawDate)
    {
        var values = ImmutableDictionary<string, string>.Empty;
        if (reportPath is not null)
        {
            values = values.Add("build_property.FaceComplianceReportPath", reportPath);
        }

        return lawDate is null ? values : values.Add("build_property.FaceComplianceLawDate", lawDate);
    }

    /// <summary>Runs the generator and checks that it neither throws nor produces code that fails to compile.</summary>
    public static (GeneratorRunResult Result, Compilation Output) Run(Compilation compilation, string? reportPath = null,
        IEnumerable<AdditionalText>? additionalTexts = null, string? lawDate = null)
    {
        var driver = CreateDriver(reportPath, additionalTexts, lawDate).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The generated code does not compile:\n" + string.Join("\n", errors));
        return (result, output);
    }

    /// <summary>Generated files by hint name, with the generator's version replaced by %VERSION% for snapshots.</summary>
    public static IReadOnlyDictionary<string, string> Sources(GeneratorRunResult result) => result.GeneratedSources
        .ToDictionary(s => s.HintName, s => s.SourceText.ToString().Replace(GeneratorVersion, "%VERSION%", StringComparison.Ordinal));

    public static string GeneratorVersion { get; } = typeof(FacialDeclarationsGenerator).Assembly.GetName().Version!.ToString();

    /// <summary>An AdditionalFile with the given path and text, such as a FacialNotice.approved.txt.</summary>
    public static AdditionalText AdditionalFile(string path, string text) => new TextFile(path, text);

    /// <summary>The sample's FacialNotice.approved.txt, as its build passes it to the generator.</summary>
    public static AdditionalText[] SampleApprovedNotices(string sample) => Directory.EnumerateFiles(Paths.Sample(sample), "FacialNotice.approved.txt")
        .Select(p => AdditionalFile(p, File.ReadAllText(p)))
        .ToArray();

    private sealed class TextFile(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    private sealed class BuildProperties(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static Options Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
