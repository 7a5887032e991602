using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>
/// Runs every FaceCompliance analyzer on C# snippets written with <see cref="Markup"/> and asserts that the FC
/// diagnostics reported are exactly the marked ones, with no compiler error and no analyzer exception.
/// See Harness/README.md.
/// </summary>
public sealed class AnalyzerTest
{
    public const string Directory = "/0";

    /// <summary>FC0010 depends on the project's FacialNotice.approved.txt, which snippets do not have; see <see cref="CheckingNoticeApproval"/>.</summary>
    public const string NoticeApprovalId = "FC0010";

    public const string ApprovedNoticesFile = "FacialNotice.approved.txt";

    private readonly List<(string Path, string Markup)> _sources = new();
    private readonly List<(string Path, string Markup)> _additionalFiles = new();
    private string? _editorConfig;
    private bool _prelude = true;
    private bool _jurisdiction = true;
    private bool _checkNoticeApproval;

    public AnalyzerTest(string source) => _sources.Add(($"{Directory}/Test0.cs", source));

    /// <summary>Checks the markup of one snippet, with <see cref="Prelude"/> beside it.</summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string source) => new AnalyzerTest(source).RunAsync();

    public AnalyzerTest WithSource(string name, string source)
    {
        _sources.Add(($"{Directory}/{name}", source));
        return this;
    }

    public AnalyzerTest WithAdditionalFile(string name, string text)
    {
        _additionalFiles.Add(($"{Directory}/{name}", text));
        return this;
    }

    public AnalyzerTest WithEditorConfig(string editorConfig)
    {
        _editorConfig = editorConfig;
        return this;
    }

    /// <summary>
    /// Compares FC0010 diagnostics too. Without it, FC0010 is compared only when the test adds a
    /// FacialNotice.approved.txt or marks an FC0010: every other snippet declares purposes that no file approves.
    /// </summary>
    public AnalyzerTest CheckingNoticeApproval()
    {
        _checkNoticeApproval = true;
        return this;
    }

    /// <summary>Leaves out the shared declarations (processor, purposes, engine, consent book).</summary>
    public AnalyzerTest WithoutPrelude()
    {
        _prelude = false;
        return this;
    }

    /// <summary>
    /// Leaves out the China declaration that a snippet without the prelude otherwise gets (<see cref="DefaultJurisdiction"/>),
    /// for tests of FC0100.
    /// </summary>
    public AnalyzerTest WithoutJurisdiction()
    {
        _jurisdiction = false;
        return this;
    }

    /// <summary>Compiles, analyzes, asserts; returns the FC diagnostics for further assertions (severity, message).</summary>
    public async Task<ImmutableArray<Diagnostic>> RunAsync()
    {
        var expected = new List<ExpectedDiagnostic>();
        var sources = new List<(string Path, string Text)>();
        foreach (var (path, markup) in Inputs(_sources))
        {
            var (text, marks) = Markup.Parse(markup, path);
            sources.Add((path, text));
            expected.AddRange(marks);
        }

        var files = new List<AdditionalText>();
        foreach (var (path, markup) in _additionalFiles)
        {
            var (text, marks) = Markup.Parse(markup, path);
            files.Add(new InMemoryAdditionalText(path, text));
            expected.AddRange(marks);
        }

        var result = await Analyze(sources, files, _editorConfig);
        Assert.True(result.CompilerErrors.IsEmpty, "The snippet does not compile:\n" + string.Join("\n", result.CompilerErrors.Select(Describe)));
        Assert.True(result.Exceptions.IsEmpty, "An analyzer threw:\n" + string.Join("\n", result.Exceptions));

        var checkNoticeApproval = _checkNoticeApproval
            || expected.Any(e => e.Id == NoticeApprovalId)
            || _additionalFiles.Any(f => System.IO.Path.GetFileName(f.Path).Equals(ApprovedNoticesFile, StringComparison.OrdinalIgnoreCase));
        var actual = checkNoticeApproval ? result.Diagnostics : result.Diagnostics.Where(d => d.Id != NoticeApprovalId).ToImmutableArray();
        var actualKeys = actual.Select(d => new ExpectedDiagnostic(d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan)).ToList();
        var missing = expected.Where(e => !actualKeys.Contains(e)).ToList();
        var unexpected = actual.Where(d => !expected.Contains(new ExpectedDiagnostic(d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan))).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var report = new StringBuilder();
            foreach (var e in missing)
            {
                var text = sources.Concat(files.Select(f => (f.Path, f.GetText()!.ToString()))).First(s => s.Item1 == e.Path).Item2;
                report.AppendLine($"missing    {e.Id} at {e.Path}: '{text.Substring(e.Span.Start, e.Span.Length)}'");
            }

            foreach (var d in unexpected)
            {
                report.AppendLine("unexpected " + Describe(d));
            }

            Assert.Fail("The diagnostics differ from the markup:\n" + report);
        }

        return actual;
    }

    private IEnumerable<(string Path, string Markup)> Inputs(List<(string Path, string Markup)> sources)
        => _prelude ? sources.Append(($"{Directory}/Prelude.cs", Prelude.Source))
        : _jurisdiction && !DefaultJurisdiction.DeclaredIn(sources.Select(s => s.Markup)) ? sources.Append(($"{Directory}/{DefaultJurisdiction.FileName}", DefaultJurisdiction.Source))
        : sources;

    internal sealed record AnalysisResult(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompilerErrors, ImmutableArray<string> Exceptions);

    /// <summary>Compiles the sources and runs every analyzer; FC and AD diagnostics only.</summary>
    internal static async Task<AnalysisResult> Analyze(IReadOnlyList<(string Path, string Text)> sources, IReadOnlyList<AdditionalText> files, string? editorConfig)
    {
        var compilation = CreateCompilation(sources, editorConfig);
        var options = new EditorConfigOptions(editorConfig, Directory);
        var exceptions = new ConcurrentQueue<string>();
        var analyzerOptions = new AnalyzerOptions(files.ToImmutableArray(), options.CreateAnalyzerOptions(compilation.SyntaxTrees, files));
        var withAnalyzers = compilation.WithAnalyzers(TestReferences.Analyzers, new CompilationWithAnalyzersOptions(
            analyzerOptions,
            (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        foreach (var crash in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(crash.GetMessage());
        }

        return new AnalysisResult(
            diagnostics.Where(d => d.Id.StartsWith("FC", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray(),
            compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray(),
            exceptions.ToImmutableArray());
    }

    internal static CSharpCompilation CreateCompilation(IReadOnlyList<(string Path, string Text)> sources, string? editorConfig)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), parseOptions, s.Path)).ToList();
        // Top-level statements make a program: a library with them does not compile (CS8805).
        var outputKind = trees.Any(t => t.GetRoot() is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax root
                && root.Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax))
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var options = new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable)
            .WithSyntaxTreeOptionsProvider(new EditorConfigOptions(editorConfig, Directory).CreateTreeOptions(trees));
        return CSharpCompilation.Create("TestProject", trees, TestReferences.All, options);
    }

    internal static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = span.Path.Length == 0 ? "(no location)" : $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        var text = d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan);
        return $"{d.Id} at {where}{(text is null ? "" : $": '{text}'")}: {d.GetMessage()}";
    }
}
