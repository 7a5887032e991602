using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests;

/// <summary>
/// README's coverage table lists every row of the requirements matrix (../shared/docs/REGULATION.md) that asks for a
/// compile-time check, once, with the rules that check it; every rule it names exists, and a row no rule checks says so.
/// </summary>
public sealed class CoverageTableTests
{
    private static readonly Regex s_ruleId = new(@"FC\d{4}", RegexOptions.CultureInvariant);

    [Fact]
    public void README_lists_every_compile_time_row_of_the_matrix_with_its_rules()
    {
        var matrix = TableRows(Path.Combine(TestReferences.RepositoryRoot, "..", "shared", "docs", "REGULATION.md"))
            .Where(cells => cells.Length > 5 && cells[4].Contains("compile-time", StringComparison.Ordinal))
            .Select(cells => cells[0])
            .ToArray();
        var readme = TableRows(Path.Combine(TestReferences.RepositoryRoot, "README.md")).ToArray();
        var implemented = TestReferences.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();

        Assert.Equal(20, matrix.Length);
        Assert.Equal(matrix.Order(StringComparer.Ordinal), readme.Select(cells => cells[0]).Order(StringComparer.Ordinal));
        foreach (var cells in readme)
        {
            var rules = s_ruleId.Matches(cells[2]).Select(m => m.Value).ToArray();
            Assert.True(rules.Length > 0 || cells[2] == "none", $"{cells[0]}: name the rules that check it, or say none.");
            Assert.All(rules, id => Assert.True(implemented.Contains(id), $"{cells[0]} names {id}, which no analyzer reports."));
        }
    }

    /// <summary>The cells of the table rows whose first cell is a matrix row id (CN-…, PIPL-…).</summary>
    private static System.Collections.Generic.IEnumerable<string[]> TableRows(string path)
        => File.ReadLines(path)
            .Where(line => Regex.IsMatch(line, @"^\| (CN|PIPL)-[A-Z0-9-]+ \|"))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray());
}
