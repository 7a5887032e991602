using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>
/// Code fixes on markup snippets. <c>before</c> must report what it marks; the fix is applied in a workspace whose
/// compilation is analyzed again, so the fix gets real diagnostics (with their properties); the result must equal
/// <c>after</c>, which is markup too and must report what it marks.
/// </summary>
public static class CodeFixTest
{
    /// <summary>Applies the action titled <paramref name="actionTitle"/> (or the first) to the first fixable marked diagnostic.</summary>
    public static async Task VerifyAsync<TFix>(string before, string after, string? actionTitle = null)
        where TFix : CodeFixProvider, new()
    {
        await new AnalyzerTest(before).RunAsync();
        var (document, targets) = await OpenAsync<TFix>(before, prelude: true);
        var actions = await GetActionsAsync(new TFix(), document, targets[0]);
        var chosen = actionTitle is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.Title == actionTitle);
        Assert.True(chosen is not null, $"No code action{(actionTitle is null ? "" : $" titled '{actionTitle}'")} was offered; offered: {string.Join(", ", actions.Select(a => a.Title))}");

        await AssertResultAsync(chosen!, document.Id, after);
    }

    /// <summary>Applies Fix All in the document for the action titled <paramref name="actionTitle"/>.</summary>
    public static async Task VerifyFixAllAsync<TFix>(string before, string after, string actionTitle)
        where TFix : CodeFixProvider, new()
    {
        await new AnalyzerTest(before).RunAsync();
        var fix = new TFix();
        var (document, targets) = await OpenAsync<TFix>(before, prelude: true);
        var context = new FixAllContext(document, fix, FixAllScope.Document, actionTitle, fix.FixableDiagnosticIds, new FixedDiagnostics(targets), CancellationToken.None);
        var action = await fix.GetFixAllProvider()!.GetFixAsync(context);
        Assert.True(action is not null, "Fix All produced no code action.");
        await AssertResultAsync(action!, document.Id, after);
    }

    /// <summary>The titles <typeparamref name="TFix"/> offers for each marked diagnostic it fixes in Test0.cs, in order.</summary>
    public static async Task<ImmutableArray<string>> GetTitlesAsync<TFix>(string source, bool prelude = true)
        where TFix : CodeFixProvider, new()
    {
        var test = new AnalyzerTest(source);
        await (prelude ? test : test.WithoutPrelude()).RunAsync();
        var (document, targets) = await OpenAsync<TFix>(source, prelude);
        var titles = ImmutableArray.CreateBuilder<string>();
        foreach (var target in targets)
        {
            titles.AddRange((await GetActionsAsync(new TFix(), document, target)).Select(a => a.Title));
        }

        return titles.ToImmutable();
    }

    /// <summary>
    /// For fixes that edit the project's additional files (FC0010): checks the markup of <paramref name="source"/>
    /// with <paramref name="additionalFiles"/> beside it, applies the action titled <paramref name="actionTitle"/> to
    /// the first fixable marked diagnostic (or, with <paramref name="fixAllKey"/>, Fix All in the project for that
    /// equivalence key), and returns every additional document afterwards, by file path. The project file is
    /// <see cref="ProjectFilePath"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> FixAdditionalFilesAsync<TFix>(string source, IReadOnlyList<(string Name, string Text)> additionalFiles,
        string? actionTitle = null, string? fixAllKey = null, bool prelude = true)
        where TFix : CodeFixProvider, new()
    {
        var test = prelude ? new AnalyzerTest(source) : new AnalyzerTest(source).WithoutPrelude();
        foreach (var (name, text) in additionalFiles)
        {
            test.WithAdditionalFile(name, text);
        }

        await test.CheckingNoticeApproval().RunAsync();
        var fix = new TFix();
        var (document, targets) = await OpenAsync<TFix>(source, prelude, additionalFiles);
        CodeAction? chosen;
        if (fixAllKey is not null)
        {
            var context = new FixAllContext(document.Project, fix, FixAllScope.Project, fixAllKey, fix.FixableDiagnosticIds, new FixedDiagnostics(targets), CancellationToken.None);
            chosen = await fix.GetFixAllProvider()!.GetFixAsync(context);
            Assert.True(chosen is not null, "Fix All produced no code action.");
        }
        else
        {
            var actions = await GetActionsAsync(fix, document, targets[0]);
            chosen = actionTitle is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.Title == actionTitle);
            Assert.True(chosen is not null, $"No code action{(actionTitle is null ? "" : $" titled '{actionTitle}'")} was offered; offered: {string.Join(", ", actions.Select(a => a.Title))}");
        }

        var operations = await chosen!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in changed.GetProject(document.Project.Id)!.AdditionalDocuments)
        {
            result.Add(file.FilePath ?? file.Name, (await file.GetTextAsync()).ToString());
        }

        Assert.Equal(Markup.Strip(source), (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString());
        return result;
    }

    /// <summary>The project file of the code-fix workspace; additional files given by name live beside it.</summary>
    public const string ProjectFilePath = AnalyzerTest.Directory + "/TestProject.csproj";

    /// <summary>
    /// A workspace holding the snippet as Test0.cs (and the prelude, and any additional files), and the
    /// diagnostics of Test0.cs that the fix handles.
    /// </summary>
    private static async Task<(Document Document, ImmutableArray<Diagnostic> Targets)> OpenAsync<TFix>(string markup, bool prelude,
        IReadOnlyList<(string Name, string Text)>? additionalFiles = null)
        where TFix : CodeFixProvider, new()
    {
        var sources = new List<(string Path, string Text)> { ($"{AnalyzerTest.Directory}/Test0.cs", Markup.Strip(markup)) };
        if (prelude)
        {
            sources.Add(($"{AnalyzerTest.Directory}/Prelude.cs", Prelude.Source));
        }

        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var options = AnalyzerTest.CreateCompilation(sources, null).Options;
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
            filePath: ProjectFilePath, compilationOptions: options, parseOptions: new CSharpParseOptions(LanguageVersion.Latest), metadataReferences: TestReferences.All));
        var testDocument = DocumentId.CreateNewId(projectId);
        foreach (var (path, text) in sources)
        {
            var id = path.EndsWith("/Test0.cs", StringComparison.Ordinal) ? testDocument : DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(id, System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        foreach (var (name, text) in additionalFiles ?? Array.Empty<(string, string)>())
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(Markup.Strip(text)),
                filePath: $"{AnalyzerTest.Directory}/{name}");
        }

        var document = solution.GetDocument(testDocument)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var fixable = new TFix().FixableDiagnosticIds;
        var targets = (await compilation.WithAnalyzers(TestReferences.Analyzers, document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync())
            .Where(d => fixable.Contains(d.Id) && d.Location.SourceTree == tree)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Assert.True(targets.Length > 0, $"{typeof(TFix).Name} fixes none of the diagnostics reported in the snippet.");
        return (document, targets);
    }

    private static async Task<List<CodeAction>> GetActionsAsync(CodeFixProvider fix, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task AssertResultAsync(CodeAction action, DocumentId documentId, string after)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedText = (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
        Assert.Equal(Normalize(Markup.Strip(after)), Normalize(fixedText));
        await new AnalyzerTest(after).RunAsync();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
