using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests;

/// <summary>Every rule has a help link to its page, a page, and a release-tracking line (Meziantou's RuleHelpUri).</summary>
public sealed class RuleMetadataTests
{
    private static readonly string[] s_descriptorIds = TestReferences.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_rule_of_the_design_is_implemented()
        => Assert.Equal(new[] { "FC0001", "FC0002", "FC0003", "FC0004", "FC0005", "FC0006", "FC0007", "FC0008", "FC0009", "FC0010", "FC0011", "FC0012", "FC0013", "FC0014", "FC0015", "FC0016", "FC0017", "FC0018", "FC0019", "FC0100", "FC0101", "FC0102", "FC0103", "FC0110", "FC0111", "FC0112", "FC0113", "FC0114", "FC0120", "FC0121", "FC0130", "FC0131", "FC0132", "FC1001", "FC1002", "FC1003" }, s_descriptorIds);

    [Fact]
    public void Every_help_link_points_at_an_existing_rule_page()
    {
        foreach (var descriptor in TestReferences.Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            Assert.Equal(RuleIdentifiers.GetHelpUri(descriptor.Id), descriptor.HelpLinkUri);
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            var page = Path.Combine(TestReferences.RepositoryRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} links to {descriptor.HelpLinkUri}, but {page} does not exist.");
            Assert.StartsWith($"# {descriptor.Id}", File.ReadAllLines(page)[0], StringComparison.Ordinal);
        }
    }

    /// <summary>FC0010 (notice not approved) is a warning: a changed notice must not stop a developer's build before the text is reviewed.</summary>
    [Fact]
    public void Every_rule_but_FC0010_is_error_by_default_and_each_is_tracked_for_release()
    {
        var unshipped = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, "src/Analyzers/FaceCompliance.Analyzers/AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in TestReferences.Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            var severity = descriptor.Id == "FC0010" ? Microsoft.CodeAnalysis.DiagnosticSeverity.Warning : Microsoft.CodeAnalysis.DiagnosticSeverity.Error;
            Assert.Equal(severity, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault, $"{descriptor.Id} is not enabled by default.");
            Assert.Matches(new Regex($@"^{descriptor.Id} \| {Regex.Escape(descriptor.Category)} \| {severity} \|", RegexOptions.Multiline), unshipped);
        }
    }

    [Fact]
    public void Rules_index_lists_every_rule()
    {
        var index = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, "docs/rules/README.md"));
        Assert.All(s_descriptorIds, id => Assert.Contains($"[{id}]", index, StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzer_mirror_of_the_processing_method_matches_the_runtime_enum()
        => Assert.Equal(
            Enum.GetValues<FaceCompliance.FacialProcessingMethod>().Select(v => (v.ToString(), (int)v)),
            Enum.GetValues<FaceCompliance.Analyzers.Model.ProcessingMethod>().Select(v => (v.ToString(), (int)v)));
}
