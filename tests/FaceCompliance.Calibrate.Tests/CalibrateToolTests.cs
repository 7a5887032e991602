using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Tests.Shared;
using FaceCompliance.Vision;
using Xunit;
using FaceCompliance.Vision.Components;

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
    public async Task The_png_crops_print_exactly_what_their_ppm_copies_print()
    {
        foreach (var (png, ppm) in CalibratePaths.IdentityCrops.Zip(CalibratePaths.IdentityPpms))
        {
            using var decoded = FaceImageDecoder.DecodeFile(png);
            using var read = PpmReader.ReadFile(ppm);
            Assert.Equal(Path.GetFileNameWithoutExtension(ppm), Path.GetFileNameWithoutExtension(png));
            Assert.True(read.Pixels.SequenceEqual(decoded.Pixels), $"{png} does not decode to the pixels of {ppm}");
        }

        using var pngs = new Workspace().WithIdentityCrops();
        using var ppms = new Workspace().WithIdentityCrops(CalibratePaths.IdentityPpms);

        var fromPngs = await pngs.RunAsync(pngs.Photos, "--consent-confirmed");
        var fromPpms = await ppms.RunAsync(ppms.Photos, "--consent-confirmed");

        AssertPrintsTheLibraryFigures(fromPpms);
        Assert.Equal(fromPpms.Output, fromPngs.Output);
    }

    [Fact]
    public async Task A_folder_of_jpeg_photos_gives_the_library_s_figures_on_the_decoded_photos()
    {
        // Whole photos (630x374 to 1434x2333): decoded, EXIF orientation applied, and not framed. The names' case
        // and the .jpeg spelling do not matter.
        (string Person, string Scene, string Name)[] photos =
        [
            ("obama", "obama_1.jpg", "obama_1.jpg"), ("obama", "obama_2.jpg", "obama_2.JPG"), ("obama", "obama_3.jpg", "obama_3.jpeg"), ("obama", "obama_4.jpg", "obama_4.jpg"),
            ("biden", "biden_1.jpg", "biden_1.jpg"), ("biden", "biden_2.jpg", "biden_2.jpg"),
            ("kit_harington", "kit_harington_1.jpg", "kit_harington_1.jpg"), ("kit_harington", "kit_harington_2.jpg", "kit_harington_2.Jpg"), ("kit_harington", "kit_harington_3.jpg", "kit_harington_3.jpg"),
            ("alex_lacamoire", "alex_lacamoire_1.jpg", "alex_lacamoire_1.jpg"), ("alex_lacamoire", "alex_lacamoire_2.jpg", "alex_lacamoire_2.jpg"),
        ];
        using var workspace = new Workspace();
        foreach (var (person, scene, name) in photos)
        {
            workspace.Add(person, CalibratePaths.Scene(scene), name);
        }

        var expected = LibraryFigures.Calibrate(
            [.. photos.OrderBy(p => p.Person, StringComparer.Ordinal).Select(p => (p.Person, (Func<FaceImage>)(() => FaceImageDecoder.DecodeFile(CalibratePaths.Scene(p.Scene)))))],
            0.01);

        var run = await workspace.RunAsync(workspace.Photos, "--target-far", "0.01", "--consent-confirmed");

        Assert.True(run.ExitCode == 0, string.Join('\n', run.Output));
        Assert.Equal((11, 44), (expected.Genuine.Count, expected.Impostor.Count));
        Assert.Contains("Calibrated on 11 photos of 4 people: 11 same-person pairs, 44 different-person pairs.", run.Output);
        AssertPrintsTheFigures(run, expected);
        Assert.Contains(F($"Same-person scores: 11 pairs, mean {expected.Genuine.Mean:0.0000}, sd {expected.Genuine.StandardDeviation:0.0000}, min {expected.Genuine.Minimum:0.0000}, max {expected.Genuine.Maximum:0.0000}"), run.Output);
        Assert.Empty(StoreFiles(workspace));
    }

    public static TheoryData<string, string> CorruptJpegs() => new()
    {
        { "truncated", "truncated JPEG: the data ends before the 910x1137 image is complete." },
        { "corrupt header", "corrupt JPEG: the header is invalid" },
        { "not an image", "unrecognized image format: the data (" },
    };

    [Theory]
    [MemberData(nameof(CorruptJpegs))]
    public async Task A_corrupt_jpeg_among_good_photos_exits_2_naming_it_and_the_decoder_s_reason(string damage, string reason)
    {
        using var workspace = new Workspace().WithIdentityCrops();
        var jpeg = File.ReadAllBytes(CalibratePaths.Scene("obama_1.jpg"));
        var bad = Path.Combine(workspace.Photos, "raj", "raj6.jpg");
        File.WriteAllBytes(bad, damage switch
        {
            "truncated" => jpeg[..(jpeg.Length / 2)],
            "corrupt header" => [.. jpeg[..2000], .. new byte[76_800], .. jpeg[(2000 + 76_800)..]],
            _ => "not a photo\n"u8.ToArray(),
        });

        var run = await workspace.RunAsync(workspace.Photos, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("1 of 41 photo(s) cannot be used", StringComparison.Ordinal));
        Assert.Contains(run.Output, line => line.StartsWith($"  {bad}: ", StringComparison.Ordinal) && line.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(run.Output, line => line.StartsWith("Threshold:", StringComparison.Ordinal) || line.Contains("Unhandled exception", StringComparison.Ordinal));
        Assert.Empty(StoreFiles(workspace));
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
        foreach (var crop in CalibratePaths.IdentityCrops.Where(c => c.EndsWith("1.png", StringComparison.Ordinal)))
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
        workspace.Add("amy", Path.Combine(CalibratePaths.Faces, "identities", "amy1.png"), "amy6.gif");

        var run = await workspace.RunAsync(workspace.Photos, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("1 photo(s) are not in a format this tool reads (JPEG, PNG, WebP, BMP or PPM (P6), named .jpg, .jpeg, .png, .webp, .bmp or .ppm)", StringComparison.Ordinal) && line.Contains("amy6.gif", StringComparison.Ordinal));
        Assert.Empty(StoreFiles(workspace));
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
        File.Copy(CalibratePaths.IdentityCrops[0], Path.Combine(workspace.Photos, "loose.png"));

        var run = await workspace.RunAsync(workspace.Photos, "--consent-confirmed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Output, line => line.Contains("not in a person's sub-folder, e.g. 'loose.png'", StringComparison.Ordinal));
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
        AssertPrintsTheFigures(run, report);
    }

    private static void AssertPrintsTheFigures(DotnetRun run, ThresholdCalibrationReport report)
    {
        Assert.Contains(F($"Target false-accept rate: {report.TargetFalseAcceptRate * 100:0.0000} %"), run.Output);
        Assert.Equal(F($"{report.Threshold:0.000}"), Value(run, "Threshold: "));
        Assert.StartsWith(F($"{report.FalseAccepts}/{report.Impostor.Count} = {report.FalseAcceptRate * 100:0.0000} %"), Value(run, "False-accept rate: "), StringComparison.Ordinal);
        Assert.Equal(F($"{report.FalseRejects}/{report.Genuine.Count} = {report.FalseRejectRate * 100:0.0000} %"), Value(run, "False-reject rate: "));
    }

    // The tool's temporary consent store and its journal files (ONNX Runtime leaves a session id file of its own there).
    private static string[] StoreFiles(Workspace workspace) => Directory.GetFiles(workspace.Temp, "facecompliance-calibrate-*");

    private static string Value(DotnetRun run, string prefix) =>
        run.Output.Single(line => line.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
