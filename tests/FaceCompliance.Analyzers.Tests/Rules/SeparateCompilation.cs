using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// What <see cref="AnalyzerTest"/> does not offer: snippets in the preview language version (C# 14 extension blocks
/// with Roslyn 4.14) and snippets that reference another compiled assembly. Same contract: the FC diagnostics
/// (FC0010 aside) equal the markup, the snippet compiles, no analyzer throws.
/// </summary>
internal static class SeparateCompilation
{
    private static readonly CSharpParseOptions s_preview = new(LanguageVersion.Preview);

    /// <summary>Compiles <paramref name="source"/> (no markup) with the prelude into a library and returns a reference to it.</summary>
    public static MetadataReference CompileLibrary(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(assemblyName,
            new[] { Parse(source, "/lib/Library.cs"), Parse(Prelude.Source, "/lib/Prelude.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, "The library does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>Checks the markup of one snippet in the preview language version, with the prelude unless a reference brings it.</summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, MetadataReference? library = null)
    {
        var (text, expected) = Markup.Parse(markup, $"{AnalyzerTest.Directory}/Test0.cs");
        var trees = library is null
            ? new[] { Parse(text, $"{AnalyzerTest.Directory}/Test0.cs"), Parse(Prelude.Source, $"{AnalyzerTest.Directory}/Prelude.cs") }
            : new[] { Parse(text, $"{AnalyzerTest.Directory}/Test0.cs") };
        var references = library is null ? TestReferences.All : TestReferences.All.Add(library);
        var compilation = CSharpCompilation.Create("TestProject", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));

        var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(TestReferences.Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        var diagnostics = (await withAnalyzers.GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id.StartsWith("FC", StringComparison.Ordinal) && d.Id != AnalyzerTest.NoticeApprovalId)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Assert.Empty(exceptions);
        Assert.Equal(
            expected.Select(e => $"{e.Id} at {e.Path}{e.Span}: '{text.Substring(e.Span.Start, e.Span.Length)}'").OrderBy(s => s, StringComparer.Ordinal),
            diagnostics.Select(d => $"{d.Id} at {d.Location.SourceTree!.FilePath}{d.Location.SourceSpan}: '{d.Location.SourceTree.GetText().ToString(d.Location.SourceSpan)}'")
                .OrderBy(s => s, StringComparer.Ordinal));
        return diagnostics;
    }

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), s_preview, path);
}
