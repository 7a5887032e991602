using System;
using System.Collections.Generic;
using System.Linq;
using FaceCompliance.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>
/// What the source generator gives each purpose type: FC0010's tests compare with it, because the generated
/// <c>NoticeVersion</c> is the version people read and consent to, so it is what must be approved.
/// </summary>
public static class GeneratedNotices
{
    /// <summary>
    /// Runs the generator on <paramref name="sources"/> (markup removed; with the prelude unless
    /// <paramref name="prelude"/> is false) and returns each completed purpose's <c>PurposeId</c> and
    /// <c>NoticeVersion</c> constants, read from the compiled result. A purpose the generator skips is absent.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Versions(bool prelude, params string[] sources)
    {
        var output = Generate(prelude, sources, out _);

        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>())
        {
            if (type.GetMembers("PurposeId").SingleOrDefault() is IFieldSymbol { ConstantValue: string id }
                && type.GetMembers("NoticeVersion").SingleOrDefault() is IFieldSymbol { ConstantValue: string version })
            {
                versions.Add(id, version);
            }
        }

        return versions;
    }

    /// <summary>
    /// The facts FC0010 reports for each purpose of <paramref name="sources"/> (markup removed, no prelude), by purpose id:
    /// what the code fix writes after the version. Their content is checked against a literal in NoticeApprovalTests.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Facts(params string[] sources)
    {
        var inputs = sources.Select((s, i) => ($"{AnalyzerTest.Directory}/Test{i}.cs", Markup.Strip(s))).ToList();
        var result = AnalyzerTest.Analyze(inputs, System.Array.Empty<AdditionalText>(), null).GetAwaiter().GetResult();
        return result.Diagnostics.Where(d => d.Id == "FC0010").ToDictionary(
            d => d.Properties[FaceCompliance.Analyzers.Rules.NoticeApprovedAnalyzer.PurposeIdProperty]!,
            d => d.Properties[FaceCompliance.Analyzers.Rules.NoticeApprovedAnalyzer.NoticeFactsProperty]!,
            StringComparer.Ordinal);
    }

    /// <summary>The sources the generator adds for <paramref name="sources"/> (markup removed), such as each purpose's notice texts.</summary>
    public static IReadOnlyList<string> Sources(bool prelude, params string[] sources)
    {
        Generate(prelude, sources, out var generated);
        return generated;
    }

    private static Compilation Generate(bool prelude, string[] sources, out IReadOnlyList<string> generated)
    {
        var inputs = sources.Select((s, i) => ($"{AnalyzerTest.Directory}/Test{i}.cs", Markup.Strip(s))).ToList();
        if (prelude)
        {
            inputs.Add(($"{AnalyzerTest.Directory}/Prelude.cs", Prelude.Source));
        }

        var compilation = AnalyzerTest.CreateCompilation(inputs, null);
        CSharpGeneratorDriver.Create(new FacialDeclarationsGenerator().AsSourceGenerator())
            .WithUpdatedParseOptions((CSharpParseOptions)compilation.SyntaxTrees.First().Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The generated code does not compile:\n" + string.Join("\n", errors));
        generated = output.SyntaxTrees.Skip(compilation.SyntaxTrees.Count()).Select(t => t.ToString()).ToList();
        return output;
    }
}
