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
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>
/// Applies one code fix to the first marked diagnostic of <c>before</c> and compares the document with <c>after</c>.
/// Both texts are markup: <c>before</c> must report what it marks, and so must <c>after</c>, the fixed code.
/// </summary>
public static class CodeFixTest
{
    public static async Task VerifyAsync<TFix>(string before, string after, string? actionTitle = null)
        where TFix : CodeFixProvider, new()
    {
        var diagnostics = await new AnalyzerTest(before).RunAsync();
        var fix = new TFix();
        var target = diagnostics.FirstOrDefault(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.GetLineSpan().Path.EndsWith("Test0.cs", StringComparison.Ordinal));
        Assert.True(target is not null, $"{typeof(TFix).Name} fixes none of the diagnostics marked in the snippet.");

        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var compilation = AnalyzerTest.CreateCompilation(new[] { ($"{AnalyzerTest.Directory}/Test0.cs", Markup.Strip(before)), ($"{AnalyzerTest.Directory}/Prelude.cs", Prelude.Source) }, null);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
                compilationOptions: compilation.Options, parseOptions: new CSharpParseOptions(LanguageVersion.Latest), metadataReferences: TestReferences.All));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution
            .AddDocument(documentId, "Test0.cs", SourceText.From(Markup.Strip(before)), filePath: $"{AnalyzerTest.Directory}/Test0.cs")
            .AddDocument(DocumentId.CreateNewId(projectId), "Prelude.cs", SourceText.From(Prelude.Source), filePath: $"{AnalyzerTest.Directory}/Prelude.cs");
        var document = solution.GetDocument(documentId)!;

        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, target!, (action, _) => actions.Add(action), CancellationToken.None));
        var chosen = actionTitle is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.Title == actionTitle);
        Assert.True(chosen is not null, $"No code action{(actionTitle is null ? "" : $" titled '{actionTitle}'")} was offered; offered: {string.Join(", ", actions.Select(a => a.Title))}");

        var operations = await chosen!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedText = (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
        Assert.Equal(Normalize(Markup.Strip(after)), Normalize(fixedText));

        await new AnalyzerTest(after).RunAsync();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
