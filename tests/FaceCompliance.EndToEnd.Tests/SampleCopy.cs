using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// A fresh copy of the compliant sample under <c>artifacts/e2e/&lt;name&gt;/CommunityAccess</c>, to edit and build.
/// The copy stays inside the repository, so the root Directory.Build.props (FaceComplianceRepoRoot,
/// TreatWarningsAsErrors) applies to it exactly as to the original.
/// </summary>
internal sealed class SampleCopy
{
    private SampleCopy(string projectDirectory) => ProjectDirectory = projectDirectory;

    /// <summary>The copy's project folder.</summary>
    public string ProjectDirectory { get; }

    /// <summary>The copy's GateController.cs, the file the mutations edit.</summary>
    public string GateController => Path.Combine(ProjectDirectory, "Gate", "GateController.cs");

    /// <summary>The copy's CommunityEntry.cs, which declares the sample's purpose.</summary>
    public string CommunityEntry => Path.Combine(ProjectDirectory, "CommunityEntry.cs");

    /// <summary>The copy's FacialNotice.approved.txt, the approved notice versions FC0010 compares with.</summary>
    public string ApprovedNotices => Path.Combine(ProjectDirectory, "FacialNotice.approved.txt");

    /// <summary>The assembly the copy's Debug build compiles (obj/, as CoreCompile writes it).</summary>
    public string IntermediateAssembly => Path.Combine(ProjectDirectory, "obj", "Debug", "net10.0", "CommunityAccess.dll");

    /// <summary>Copies samples/CommunityAccess (without bin/, obj/ and the data/ a local run creates), replacing any earlier copy of the same name.</summary>
    /// <param name="name">The test's folder name under artifacts/e2e.</param>
    /// <returns>The copy.</returns>
    public static SampleCopy Create(string name)
    {
        string scratch = RepoPaths.Scratch(name);
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        string target = Path.Combine(scratch, "CommunityAccess");
        CopyDirectory(RepoPaths.CommunityAccess, target);
        return new SampleCopy(target);
    }

    /// <summary>Reads one of the copy's files with its <c>// e2e:</c> markers.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The editable source.</returns>
    public static MarkedSource Read(string path) => new(path, File.ReadAllLines(path));

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (string directory in Directory.EnumerateDirectories(source))
        {
            string name = Path.GetFileName(directory);
            if (name is "bin" or "obj" or "data")
            {
                continue;
            }

            CopyDirectory(directory, Path.Combine(target, name));
        }
    }
}

/// <summary>
/// A source file whose lines are addressed by trailing <c>// e2e: name</c> markers, each of which must occur exactly
/// once. Line numbers are from 1, as compilers print them.
/// </summary>
internal sealed class MarkedSource
{
    private static readonly Regex Marker = new(@"//\s*e2e:\s*(?<name>[A-Za-z0-9-]+)\s*$", RegexOptions.CultureInvariant);
    private readonly List<string> lines;

    /// <summary>Wraps the lines of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="lines">Its lines.</param>
    public MarkedSource(string path, IEnumerable<string> lines)
    {
        Path = path;
        this.lines = lines.ToList();
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The line (from 1) that carries a marker.</summary>
    /// <param name="name">The marker's name, e.g. <c>face-call-b</c>.</param>
    /// <returns>The line number.</returns>
    public int LineOf(string name) => IndexOf(name) + 1;

    /// <summary>The text of the line that carries a marker.</summary>
    /// <param name="name">The marker's name.</param>
    /// <returns>The line's text.</returns>
    public string TextOf(string name) => lines[IndexOf(name)];

    /// <summary>Deletes the line that carries a marker.</summary>
    /// <param name="name">The marker's name.</param>
    /// <returns>This source.</returns>
    public MarkedSource Remove(string name)
    {
        lines.RemoveAt(IndexOf(name));
        return this;
    }

    /// <summary>Moves the line that carries a marker to just after the line that carries another, indented like it.</summary>
    /// <param name="name">The marker of the line to move.</param>
    /// <param name="anchor">The marker of the line it goes after.</param>
    /// <returns>This source.</returns>
    public MarkedSource MoveAfter(string name, string anchor)
    {
        int from = IndexOf(name);
        string moved = lines[from].TrimStart();
        lines.RemoveAt(from);
        int to = IndexOf(anchor);
        string anchorText = lines[to];
        string indent = anchorText.Substring(0, anchorText.Length - anchorText.TrimStart().Length);
        lines.Insert(to + 1, indent + moved);
        return this;
    }

    /// <summary>Replaces text within the line that carries a marker; the text must occur in it.</summary>
    /// <param name="name">The marker's name.</param>
    /// <param name="oldText">The text to replace.</param>
    /// <param name="newText">Its replacement.</param>
    /// <returns>This source.</returns>
    public MarkedSource Replace(string name, string oldText, string newText)
    {
        int index = IndexOf(name);
        if (!lines[index].Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Path}: the line marked `// e2e: {name}` does not contain `{oldText}`.");
        }

        lines[index] = lines[index].Replace(oldText, newText, StringComparison.Ordinal);
        return this;
    }

    /// <summary>Writes the edited lines back to the file.</summary>
    public void Save() => File.WriteAllLines(Path, lines);

    /// <inheritdoc/>
    public override string ToString() => string.Join("\n", lines);

    private int IndexOf(string name)
    {
        var found = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            Match match = Marker.Match(lines[i]);
            if (match.Success && match.Groups["name"].Value == name)
            {
                found.Add(i);
            }
        }

        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException(
                $"{Path}: expected exactly one line ending with `// e2e: {name}`, found {found.Count}. The sample and the end-to-end tests disagree.");
    }
}
