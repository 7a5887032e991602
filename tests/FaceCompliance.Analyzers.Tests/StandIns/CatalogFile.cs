using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FaceCompliance.Analyzers.Tests.Harness;

namespace FaceCompliance.Analyzers.Tests.StandIns;

/// <summary>The built-in catalog's lines by SDK group (its "// === &lt;package&gt; ..." headers).</summary>
public static class CatalogFile
{
    public static readonly string Path = System.IO.Path.Combine(TestReferences.RepositoryRoot, "src/Analyzers/FaceCompliance.Analyzers/Catalog/FaceSdkCatalog.txt");

    /// <summary>The group names: the first word of each header.</summary>
    public static IReadOnlyList<string> Groups() => File.ReadLines(Path)
        .Where(line => line.StartsWith("// === ", StringComparison.Ordinal))
        .Select(line => line.Substring(7).Split(' ')[0])
        .ToList();

    /// <summary>The lines of one group: the id and the text after ';'.</summary>
    public static IReadOnlyList<(string Id, string Method)> Lines(string group)
    {
        var lines = new List<(string, string)>();
        var inGroup = false;
        foreach (var line in File.ReadLines(Path))
        {
            if (line.StartsWith("// ===", StringComparison.Ordinal))
            {
                inGroup = line.StartsWith("// === " + group + " ", StringComparison.Ordinal);
                continue;
            }

            var content = line.Split("//")[0].Trim();
            if (inGroup && content.Length > 0)
            {
                var parts = content.Split(';');
                lines.Add((parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : string.Empty));
            }
        }

        return lines;
    }
}
