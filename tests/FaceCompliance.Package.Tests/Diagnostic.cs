using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FaceCompliance.Package.Tests;

/// <summary>
/// One located diagnostic line of MSBuild's console output:
/// <c>path(line,col): error FCxxxx: message [project]</c> (also <c>path(line,col,endLine,endCol)</c>).
/// </summary>
/// <param name="Path">The file, as printed.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Id">The diagnostic id, e.g. FC0002.</param>
/// <param name="Message">The message, without the trailing project.</param>
internal sealed record Diagnostic(string Path, int Line, string Severity, string Id, string Message)
{
    private static readonly Regex Located = new(
        @"^\s*(?<path>.+?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\)\s*:\s*(?<severity>error|warning|info)\s+(?<id>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\[\]]+\])?\s*$",
        RegexOptions.CultureInvariant);

    private static readonly Regex AnyDiagnostic = new(@":\s*(?:error|warning)\s+[A-Za-z]+\d+\s*:|:\s*error\s*:", RegexOptions.CultureInvariant);

    /// <summary>The file name without its folder.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>Whether a line reports any error or warning, located or not.</summary>
    /// <param name="line">A line of output.</param>
    /// <returns>Whether it is a diagnostic.</returns>
    public static bool IsAnyDiagnostic(string line) => AnyDiagnostic.IsMatch(line);

    /// <summary>The distinct located diagnostics of an output (MSBuild may print one twice).</summary>
    /// <param name="output">The output lines.</param>
    /// <returns>The diagnostics, in order of first appearance.</returns>
    public static IReadOnlyList<Diagnostic> ParseAll(IEnumerable<string> output)
    {
        var seen = new HashSet<Diagnostic>();
        var result = new List<Diagnostic>();
        foreach (string line in output)
        {
            Match match = Located.Match(line);
            if (!match.Success)
            {
                continue;
            }

            var diagnostic = new Diagnostic(
                match.Groups["path"].Value.Trim(),
                int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value);
            if (seen.Add(diagnostic))
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Path}({Line}): {Severity} {Id}: {Message}";
}
