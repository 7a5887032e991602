using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.CodeFixes;

/// <summary>
/// Lists the code actions a fix offers for the marked diagnostics of a snippet, with or without <see cref="Prelude"/>,
/// for tests that a fix is not offered (or offered with given titles). <see cref="CodeFixTest"/> always adds the
/// prelude and applies one action; this only asks.
/// </summary>
internal static class CodeFixActions
{
    /// <summary>
    /// Checks the snippet's markup like <see cref="AnalyzerTest"/>, then returns the titles <typeparamref name="TFix"/>
    /// registers for each of its marked diagnostics in Test0.cs, in order. Fails when the fix handles none of them.
    /// </summary>
    public static async Task<ImmutableArray<string>> GetTitlesAsync<TFix>(string source, bool prelude = true)
        where TFix : CodeFixProvider, new()
    {
        var test = new AnalyzerTest(source);
        var diagnostics = await (prelude ? test : test.WithoutPrelude()).RunAsync();
        var fix = new TFix();
        var targets = diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.GetLineSpan().Path.EndsWith("Test0.cs", StringComparison.Ordinal)).ToList();
        Assert.True(targets.Count > 0, $"{typeof(TFix).Name} fixes none of the diagnostics marked in the snippet.");

        var sources = new List<(string Path, string Text)> { ($"{AnalyzerTest.Directory}/Test0.cs", Markup.Strip(source)) };
        if (prelude)
        {
            sources.Add(($"{AnalyzerTest.Directory}/Prelude.cs", Prelude.Source));
        }

        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var compilation = AnalyzerTest.CreateCompilation(sources, null);
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
            compilationOptions: compilation.Options, parseOptions: new CSharpParseOptions(LanguageVersion.Latest), metadataReferences: TestReferences.All));
        var documentId = DocumentId.CreateNewId(projectId);
        foreach (var (path, text) in sources)
        {
            var id = path.EndsWith("Test0.cs", StringComparison.Ordinal) ? documentId : DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(id, System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        var document = solution.GetDocument(documentId)!;
        var tree = await document.GetSyntaxTreeAsync();
        var titles = ImmutableArray.CreateBuilder<string>();
        foreach (var target in targets)
        {
            // The diagnostic is re-anchored on the workspace's own tree, so a fix that reads its location sees this document.
            var diagnostic = Diagnostic.Create(target.Id, target.Descriptor.Category, target.GetMessage(CultureInfo.InvariantCulture), target.Severity,
                target.DefaultSeverity, target.Descriptor.IsEnabledByDefault, target.WarningLevel, location: Location.Create(tree!, target.Location.SourceSpan));
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            titles.AddRange(actions.Select(a => a.Title));
        }

        return titles.ToImmutable();
    }
}
