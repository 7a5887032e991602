using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// Razor compiles components and pages to C# that a source generator writes; the FaceCompliance rules check that code
/// too and report at the .razor and .cshtml lines it came from (docs/semantics.md, "Generated code and Razor"). The
/// project is RazorGate/ beside this file: a Blazor component and a Razor Page that each compare face templates
/// (<c>TemplateComparison.CosineSimilarity</c> in Gate.cs, a <c>[ProcessesFacialData(Verification)]</c> method like the
/// runtime's face APIs) in their markup and in their
/// <c>@code</c>/<c>@functions</c> block.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RazorBuildTests
{
    private static readonly string[] RazorFiles = [Path.Combine("Components", "GateCheck.razor"), Path.Combine("Pages", "Scan.cshtml")];

    private static readonly string[] UseMarkers = ["use-markup", "use-code"];

    /// <summary>
    /// Without <c>@attribute [UsesFacialData&lt;GateEntry&gt;]</c>, <c>@attribute [NonBiometricAlternative]</c> and
    /// the consent checks, the build fails with FC0001, FC0002 and FC0003 at each face call's line and column in
    /// GateCheck.razor and Scan.cshtml, and with nothing else; FC0001 on the markup tells to use <c>@attribute</c>.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Undeclared_face_calls_in_a_component_and_a_page_fail_the_build_at_their_razor_lines()
    {
        string project = CopyProject("razor-undeclared");
        var sources = RazorFiles.Select(file => RazorSource.Read(Path.Combine(project, file))).ToList();
        foreach (RazorSource source in sources)
        {
            source.RemoveDeclarations();
            source.Save();
        }

        BuildResult result = await BuildRunner.BuildAsync(project);

        Assert.True(result.ExitCode != 0, "The undeclared Razor project built successfully.\n" + result.Describe());
        var expected = (
            from source in sources
            from marker in UseMarkers
            from id in new[] { "FC0001", "FC0002", "FC0003" }
            select new RuleAtLine(id, Path.GetFileName(source.Path), source.LineOf(marker))).ToHashSet();
        Assert.Equal(
            expected.Select(e => e.ToString()).Order(StringComparer.Ordinal),
            result.FaceComplianceDiagnostics.Select(d => d.Key.ToString()).Distinct().Order(StringComparer.Ordinal));
        Assert.True(
            result.DiagnosticOutputLines.All(line => DiagnosticLine.IsDiagnostic(line, out string id) && id.StartsWith("FC", StringComparison.Ordinal)),
            "Diagnostics other than FC were reported.\n" + result.Describe());
        foreach (RazorSource source in sources)
        {
            foreach (string marker in UseMarkers)
            {
                // The column too: where the face call starts on its line of the Razor file.
                int column = source.TextOf(marker).IndexOf("Probe.CosineSimilarity", StringComparison.Ordinal) + 1;
                Assert.All(
                    result.FaceComplianceDiagnostics.Where(d => d.IsIn(source.Path) && d.Line == source.LineOf(marker)),
                    d => Assert.Equal(column, d.Column));
            }
        }

        Assert.Contains(
            result.FaceComplianceDiagnostics,
            d => d.Id == "FC0001" && d.FileName == "GateCheck.razor" && d.Line == sources[0].LineOf("use-markup")
                && d.Message.Contains("the generated member 'BuildRenderTree'", StringComparison.Ordinal)
                && d.Message.Contains("its type 'GateCheck' (in a Razor file: @attribute [UsesFacialData<TPurpose>])", StringComparison.Ordinal));
    }

    /// <summary>The same component and page, declared and consent-checked, build with no diagnostic at all.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task The_component_and_the_page_declared_and_checked_build_clean()
    {
        string project = CopyProject("razor-declared");

        BuildResult result = await BuildRunner.BuildAsync(project);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.True(result.DiagnosticOutputLines.Count == 0, result.Describe());
    }

    private static string CopyProject(string name)
    {
        string scratch = RepoPaths.Scratch(name);
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        string source = Path.Combine(RepoPaths.Root, "tests", "FaceCompliance.EndToEnd.Tests", "RazorGate");
        string target = Path.Combine(scratch, "RazorGate");
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }

    /// <summary>
    /// A .razor or .cshtml file of the copy. Lines are found by an <c>e2e: name</c> marker anywhere in them (a C#
    /// comment in code blocks, a Razor comment in markup); directive lines cannot carry one and are found by text.
    /// </summary>
    private sealed class RazorSource
    {
        private readonly List<string> lines;

        private RazorSource(string path, List<string> lines)
        {
            Path = path;
            this.lines = lines;
        }

        public string Path { get; }

        public static RazorSource Read(string path) => new(path, File.ReadAllLines(path).ToList());

        /// <summary>The line (from 1) that carries <c>e2e: name</c>.</summary>
        public int LineOf(string name) => IndexOf(name) + 1;

        public string TextOf(string name) => lines[IndexOf(name)];

        /// <summary>Removes the two <c>@attribute</c> directives and the two lines marked <c>e2e: declared-*</c> (the consent checks).</summary>
        public void RemoveDeclarations()
        {
            Assert.Equal(2, lines.RemoveAll(line => line.StartsWith("@attribute [", StringComparison.Ordinal)));
            Assert.Equal(2, lines.RemoveAll(line => line.Contains("e2e: declared-", StringComparison.Ordinal)));
        }

        public void Save() => File.WriteAllLines(Path, lines);

        private int IndexOf(string name)
        {
            var found = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains($"e2e: {name} ", StringComparison.Ordinal)
                || lines[i].EndsWith($"e2e: {name}", StringComparison.Ordinal)).ToList();
            return found.Count == 1
                ? found[0]
                : throw new InvalidOperationException($"{Path}: expected exactly one line marked `e2e: {name}`, found {found.Count}.");
        }
    }
}
