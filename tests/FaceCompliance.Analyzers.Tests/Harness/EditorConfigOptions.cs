using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Tests.Harness;

/// <summary>
/// Applies <c>.editorconfig</c> text the way the compiler does on the command line: severities through a
/// <see cref="SyntaxTreeOptionsProvider"/> and analyzer options through an <see cref="AnalyzerConfigOptionsProvider"/>.
/// </summary>
internal sealed class EditorConfigOptions
{
    private readonly AnalyzerConfigSet _set;

    public EditorConfigOptions(string? editorConfig, string directory)
    {
        var configs = editorConfig is null
            ? ImmutableArray<AnalyzerConfig>.Empty
            : ImmutableArray.Create(AnalyzerConfig.Parse(editorConfig, directory + "/.editorconfig"));
        _set = AnalyzerConfigSet.Create(configs);
    }

    public SyntaxTreeOptionsProvider CreateTreeOptions(IEnumerable<SyntaxTree> trees)
        => new TreeOptions(trees.ToDictionary(t => t, t => _set.GetOptionsForSourcePath(t.FilePath)), _set.GlobalConfigOptions);

    public AnalyzerConfigOptionsProvider CreateAnalyzerOptions(IEnumerable<SyntaxTree> trees, IEnumerable<AdditionalText> files)
    {
        var byPath = new Dictionary<string, AnalyzerConfigOptions>();
        foreach (var path in trees.Select(t => t.FilePath).Concat(files.Select(f => f.Path)))
        {
            byPath[path] = new DictionaryOptions(_set.GetOptionsForSourcePath(path).AnalyzerOptions);
        }

        return new OptionsProvider(byPath, new DictionaryOptions(_set.GlobalConfigOptions.AnalyzerOptions));
    }

    private sealed class TreeOptions(Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> results, AnalyzerConfigOptionsResult global)
        : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return results.TryGetValue(tree, out var result) && result.TreeOptions.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class OptionsProvider(Dictionary<string, AnalyzerConfigOptions> byPath, AnalyzerConfigOptions global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => byPath.TryGetValue(tree.FilePath, out var options) ? options : global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => byPath.TryGetValue(textFile.Path, out var options) ? options : global;
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
