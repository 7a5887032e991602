using System;
using System.Collections.Generic;
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

public sealed class ScratchDump
{
    [Fact]
    public async Task Dump()
    {
        var before = System.IO.File.ReadAllText("/tmp/scratch/before.cs");
        var lines = System.IO.File.ReadAllLines("/tmp/scratch/title.txt");
        var fix = (CodeFixProvider)Activator.CreateInstance(typeof(FaceCompliance.CodeFixes.CodeFixTitles).Assembly.GetType("FaceCompliance.CodeFixes." + lines[0])!)!;
        var title = lines.Length > 1 ? lines[1] : null;
        var diagnostics = await new AnalyzerTest(before).RunAsync();
        var target = diagnostics.First(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.GetLineSpan().Path.EndsWith("Test0.cs", StringComparison.Ordinal));
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
        var chosen = title is null ? actions.First() : actions.First(a => a.Title == title);
        var operations = await chosen!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var fixedText = (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
        System.IO.File.WriteAllText("/tmp/scratch/actual.cs", string.Join("\n", actions.Select(a => "// " + a.Title)) + "\n" + fixedText);
    }
}
