using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace FaceCompliance.Analyzers.Tests;

/// <summary>
/// Incomplete code is what the IDE analyzes most of the time. Every raw-string snippet of this test project,
/// found by parsing the test sources themselves (so new tests are covered without registration), is cut after
/// each of its tokens and analyzed by every analyzer: no analyzer may throw (AD0001). API-list snippets are
/// cut after every character and given as FacialDataApis.txt, approved-notice lists as FacialNotice.approved.txt
/// beside the prelude's purposes.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Snippets()
    {
        var data = new TheoryData<string>();
        foreach (var snippet in FindSnippets())
        {
            data.Add(snippet.Key);
        }

        return data;
    }

    [Fact]
    public void Snippets_are_found_in_every_test_file_that_has_them()
    {
        var snippets = FindSnippets();
        Assert.True(snippets.Count >= 90, $"Only {snippets.Count} snippets found under {TestReferences.TestProjectDirectory}.");
        Assert.Contains(snippets.Keys, k => k.StartsWith("Rules/ConsentFlowTests.cs:", StringComparison.Ordinal));
        Assert.Contains(snippets.Keys, k => k.StartsWith("Harness/Prelude.cs:", StringComparison.Ordinal));
        Assert.Contains(snippets.Values, IsApprovedNoticeList);
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task No_analyzer_throws_on_any_truncation(string key)
    {
        var text = FindSnippets()[key];
        var failures = new List<string>();
        if (IsApiList(text))
        {
            for (var length = 0; length <= text.Length; length++)
            {
                var file = new InMemoryAdditionalText($"{AnalyzerTest.Directory}/FacialDataApis.txt", text.Substring(0, length));
                var result = await AnalyzerTest.Analyze(new[] { ($"{AnalyzerTest.Directory}/Test0.cs", "class C { }") }, new[] { file }, null);
                failures.AddRange(result.Exceptions.Select(e => $"cut at {length}: {e}"));
            }
        }
        else if (IsApprovedNoticeList(text))
        {
            for (var length = 0; length <= text.Length; length++)
            {
                var file = new InMemoryAdditionalText($"{AnalyzerTest.Directory}/FacialNotice.approved.txt", text.Substring(0, length));
                var sources = new[] { ($"{AnalyzerTest.Directory}/Test0.cs", "class C { }"), ($"{AnalyzerTest.Directory}/Prelude.cs", Prelude.Source) };
                var result = await AnalyzerTest.Analyze(sources, new[] { file }, null);
                failures.AddRange(result.Exceptions.Select(e => $"cut at {length}: {e}"));
            }
        }
        else
        {
            var source = LooksLikeCompilationUnit(text) ? text : Harness.Snippets.InGate(text);
            var cuts = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToArray();
            await Parallel.ForEachAsync(cuts, async (cut, _) =>
            {
                var sources = new[] { ($"{AnalyzerTest.Directory}/Test0.cs", source.Substring(0, cut)), ($"{AnalyzerTest.Directory}/Prelude.cs", Prelude.Source) };
                var result = await AnalyzerTest.Analyze(sources, Array.Empty<AdditionalText>(), null);
                lock (failures)
                {
                    failures.AddRange(result.Exceptions.Select(e => $"cut at {cut}: {e}"));
                }
            });
        }

        Assert.True(failures.Count == 0, $"{failures.Count} analyzer exception(s) on truncations of {key}:\n{string.Join("\n", failures.Take(5))}");
    }

    private static Dictionary<string, string>? s_snippets;

    /// <summary>Every raw string literal in the test sources, markup removed, keyed by file and line.</summary>
    private static Dictionary<string, string> FindSnippets()
    {
        if (s_snippets is not null)
        {
            return s_snippets;
        }

        var snippets = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = TestReferences.TestProjectDirectory;
        foreach (var path in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Where(p => !IsBuildOutput(root, p)).OrderBy(p => p, StringComparer.Ordinal))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path));
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var text = node switch
                {
                    LiteralExpressionSyntax literal when literal.Token.Kind() is SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken
                        => literal.Token.ValueText,
                    InterpolatedStringExpressionSyntax interpolated when interpolated.StringStartToken.Kind() is SyntaxKind.InterpolatedMultiLineRawStringStartToken
                        => string.Concat(interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
                    _ => null,
                };

                if (text is not null && !IsEditorConfig(text))
                {
                    snippets[$"{relative}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}"] = StripMarkup(text);
                }
            }
        }

        return s_snippets = snippets;
    }

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    /// <summary>Lenient: interpolation holes can split markup, so markup tokens are removed one by one.</summary>
    private static string StripMarkup(string text) => Regex.Replace(text, @"\{\|[A-Za-z0-9#]+:|\|\}", "");

    private static bool IsEditorConfig(string text) => text.Contains("root = true", StringComparison.Ordinal) || text.TrimStart().StartsWith("[*", StringComparison.Ordinal);

    private static bool IsApiList(string text) => Regex.IsMatch(text, @"^\s*[TMPFE]:", RegexOptions.Multiline) && !text.Contains("class ", StringComparison.Ordinal);

    /// <summary>
    /// Lines that are '#' comments (not C# directives) or words without C# punctuation, at least one of them a comment:
    /// the shape of FacialNotice.approved.txt.
    /// </summary>
    private static bool IsApprovedNoticeList(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        static bool IsComment(string line) => line.StartsWith('#') && !Regex.IsMatch(line, @"^#\s*(pragma|nullable|if|else|elif|endif|region|endregion|define|undef)\b");
        return lines.Any(IsComment) && lines.All(l => IsComment(l) || !Regex.IsMatch(l, @"[;{}()\[\]=""<>,:]"));
    }

    /// <summary>A whole file declares only namespaces and types; anything else (methods, properties, statements) is members for the gate class.</summary>
    private static bool LooksLikeCompilationUnit(string text)
        => CSharpSyntaxTree.ParseText(text).GetRoot() is CompilationUnitSyntax unit
            && (unit.Members.Count > 0 || unit.AttributeLists.Count > 0)
            && unit.Members.All(m => m is BaseNamespaceDeclarationSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax);
}
