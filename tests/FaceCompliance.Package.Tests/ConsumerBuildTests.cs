using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Package.Tests;

/// <summary>
/// A fresh project that references FaceCompliance, FaceCompliance.Sqlite and FaceCompliance.Vision by version from the
/// packed feed, built with real <c>dotnet build</c> processes. Each test writes the source and configuration it needs
/// first, so that the order the tests run in does not matter.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests
{
    private readonly PackageFeed feed;
    private readonly ITestOutputHelper output;

    /// <summary>Creates the tests.</summary>
    /// <param name="feed">The packed feed and the restored consumer.</param>
    /// <param name="output">Where timings go.</param>
    public ConsumerBuildTests(PackageFeed feed, ITestOutputHelper output)
    {
        this.feed = feed;
        this.output = output;
        feed.EnsureReady();
        output.WriteLine($"pack: {feed.Pack.Elapsed.TotalSeconds:F0} s, consumer restore: {feed.Restore.Elapsed.TotalSeconds:F0} s");
    }

    private ConsumerProject Consumer => feed.Consumer;

    /// <summary>
    /// Without the consent check the build fails with FC0002 at the face call, and <c>-p:ErrorLog=x.sarif%2Cversion=2.1</c>
    /// (README's command) writes a SARIF 2.1 log whose result names the rule, the error level, Door.cs and the line, and
    /// whose rule entry has the help link to docs/rules/FC0002.md.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task A_violation_fails_the_build_with_FC0002_and_the_SARIF_log_names_rule_help_link_and_location()
    {
        Consumer.WriteSource(compliant: false);
        Consumer.DeleteEditorConfig();
        int line = Consumer.FaceCallLine;
        string sarif = Path.Combine(feed.Root, "violation.sarif");
        File.Delete(sarif);

        DotnetResult build = await Build($"-p:ErrorLog={sarif}%2Cversion=2.1");

        Assert.True(build.ExitCode != 0, "The build with a violation succeeded.\n" + build.Describe());
        Diagnostic fc0002 = Assert.Single(build.FaceComplianceDiagnostics, d => d.Id == "FC0002");
        Assert.Equal(("error", "Door.cs", line), (fc0002.Severity, fc0002.FileName, fc0002.Line));
        Assert.DoesNotContain(build.Diagnostics, d => d.Severity == "error" && d.Id != "FC0002");

        Assert.True(File.Exists(sarif), "No SARIF log was written.\n" + build.Describe());
        using JsonDocument log = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        JsonElement run = log.RootElement.GetProperty("runs")[0];
        JsonElement result = Assert.Single(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "FC0002");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Contains("consent", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        JsonElement location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(Consumer.DoorFile, new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
        Assert.Equal(line, location.GetProperty("region").GetProperty("startLine").GetInt32());

        JsonElement rule = Assert.Single(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "FC0002");
        string helpUri = rule.GetProperty("helpUri").GetString()!;
        Assert.StartsWith("https://", helpUri, StringComparison.Ordinal);
        Assert.EndsWith("/docs/rules/FC0002.md", helpUri, StringComparison.Ordinal);
    }

    /// <summary>
    /// With the consent check the build passes; in the default mode FC0010 (no approved notice yet) is the only
    /// diagnostic, a warning: the analyzers, code fixes and generators load from the package without any failure. FaceComplianceReportPath writes the eight report files, with the declared purpose in
    /// them; the application runs: the generated notice, ONNX Runtime's native library from
    /// runtimes/linux-x64/native, and a SQLite store all work from the packages.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task The_fixed_project_builds_writes_the_report_and_runs()
    {
        Consumer.WriteSource(compliant: true);
        Consumer.DeleteEditorConfig();
        string report = Path.Combine(Consumer.Directory, "compliance-report");
        if (Directory.Exists(report))
        {
            Directory.Delete(report, recursive: true);
        }

        DotnetResult build = await Build("-p:FaceComplianceReportPath=compliance-report");

        Assert.True(build.ExitCode == 0, "The fixed project did not build.\n" + build.Describe());
        Diagnostic fc0010 = Assert.Single(build.FaceComplianceDiagnostics);
        Assert.Equal(("FC0010", "warning", "Declarations.cs"), (fc0010.Id, fc0010.Severity, fc0010.FileName));

        // Nothing else: in particular no analyzer or generator that failed to load or run (CS8032, AD0001, CS8784,
        // CS8785). NU1603 ("a newer version was resolved") depends on the feed, not on the packages: this machine's
        // mirror lacks SQLitePCLRaw 2.1.12, which Microsoft.Data.Sqlite asks for (the repository ignores it too).
        var others = build.Output.Where(Diagnostic.IsAnyDiagnostic)
            .Where(l => !l.Contains(" FC0010:", StringComparison.Ordinal) && !l.Contains(" NU1603:", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(others.Count == 0, "The fixed build reported more than FC0010:\n  " + string.Join("\n  ", others));

        string[] files = ["notice.zh-CN.md", "notice.en.md", "retention.md", "filing.json", "pipia.md", "operating-procedures.md", "authorisation-letter.md", "commitment-letter.md"];
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(report, f)), $"{f} was not written.\n{build.Describe()}"));
        Assert.Contains(ConsumerProject.DescriptionEn, File.ReadAllText(Path.Combine(report, "notice.en.md")), StringComparison.Ordinal);
        Assert.Contains("核验住户身份以开启单元门", File.ReadAllText(Path.Combine(report, "notice.zh-CN.md")), StringComparison.Ordinal);
        using (JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "filing.json"))))
        {
        }

        string binary = Path.GetDirectoryName(Consumer.BuiltAssembly)!;
        Assert.True(File.Exists(Path.Combine(binary, "runtimes", "linux-x64", "native", "libonnxruntime.so")), "libonnxruntime.so is not in the output.");

        DotnetResult run = await DotnetRunner.RunAsync(Consumer.Directory, feed.ConsumerEnvironment,
            [Consumer.BuiltAssembly, Path.Combine(feed.Root, "consumer.db")]);
        output.WriteLine(run.Text);
        Assert.True(run.ExitCode == 0, "The application failed.\n" + run.Describe());
        Assert.Contains("face entry: True", run.Output);
        Assert.Contains("card entry: True", run.Output);
        Assert.Contains(run.Output, l => l.StartsWith("notice version: ", StringComparison.Ordinal) && l.Length == "notice version: ".Length + 16);
        Assert.Contains(run.Output, l => l.StartsWith("notice en: ", StringComparison.Ordinal) && l.Contains(ConsumerProject.DescriptionEn, StringComparison.Ordinal));
        Assert.Contains("vision: FaceCompliance.Vision", run.Output);
        Assert.Contains("onnxruntime: 1.32.0", run.Output);
        Assert.Contains("decoded png: 1x1", run.Output);
        Assert.Contains("sqlite audit valid: True", run.Output);
    }

    /// <summary>FaceComplianceMode=none: the violation builds, and no FC diagnostic at all is reported (not even FC0010).</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Mode_none_reports_no_FaceCompliance_diagnostics()
    {
        Consumer.WriteSource(compliant: false);
        Consumer.DeleteEditorConfig();

        DotnetResult build = await Build("-p:FaceComplianceMode=none");

        Assert.True(build.ExitCode == 0, "FaceComplianceMode=none did not let the violation build.\n" + build.Describe());
        Assert.Empty(build.FaceComplianceDiagnostics);
    }

    /// <summary>
    /// FaceComplianceMode=strict turns FC0010, a warning by default, into an error; and the project's .editorconfig
    /// overrides the preset: FC0002, an error in strict, set to warning there, is reported as a warning.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Mode_strict_makes_FC0010_an_error_and_the_editorconfig_overrides_the_preset()
    {
        Consumer.WriteSource(compliant: false);
        Consumer.WriteEditorConfig("dotnet_diagnostic.FC0002.severity = warning");
        try
        {
            DotnetResult build = await Build("-p:FaceComplianceMode=strict");

            Assert.True(build.ExitCode != 0, "The strict build succeeded although FC0010 is an error in strict mode.\n" + build.Describe());
            Assert.Equal(
                new[] { ("FC0002", "warning"), ("FC0010", "error") },
                build.FaceComplianceDiagnostics.Select(d => (d.Id, d.Severity)).Order());
        }
        finally
        {
            Consumer.DeleteEditorConfig();
        }
    }

    /// <summary>A FaceComplianceMode that is not default, strict or none fails the build and says which values are allowed.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task An_unknown_mode_fails_the_build_with_a_clear_message()
    {
        Consumer.WriteSource(compliant: true);
        Consumer.DeleteEditorConfig();

        DotnetResult build = await Build("-p:FaceComplianceMode=lenient");

        Assert.True(build.ExitCode != 0, "FaceComplianceMode=lenient was accepted.\n" + build.Describe());
        Assert.Contains("FaceComplianceMode is 'lenient'; it must be default, strict or none", build.Text, StringComparison.Ordinal);
    }

    private async Task<DotnetResult> Build(params string[] arguments)
    {
        DotnetResult build = await feed.BuildConsumerAsync(arguments);
        output.WriteLine($"{build.CommandLine}: exit {build.ExitCode}, {build.Elapsed.TotalSeconds:F1} s");
        foreach (Diagnostic d in build.Diagnostics)
        {
            output.WriteLine("  " + d);
        }

        return build;
    }
}
