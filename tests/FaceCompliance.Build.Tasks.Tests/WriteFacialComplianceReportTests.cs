using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FaceCompliance.Reports;
using Microsoft.Build.Framework;
using Xunit;

namespace FaceCompliance.Build.Tasks.Tests;

/// <summary>The task writes each constant of the generated report class to its file, and names what is wrong when it cannot.</summary>
public sealed class WriteFacialComplianceReportTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "FaceCompliance.Build.Tasks.Tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    public static TheoryData<string> ConstantNames => new(ReportFiles.All.Select(f => f.Constant));

    [Fact]
    public void Writes_each_constant_to_its_file_as_UTF8_without_BOM_with_LF_line_endings()
    {
        string assembly = CompileSample();
        string output = Path.Combine(scratch, "deep", "new", "report");

        var (task, engine, success) = Run(assembly, output);

        Assert.True(success, Describe(engine));
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.Equal(
            ReportFiles.All.Select(f => f.FileName).OrderBy(n => n, StringComparer.Ordinal),
            Directory.EnumerateFiles(output).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var (constant, fileName) in ReportFiles.All)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(output, fileName));
            Assert.Equal(new UTF8Encoding(false).GetBytes(TestAssemblies.SampleContents[constant]), bytes);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{fileName} starts with a BOM.");
            Assert.DoesNotContain((byte)'\r', bytes);
        }

        Assert.Equal(ReportFiles.All.Select(f => Path.Combine(output, f.FileName)), task.WrittenFiles.Select(i => i.ItemSpec));
        Assert.All(task.WrittenFiles, item => Assert.Equal("true", item.GetMetadata("Updated")));
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.Contains(output, StringComparison.Ordinal) && m.Message.Contains($"{ReportFiles.All.Length} of {ReportFiles.All.Length}", StringComparison.Ordinal));
    }

    [Fact]
    public void Unchanged_files_are_not_rewritten_and_changed_ones_are()
    {
        string output = Path.Combine(scratch, "report");
        Assert.True(Run(CompileSample(), output).Success);
        foreach (var (_, fileName) in ReportFiles.All)
        {
            File.SetLastWriteTimeUtc(Path.Combine(output, fileName), LongAgo);
        }

        // The same constants again, from a fresh compilation: nothing is rewritten.
        var (task, engine, success) = Run(CompileSample("Again"), output);
        Assert.True(success, Describe(engine));
        Assert.All(ReportFiles.All, f => Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(output, f.FileName))));
        Assert.All(task.WrittenFiles, item => Assert.Equal("false", item.GetMetadata("Updated")));
        Assert.Contains(engine.Messages, m => m.Message!.Contains($"0 of {ReportFiles.All.Length}", StringComparison.Ordinal));

        // One constant changed, and one file edited by hand (CRLF): exactly those two are rewritten.
        var contents = new Dictionary<string, string>(TestAssemblies.SampleContents) { ["RetentionMarkdown"] = "# Retention\n\n180 days\n" };
        string edited = Path.Combine(output, "notice.en.md");
        File.WriteAllText(edited, TestAssemblies.SampleContents["NoticeEnglishMarkdown"].Replace("\n", "\r\n", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(edited, LongAgo);

        (task, engine, success) = Run(TestAssemblies.Compile(scratch, TestAssemblies.ReportClass(TestAssemblies.Constants(contents)), "Changed"), output);
        Assert.True(success, Describe(engine));
        string[] rewritten = ["notice.en.md", "retention.md"];
        foreach (var (constant, fileName) in ReportFiles.All)
        {
            string path = Path.Combine(output, fileName);
            Assert.Equal(contents[constant], File.ReadAllText(path));
            Assert.Equal(rewritten.Contains(fileName), File.GetLastWriteTimeUtc(path) != LongAgo);
            Assert.Equal(rewritten.Contains(fileName) ? "true" : "false", task.WrittenFiles.Single(i => i.ItemSpec == path).GetMetadata("Updated"));
        }
    }

    [Fact]
    public void A_relative_output_directory_is_relative_to_the_project_directory()
    {
        string project = Path.Combine(scratch, "project");
        Directory.CreateDirectory(project);

        var (task, engine, success) = Run(CompileSample(), Path.Combine("..", "reports", "compliance"), project);

        Assert.True(success, Describe(engine));
        string expected = Path.Combine(scratch, "reports", "compliance");
        Assert.All(ReportFiles.All, f => Assert.True(File.Exists(Path.Combine(expected, f.FileName)), $"{f.FileName} is missing in {expected}."));
        Assert.All(task.WrittenFiles, item => Assert.Equal(expected, Path.GetDirectoryName(item.ItemSpec)));
    }

    [Fact]
    public void FCB001_when_the_assembly_has_no_generated_report_class()
    {
        string assembly = TestAssemblies.Compile(scratch, "namespace FaceCompliance.Generated { internal static class FacialDataDeclarations { } }\nnamespace Other { internal static class FacialComplianceReport { public const string FilingJson = \"{}\"; } }");
        string output = Path.Combine(scratch, "report");

        var (_, engine, success) = Run(assembly, output);

        Assert.False(success);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("FCB001", error.Code);
        Assert.Contains("FaceComplianceReportPath is set", error.Message, StringComparison.Ordinal);
        Assert.Contains(assembly, error.Message, StringComparison.Ordinal);
        Assert.Contains("FaceCompliance.Generated.FacialComplianceReport", error.Message, StringComparison.Ordinal);
        Assert.Contains("referenced as an analyzer", error.Message, StringComparison.Ordinal);
        Assert.Equal("/fake/FaceCompliance.targets", error.File);
        Assert.False(Directory.Exists(output), "Nothing may be written when the report class is missing.");
    }

    [Theory]
    [MemberData(nameof(ConstantNames))]
    public void FCB002_when_a_constant_is_missing(string missing)
    {
        var contents = TestAssemblies.SampleContents.Where(pair => pair.Key != missing).ToDictionary(pair => pair.Key, pair => pair.Value);
        string assembly = TestAssemblies.Compile(scratch, TestAssemblies.ReportClass(TestAssemblies.Constants(contents)));
        string output = Path.Combine(scratch, "report");

        var (_, engine, success) = Run(assembly, output);

        Assert.False(success);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("FCB002", error.Code);
        string fileName = ReportFiles.All.Single(f => f.Constant == missing).FileName;
        Assert.Contains($"has no string constant '{missing}', the content of {fileName}", error.Message, StringComparison.Ordinal);
        Assert.Contains("FaceCompliance.Generated.FacialComplianceReport", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "No partial report may be written.");
    }

    [Fact]
    public void FCB002_for_a_constant_that_is_not_a_string_or_is_null()
    {
        var members = TestAssemblies.Constants(TestAssemblies.SampleContents.Where(p => p.Key is not ("FilingJson" or "RetentionMarkdown")).ToDictionary(p => p.Key, p => p.Value))
            .Append("public const int FilingJson = 1;")
            .Append("public const string RetentionMarkdown = null;")
            .Append("public static readonly string ImpactAssessment = \"not a constant\";");
        string assembly = TestAssemblies.Compile(scratch, TestAssemblies.ReportClass(members));

        var (_, engine, success) = Run(assembly, Path.Combine(scratch, "report"));

        Assert.False(success);
        Assert.All(engine.Errors, e => Assert.Equal("FCB002", e.Code));
        Assert.Equal(
            ["'RetentionMarkdown', the content of retention.md", "'FilingJson', the content of filing.json"],
            engine.Errors.Select(e => e.Message!.Split("has no string constant ")[1].Split(". ")[0]));
    }

    [Fact]
    public void FCB003_when_the_report_directory_cannot_be_created()
    {
        string file = Path.Combine(scratch, "occupied");
        Directory.CreateDirectory(scratch);
        File.WriteAllText(file, "a file where a folder is needed");
        string output = Path.Combine(file, "report");

        var (_, engine, success) = Run(CompileSample(), output);

        Assert.False(success);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("FCB003", error.Code);
        Assert.StartsWith($"Cannot write the FaceCompliance report to '{output}' (FaceComplianceReportPath '{output}'): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FCB003_when_a_report_file_cannot_be_written()
    {
        string output = Path.Combine(scratch, "report");
        string blocked = Path.Combine(output, "filing.json");
        Directory.CreateDirectory(blocked);

        var (_, engine, success) = Run(CompileSample(), output);

        Assert.False(success);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("FCB003", error.Code);
        Assert.StartsWith($"Cannot write the FaceCompliance report to '{blocked}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FCB003_when_the_report_path_is_empty()
    {
        var (_, engine, success) = Run(CompileSample(), "  ");

        Assert.False(success);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("FCB003", error.Code);
        Assert.Contains("is not a valid folder path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FCB004_when_the_assembly_is_missing_or_not_an_assembly()
    {
        string missing = Path.Combine(scratch, "missing.dll");
        var (_, engine, success) = Run(missing, Path.Combine(scratch, "report"));
        Assert.False(success);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("FCB004", error.Code);
        Assert.StartsWith($"Cannot read the compiled assembly '{missing}' to write the FaceCompliance report: ", error.Message, StringComparison.Ordinal);

        string text = Path.Combine(scratch, "text.dll");
        Directory.CreateDirectory(scratch);
        File.WriteAllText(text, "not a PE file, but long enough to look at its headers. ".PadRight(512, '.'));
        (_, engine, success) = Run(text, Path.Combine(scratch, "report"));
        Assert.False(success);
        Assert.Equal("FCB004", Assert.Single(engine.Errors).Code);
        Assert.False(Directory.Exists(Path.Combine(scratch, "report")));
    }

    [Fact]
    public void The_assembly_is_not_kept_open()
    {
        string assembly = CompileSample();
        Assert.True(Run(assembly, Path.Combine(scratch, "report")).Success);

        // Exclusive access succeeds only when no handle is left open (on any OS).
        using (new FileStream(assembly, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }

        File.Delete(assembly);
    }

    private string CompileSample(string name = "Sample") =>
        TestAssemblies.Compile(scratch, TestAssemblies.ReportClass(TestAssemblies.Constants(TestAssemblies.SampleContents)), name);

    private static (WriteFacialComplianceReport Task, FakeBuildEngine Engine, bool Success) Run(string assembly, string output, string projectDirectory = "")
    {
        var engine = new FakeBuildEngine();
        var task = new WriteFacialComplianceReport
        {
            BuildEngine = engine,
            AssemblyPath = assembly,
            OutputDirectory = output,
            ProjectDirectory = projectDirectory,
        };
        bool success = task.Execute();
        Assert.Equal(success, engine.Errors.Count == 0);
        return (task, engine, success);
    }

    private static string Describe(FakeBuildEngine engine) =>
        "Errors:\n  " + string.Join("\n  ", engine.Errors.Select(e => $"{e.Code}: {e.Message}"));
}
