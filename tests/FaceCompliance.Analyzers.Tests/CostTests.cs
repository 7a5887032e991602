using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FaceCompliance.Analyzers.Tests;

/// <summary>
/// No cost without face code: in a compilation with no face SDK and no FaceCompliance reference, no analyzer registers
/// an action that runs per operation, symbol, syntax node, tree or code block (only FC1003's one compilation action,
/// eight type lookups, remains); an unrelated <c>Microsoft.Azure</c> namespace does not wake the built-in catalog; a
/// type of a catalogued SDK does. The same holds where FaceCompliance is referenced but no source file names it or a
/// library built on it, and a face call reached through such a library is still checked. Counted with Roslyn's
/// analyzer telemetry.
/// </summary>
public sealed class CostTests
{
    private const string Plain = """
        namespace Shop
        {
            public class Basket
            {
                public int Count(int[] items) => items.Length;
            }
        }
        """;

    private const string UnrelatedAzure = """
        namespace Microsoft.Azure.WebJobs
        {
            public class FunctionNameAttribute : System.Attribute { }
        }
        """;

    private const string OpenCvStandIn = """
        namespace OpenCvSharp.Face
        {
            public class LBPHFaceRecognizer
            {
                public int Predict(byte[] image) => 0;
            }
        }
        """;

    [Fact]
    public async Task A_compilation_without_face_code_or_FaceCompliance_registers_no_action()
    {
        var telemetry = await TelemetryAsync(withRuntime: false, Plain);

        Assert.All(telemetry, t => Assert.Equal((t.Analyzer, 0), (t.Analyzer, t.Actions)));
    }

    [Fact]
    public async Task A_compilation_that_references_FaceCompliance_but_never_names_it_registers_no_action()
    {
        var telemetry = await TelemetryAsync(withRuntime: true, Plain);

        Assert.All(telemetry, t => Assert.Equal((t.Analyzer, 0), (t.Analyzer, t.Actions)));
    }

    [Fact]
    public async Task Naming_FaceCompliance_activates_the_analyzers()
    {
        var telemetry = await TelemetryAsync(withRuntime: true, Plain, """
            using FaceCompliance;

            namespace Shop
            {
                public static class Templates
                {
                    public static int Dimension(FaceTemplate template) => template.Dimension;
                }
            }
            """);

        Assert.All(
            new[] { "AlternativeRequiredAnalyzer", "AlternativeValidAnalyzer", "ConsentCheckAnalyzer", "PurposeRequiredAnalyzer" },
            name => Assert.True(telemetry.Single(t => t.Analyzer == name).Actions > 0, name));
    }

    /// <summary>
    /// A library built on FaceCompliance hands out a FaceTemplate; the application never writes "FaceCompliance", only
    /// the library's namespace, and its face call is still checked.
    /// </summary>
    [Fact]
    public async Task A_face_call_reached_through_a_library_built_on_FaceCompliance_is_checked()
    {
        var library = CSharpCompilation.Create(
            "Acme.Gallery",
            [CSharpSyntaxTree.ParseText("""
                namespace Acme.Gallery
                {
                    public sealed class Gallery
                    {
                        public FaceCompliance.FaceTemplate Enrolled { get; } = new(new float[] { 1f, 0f });

                        [FaceCompliance.ProcessesFacialData(FaceCompliance.FacialProcessingMethod.Verification)]
                        public float Compare(FaceCompliance.FaceTemplate probe) => 0f;
                    }
                }
                """)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await AnalyzeAsync([library.ToMetadataReference()], """
            namespace Shop
            {
                public static class Matching
                {
                    public static float Score(Acme.Gallery.Gallery gallery) => gallery.Compare(gallery.Enrolled);
                }
            }
            """);

        Assert.Equal(["FC0001", "FC0002", "FC0003"], diagnostics.Select(d => d.Id).Order(System.StringComparer.Ordinal));
    }

    /// <summary>A Unicode escape can spell a name in an identifier without its letters, so it keeps the analyzers on.</summary>
    [Fact]
    public async Task A_name_spelled_with_a_Unicode_escape_is_still_checked()
    {
        var diagnostics = await AnalyzeAsync([], """
            namespace Shop
            {
                public static class Matching
                {
                    public static float Score(F\u0061ceCompliance.Storage.TemplateProtector protector, F\u0061ceCompliance.FaceTemplate template) => protector.Encrypt(default, "s", "p", "t", template).Length;
                }
            }
            """);

        Assert.Equal(["FC0001", "FC0002", "FC0003"], diagnostics.Select(d => d.Id).Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unrelated_Microsoft_Azure_namespace_does_not_activate_the_built_in_catalog()
    {
        var telemetry = await TelemetryAsync(withRuntime: false, Plain, UnrelatedAzure);

        Assert.All(telemetry, t => Assert.Equal((t.Analyzer, 0), (t.Analyzer, t.Actions)));
    }

    [Fact]
    public async Task A_catalogued_sdk_type_activates_the_analyzers()
    {
        var telemetry = await TelemetryAsync(withRuntime: false, Plain, OpenCvStandIn);

        Assert.Contains(telemetry, t => t.Actions > 0);
    }

    // The FC diagnostics of every analyzer on one source file, compiled with the runtime and the given references.
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(MetadataReference[] references, string source)
    {
        var compilation = CSharpCompilation.Create(
            "CostProbe",
            [CSharpSyntaxTree.ParseText(source)],
            TestReferences.All.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(TestReferences.Analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("FC", System.StringComparison.Ordinal)).ToImmutableArray();
    }

    // The runtime and its declarations (FaceCompliance.dll, FaceCompliance.Annotations.dll).
    private static bool IsFaceCompliance(MetadataReference reference)
        => System.IO.Path.GetFileName(reference.Display) is "FaceCompliance.dll" or "FaceCompliance.Annotations.dll";

    // Actions that run per piece of code (not the compilation-level ones), per analyzer.
    private static async Task<ImmutableArray<(string Analyzer, int Actions)>> TelemetryAsync(bool withRuntime, params string[] sources)
    {
        var references = TestReferences.All.Where(r => withRuntime || !IsFaceCompliance(r));
        var compilation = CSharpCompilation.Create(
            "CostProbe",
            sources.Select(s => CSharpSyntaxTree.ParseText(s)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(compilation.References, r => IsFaceCompliance(r) && !withRuntime);

        var withAnalyzers = compilation.WithAnalyzers(TestReferences.Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var result = ImmutableArray.CreateBuilder<(string, int)>();
        foreach (var analyzer in TestReferences.Analyzers)
        {
            var info = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            var actions = info.OperationActionsCount + info.OperationBlockActionsCount + info.OperationBlockStartActionsCount
                + info.SymbolActionsCount + info.SymbolStartActionsCount + info.SyntaxNodeActionsCount + info.SyntaxTreeActionsCount
                + info.CodeBlockActionsCount + info.CodeBlockStartActionsCount + info.SemanticModelActionsCount;
            result.Add((analyzer.GetType().Name, actions));
        }

        return result.ToImmutable();
    }
}
