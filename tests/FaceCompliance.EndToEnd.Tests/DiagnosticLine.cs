using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>A rule reported (or expected) at a line of a file: what the tests compare.</summary>
/// <param name="Id">The rule id, e.g. FC0002.</param>
/// <param name="File">The file name, without its folder.</param>
/// <param name="Line">The line, from 1.</param>
internal sealed record RuleAtLine(string Id, string File, int Line)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Id} {File}:{Line}";
}

/// <summary>
/// One located diagnostic line of MSBuild's console output:
/// <c>path(line,col): error FCxxxx: message [project]</c> (also <c>path(line,col,endLine,endCol)</c>).
/// </summary>
/// <param name="Path">The file, as printed.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Id">The diagnostic id, e.g. FC0002 or CS0103.</param>
/// <param name="Message">The message, without the trailing project.</param>
internal sealed record DiagnosticLine(string Path, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Located = new(
        @"^\s*(?<path>.+?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\)\s*:\s*(?<severity>error|warning|info)\s+(?<id>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\[\]]+\])?\s*$",
        RegexOptions.CultureInvariant);

    private static readonly Regex AnyDiagnostic = new(
        @":\s*(?<severity>error|warning)\s+(?<id>[A-Za-z]+\d+)\s*:",
        RegexOptions.CultureInvariant);

    /// <summary>The file name without its folder.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>What the tests compare.</summary>
    public RuleAtLine Key => new(Id, FileName, Line);

    /// <summary>Parses a located diagnostic line.</summary>
    /// <param name="outputLine">A line of build output.</param>
    /// <param name="diagnostic">The diagnostic, when the line is one.</param>
    /// <returns>Whether the line is a located diagnostic.</returns>
    public static bool TryParse(string outputLine, out DiagnosticLine diagnostic)
    {
        Match match = Located.Match(outputLine);
        if (!match.Success)
        {
            diagnostic = null!;
            return false;
        }

        diagnostic = new DiagnosticLine(
            match.Groups["path"].Value.Trim(),
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture),
            match.Groups["severity"].Value,
            match.Groups["id"].Value,
            match.Groups["message"].Value);
        return true;
    }

    /// <summary>Whether a line reports any error or warning, located or not (<c>CSC : error RS2002: ...</c>).</summary>
    /// <param name="outputLine">A line of build output.</param>
    /// <param name="id">The diagnostic id, when it is one.</param>
    /// <returns>Whether the line is a diagnostic.</returns>
    public static bool IsDiagnostic(string outputLine, out string id)
    {
        Match match = AnyDiagnostic.Match(outputLine);
        id = match.Success ? match.Groups["id"].Value : string.Empty;
        return match.Success;
    }

    /// <summary>The distinct located diagnostics of a build's output (MSBuild may print one twice).</summary>
    /// <param name="output">The output lines.</param>
    /// <returns>The diagnostics, in order of first appearance.</returns>
    public static IReadOnlyList<DiagnosticLine> ParseAll(IEnumerable<string> output)
    {
        var seen = new HashSet<DiagnosticLine>();
        var result = new List<DiagnosticLine>();
        foreach (string line in output)
        {
            if (TryParse(line, out DiagnosticLine diagnostic) && seen.Add(diagnostic))
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }

    /// <summary>Whether the diagnostic was reported in the given file (compared as full paths).</summary>
    /// <param name="file">The file.</param>
    /// <returns>Whether it is that file.</returns>
    public bool IsIn(string file) =>
        string.Equals(System.IO.Path.GetFullPath(Path), System.IO.Path.GetFullPath(file), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"{Path}({Line},{Column}): {Severity} {Id}: {Message}";
}
