using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// Reads the <c>// expect FCxxxx</c> markers of a sample: the diagnostics its build must report, each at the line
/// that carries the marker. Scans the project's .cs files and its FacialDataApis*.txt files, outside bin/ and obj/.
/// </summary>
internal static class ExpectationMarkers
{
    private static readonly Regex Marker = new(@"//\s*expect\s+(?<id>FC\d{4})\b", RegexOptions.CultureInvariant);

    /// <summary>The files a sample's markers can be in.</summary>
    /// <param name="projectDirectory">The project folder.</param>
    /// <returns>The files, full paths.</returns>
    public static IReadOnlyList<string> SourceFiles(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*", SearchOption.AllDirectories)
            .Where(path => !IsUnder(projectDirectory, path, "bin") && !IsUnder(projectDirectory, path, "obj"))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal)
                || Path.GetFileName(path) is "FacialDataApis.txt" or "FacialNotice.approved.txt")
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every marker in a project.</summary>
    /// <param name="projectDirectory">The project folder.</param>
    /// <returns>The expected rule at each marked line.</returns>
    public static IReadOnlyList<RuleAtLine> Scan(string projectDirectory)
    {
        var result = new List<RuleAtLine>();
        foreach (string file in SourceFiles(projectDirectory))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Marker.Matches(lines[i]))
                {
                    result.Add(new RuleAtLine(match.Groups["id"].Value, Path.GetFileName(file), i + 1));
                }
            }
        }

        return result;
    }

    private static bool IsUnder(string root, string path, string folder)
    {
        string relative = Path.GetRelativePath(root, path);
        return relative.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
