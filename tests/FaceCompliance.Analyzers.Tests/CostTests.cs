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
/// type of a catalogued SDK does. Counted with Roslyn's analyzer telemetry.
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

    // Actions that run per piece of code (not the compilation-level ones), per analyzer.
    private static async Task<ImmutableArray<(string Analyzer, int Actions)>> TelemetryAsync(bool withRuntime, params string[] sources)
    {
        var references = TestReferences.All.Where(r => withRuntime || !(r.Display ?? string.Empty).EndsWith("FaceCompliance.dll", System.StringComparison.Ordinal));
        var compilation = CSharpCompilation.Create(
            "CostProbe",
            sources.Select(s => CSharpSyntaxTree.ParseText(s)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(compilation.References, r => (r.Display ?? string.Empty).EndsWith("FaceCompliance.dll", System.StringComparison.Ordinal) && !withRuntime);

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
