using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Internals;

/// <summary>Rule options from <c>.editorconfig</c>, keyed <c>&lt;RuleId&gt;.&lt;option&gt;</c> and read per syntax tree.</summary>
internal static class AnalyzerOptionsExtensions
{
    public static int GetInt32Option(this AnalyzerOptions options, string ruleId, string option, SyntaxTree? tree, int defaultValue)
    {
        var key = ruleId + "." + option;
        var config = tree is null ? options.AnalyzerConfigOptionsProvider.GlobalOptions : options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if ((config.TryGetValue(key, out var text) || options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out text))
            && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        return defaultValue;
    }
}
