using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared;
using FaceCompliance.Vision;
using Xunit;

namespace FaceCompliance.Calibrate.Tests;

/// <summary>facecompliance-calibrate as a deployer runs it: <c>dotnet FaceCompliance.Calibrate.dll</c> on a folder of photos.</summary>
public sealed class CalibrateToolTests(LibraryFigures library) : IClassFixture<LibraryFigures>
{
    [Fact]
    public async Task A_folder_per_person_gives_the_library_s_threshold_rates_and_pair_counts()
    {
        using var workspace = new Workspace().WithIdentityCrops();

        var run = await workspace.RunAsync(workspace.Photos, "--target-far", "0.001", "--consent-confirmed");

        AssertPrintsTheLibraryFigures(run);
    }

    [Fact]
    public async Task A_csv_of_file_and_person_gives_the_same_figures()
    {
        using var workspace = new Workspace();
        var lines = CalibratePaths.IdentityCrops.Select(crop => $"\"{Path.GetFileName(workspace.Add("all", crop))}\",{Workspace.Person(crop)}");
        var csv = Path.Combine(workspace.Photos, "all", "labels.csv");
        File.WriteAllLines(csv, ["file,person", .. lines]);

        var run = await workspace.RunAsync("--csv", csv, "--consent-confirmed");

        AssertPrintsTheLibraryFigures(run);
    }

    [Fact]
    public async Task It_leaves_no_store_behind_and_prints_both_distributions()
    {
        using var workspace = new Workspace().WithIdentityCrops();

        var run = await workspace.RunAsync(workspace.Photos, "--consent-confirmed");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(StoreFiles(workspace));
        var report = library.Report;
        Assert.Contains(F($"Different-person scores: 700 pairs, mean {report.Impostor.Mean:0.0000}, sd {report.Impostor.StandardDeviation:0.0000}, min {report.Impostor.Minimum:0.0000}, max {report.Impostor.Maximum:0.0000}"), run.Output);
        Assert.Contains(F($"Same-person scores: 80 pairs, mean {report.Genuine.Mean:0.0000}, sd {report.Genuine.StandardDeviation:0.0000}, min {report.Genuine.Minimum:0.0000}, max {report.Genuine.Maximum:0.0000}"), run.Output);
        foreach (var bin in report.Impostor.Histogram.Concat(report.Genuine.Histogram))
        {
            Assert.Contains(run.Output, line => line.StartsWith(F($"  [{bin.From,5:0.00}, {bin.To,5:0.00}) {bin.Count,6}"), StringComparison.Ordinal));
        }

        Assert.Contains(run.Output, line => line.StartsWith("  recommended ", StringComparison.Ordinal) && line.Contains(F($"{report.Threshold:0.0000}"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_consent_confirmation_it_reads_nothing_and_exits_3()
    {
        using var workspace = new Workspace().WithIdentityCrops();

        var run = await workspace.RunAsync(workspace.Photos);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("--consent-confirmed", StringComparison.Ordinal) && line.Contains("No photo was read", StringComparison.Ordinal));
        Assert.Contains(run.Output, line => line.Contains("keep the default threshold 0.391 (FaceMatchThreshold.Default)", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Output, line => line.StartsWith("Threshold:", StringComparison.Ordinal));
        Assert.Empty(StoreFiles(workspace));
    }

    [Fact]
    public async Task A_missing_folder_exits_2_and_names_it()
    {
        using var workspace = new Workspace();
        var missing = Path.Combine(workspace.Root, "nowhere");

        var run = await workspace.RunAsync(missing, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: The photo folder '{missing}' does not exist.", run.Output);
    }

    [Fact]
    public async Task Photos_of_one_person_exit_2()
    {
        using var workspace = new Workspace();
        foreach (var crop in CalibratePaths.IdentityCrops.Where(c => Workspace.Person(c) == "amy"))
        {
            workspace.Add("amy", crop);
        }

        var run = await workspace.RunAsync(workspace.Photos, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("photos of 1 person(s); calibration needs at least 2 people", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_photo_per_person_exits_2_as_there_is_no_same_person_pair()
    {
        using var workspace = new Workspace();
        foreach (var crop in CalibratePaths.IdentityCrops.Where(c => c.EndsWith("1.ppm", StringComparison.Ordinal)))
        {
            workspace.Add(Workspace.Person(crop), crop);
        }

        var run = await workspace.RunAsync(workspace.Photos, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("No person has two templates", StringComparison.Ordinal));
        Assert.Empty(StoreFiles(workspace));
    }

    [Fact]
    public async Task A_photo_in_another_format_exits_2_before_any_face_is_read()
    {
        using var workspace = new Workspace().WithIdentityCrops();
        workspace.Add("amy", Path.Combine(CalibratePaths.Faces, "identities", "amy1.png"), "amy6.png");

        var run = await workspace.RunAsync(workspace.Photos, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("not in a format this tool reads (PPM (P6, .ppm))", StringComparison.Ordinal) && line.Contains("amy6.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_photo_without_a_face_exits_2_and_names_the_photo()
    {
        using var workspace = new Workspace().WithIdentityCrops();
        var blank = workspace.Add("raj", Path.Combine(CalibratePaths.Faces, "ppm", "scenes", "noface_white.ppm"), "raj6.ppm");

        var run = await workspace.RunAsync(workspace.Photos, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("1 of 41 photo(s) cannot be used", StringComparison.Ordinal));
        Assert.Contains(run.Output, line => line.Contains(blank, StringComparison.Ordinal) && line.Contains("No face was found", StringComparison.Ordinal));
        Assert.Empty(StoreFiles(workspace));
    }

    [Fact]
    public async Task A_photo_outside_a_person_s_folder_exits_2()
    {
        using var workspace = new Workspace().WithIdentityCrops();
        File.Copy(CalibratePaths.IdentityCrops[0], Path.Combine(workspace.Photos, "loose.ppm"));

        var run = await workspace.RunAsync(workspace.Photos, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("not in a person's sub-folder, e.g. 'loose.ppm'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_csv_line_exits_2_with_its_line_number()
    {
        using var workspace = new Workspace();
        var csv = Path.Combine(workspace.Photos, "labels.csv");
        File.WriteAllLines(csv, ["file,person", "amy1.ppm"]);

        var run = await workspace.RunAsync("--csv", csv, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("line 2: expected 'file,person', found 1 field(s)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("abc")]
    public async Task A_target_outside_0_to_0_5_is_a_usage_error(string target)
    {
        using var workspace = new Workspace().WithIdentityCrops();

        var run = await workspace.RunAsync(workspace.Photos, "--target-far", target, "--consent-confirmed");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("--target-far", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Output, line => line.StartsWith("Threshold:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Neither_folder_nor_csv_is_a_usage_error()
    {
        using var workspace = new Workspace();

        var run = await workspace.RunAsync("--consent-confirmed");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Give either a photo folder or --csv, not both and not neither.", run.Output);
    }

    private void AssertPrintsTheLibraryFigures(DotnetRun run)
    {
        var report = library.Report;
        Assert.True(run.ExitCode == 0, string.Join('\n', run.Output));
        Assert.Contains(F($"Calibrated on 40 photos of 8 people: {report.Genuine.Count} same-person pairs, {report.Impostor.Count} different-person pairs."), run.Output);
        Assert.Equal((80, 700), (report.Genuine.Count, report.Impostor.Count));
        Assert.Contains("Target false-accept rate: 0.1000 %", run.Output);
        Assert.Equal(F($"{report.Threshold:0.000}"), Value(run, "Threshold: "));
        Assert.StartsWith(F($"{report.FalseAccepts}/700 = {report.FalseAcceptRate * 100:0.0000} %"), Value(run, "False-accept rate: "), StringComparison.Ordinal);
        Assert.Equal(F($"{report.FalseRejects}/80 = {report.FalseRejectRate * 100:0.0000} %"), Value(run, "False-reject rate: "));
    }

    // The tool's temporary consent store and its journal files (ONNX Runtime leaves a session id file of its own there).
    private static string[] StoreFiles(Workspace workspace) => Directory.GetFiles(workspace.Temp, "facecompliance-calibrate-*");

    private static string Value(DotnetRun run, string prefix) =>
        run.Output.Single(line => line.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
