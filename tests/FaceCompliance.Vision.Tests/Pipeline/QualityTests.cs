using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>
/// The enrolment quality check on the shared photographs: every good photo passes the defaults, and each refusal
/// reason is produced by editing a good photo (shrunk, blurred, turned, tilted, darkened, over-exposed, covered).
/// </summary>
public sealed class QualityTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly TestStore _test = new();

    [Fact]
    public void Every_shared_identity_crop_and_single_person_scene_passes_the_defaults()
    {
        var recognizer = new FaceRecognizer(_test.Consents);
        var receipt = _test.Grant<GateCheck>("everyone");
        var photos = fixture.Identities.Select(i => (i.File, i.Image))
            .Concat(((IEnumerable<object[]>)DetectionTests.SinglePersonScenes).Select(row => (string)row[0]).Select(n => (n, PipelineFixture.Scene(n))))
            .ToList();

        var reports = photos.Select(p => (p.Item1, Report: recognizer.AssessQuality(receipt, p.Item2))).ToList();

        foreach (var (name, r) in reports)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: size {r.FaceSize:F0} score {r.DetectionScore:F4} sharpness {r.Sharpness:F1} yaw {r.Yaw:F1} pitch {r.Pitch:F1} roll {r.Roll:F1} brightness {r.Brightness:F0} clipped {r.ClippedFraction:F3}"));
        }

        Assert.Equal(56, reports.Count);
        Assert.All(reports, r => Assert.True(r.Report.IsAcceptable, $"{r.Item1}: {string.Join("; ", r.Report.Issues)}"));
    }

    [Fact]
    public void A_shrunk_face_is_too_small()
    {
        var report = Assess(PhotoEdits.Shrink(PipelineFixture.Scene("obama_1"), 3));

        AssertOnly(report, FaceQualityIssueKind.TooSmall, report.FaceSize, 48, $"face too small: {report.FaceSize:F0} px, need 48");
        Assert.InRange(report.FaceSize, 35, 47);
    }

    [Fact]
    public void A_covered_face_has_a_low_detector_score()
    {
        var scene = PipelineFixture.Scene("rose_leslie_2");
        var face = fixture.Analyzer.Detect(scene)[0];

        var report = Assess(PhotoEdits.Cover(scene, 0, (int)(face.Bottom - (0.6f * face.Height)), scene.Width, scene.Height));

        AssertOnly(report, FaceQualityIssueKind.LowDetectionScore, report.DetectionScore, 0.9f,
            $"face unclear, covered or cut off: detector score {report.DetectionScore:F3}, need 0.900");
        Assert.InRange(report.DetectionScore, 0.65f, 0.85f);
    }

    [Theory]
    [InlineData("obama_1")]
    [InlineData("alex_lacamoire_2")]
    public void A_blurred_face_is_refused_as_blurred(string scene)
    {
        var report = Assess(PhotoEdits.Blur(PipelineFixture.Scene(scene), 3));

        AssertOnly(report, FaceQualityIssueKind.Blurred, report.Sharpness, 4, $"face blurred: sharpness {report.Sharpness:F1}, need 4.0");
        Assert.True(Assess(PipelineFixture.Scene(scene)).Sharpness > 10 * report.Sharpness);
    }

    [Fact]
    public void A_head_turned_to_the_side_fails_a_yaw_limit()
    {
        // stuart5 is the most turned shared photo (yaw about 45 degrees); obama_1 faces the camera, and squeezing the
        // half of it right of the nose to a third turns it by about 35 degrees.
        var options = new FaceQualityOptions { MaximumYaw = 30 };
        var scene = PipelineFixture.Scene("obama_1");
        var nose = fixture.Analyzer.FivePoints(scene, fixture.Analyzer.Detect(scene)[0])[2];

        var turned = Assess(fixture.Identity("stuart5.ppm"), options);
        var frontal = Assess(scene, options);
        var squeezed = Assess(PhotoEdits.Stretch(scene, nose.X, 1 / 3.0, vertical: true), options);

        AssertOnly(turned, FaceQualityIssueKind.Yaw, MathF.Abs(turned.Yaw), 30, $"head turned to the side: yaw {MathF.Abs(turned.Yaw):F1} degrees, at most 30.0");
        AssertOnly(squeezed, FaceQualityIssueKind.Yaw, MathF.Abs(squeezed.Yaw), 30, $"head turned to the side: yaw {MathF.Abs(squeezed.Yaw):F1} degrees, at most 30.0");
        Assert.True(turned.Yaw < -40, $"stuart5 yaw {turned.Yaw:F1}: turned to the image's left");
        Assert.True(squeezed.Yaw > 30, $"squeezed yaw {squeezed.Yaw:F1}: the nose now points to the image's right");
        Assert.InRange(frontal.Yaw, -5, 5);
        Assert.True(frontal.IsAcceptable);
    }

    [Fact]
    public void A_head_tilted_up_fails_a_pitch_limit()
    {
        // obama_4 is photographed from below (pitch about 31 degrees); stretching rose_leslie_2 below the nose makes the
        // nose look shorter against the mouth, as when the head tips back.
        var options = new FaceQualityOptions { MaximumPitch = 20 };
        var scene = PipelineFixture.Scene("rose_leslie_2");
        var nose = fixture.Analyzer.FivePoints(scene, fixture.Analyzer.Detect(scene)[0])[2];

        var fromBelow = Assess(PipelineFixture.Scene("obama_4"), options);
        var level = Assess(scene, options);
        var stretched = Assess(PhotoEdits.Stretch(scene, nose.Y, 3, vertical: false), options);

        AssertOnly(fromBelow, FaceQualityIssueKind.Pitch, fromBelow.Pitch, 20, $"head tilted up: pitch {fromBelow.Pitch:F1} degrees, at most 20.0");
        AssertOnly(stretched, FaceQualityIssueKind.Pitch, stretched.Pitch, 20, $"head tilted up: pitch {stretched.Pitch:F1} degrees, at most 20.0");
        Assert.True(fromBelow.Pitch > 25, $"obama_4 pitch {fromBelow.Pitch:F1}");
        Assert.InRange(level.Pitch, -5, 5);
        Assert.True(level.IsAcceptable);
    }

    [Fact]
    public void A_head_tilted_sideways_is_refused_by_the_roll_limit()
    {
        var report = Assess(PhotoEdits.Rotate(PipelineFixture.Scene("obama_1"), 40));

        AssertOnly(report, FaceQualityIssueKind.Roll, report.Roll, 30, $"head tilted sideways: roll {report.Roll:F1} degrees, at most 30.0");
        Assert.InRange(report.Roll, 36, 44);
    }

    [Fact]
    public void A_darkened_photo_is_too_dark()
    {
        var report = Assess(PhotoEdits.MapLevels(PipelineFixture.Scene("obama_1"), v => v * 0.2));

        AssertOnly(report, FaceQualityIssueKind.TooDark, report.Brightness, 40, $"face too dark: mean brightness {report.Brightness:F0}, need 40");
        Assert.InRange(report.Brightness, 20, 39);
    }

    [Fact]
    public void An_over_exposed_photo_is_too_bright()
    {
        var report = Assess(PhotoEdits.MapLevels(PipelineFixture.Scene("obama_1"), v => 255 * Math.Pow(v / 255, 0.15)));

        AssertOnly(report, FaceQualityIssueKind.TooBright, report.Brightness, 220, $"face too bright: mean brightness {report.Brightness:F0}, at most 220");
        Assert.InRange(report.Brightness, 221, 250);
    }

    [Fact]
    public void A_photo_with_burnt_out_highlights_and_crushed_shadows_is_clipped()
    {
        var report = Assess(PhotoEdits.MapLevels(PipelineFixture.Scene("alex_lacamoire_2"), v => 128 + ((v - 128) * 3)));

        AssertOnly(report, FaceQualityIssueKind.Clipped, report.ClippedFraction, 0.3f,
            $"face clipped to black or white: {report.ClippedFraction * 100:F0}% of it, at most 30%");
        Assert.InRange(report.ClippedFraction, 0.31f, 0.6f);
    }

    [Fact]
    public void Enrolment_refuses_a_bad_photo_with_every_reason_and_accepts_a_good_one()
    {
        var recognizer = new FaceRecognizer(_test.Consents);
        var receipt = _test.Grant<GateCheck>("obama");
        var good = PipelineFixture.Scene("obama_1");
        using var bad = PhotoEdits.MapLevels(PhotoEdits.Shrink(good, 3), v => 255 * Math.Pow(v / 255, 0.15));

        var error = Assert.Throws<FaceQualityException>(() => recognizer.ExtractEnrollmentTemplate(receipt, bad));
        var template = recognizer.ExtractEnrollmentTemplate(receipt, good);

        Assert.Equal([FaceQualityIssueKind.TooSmall, FaceQualityIssueKind.LowDetectionScore, FaceQualityIssueKind.TooBright], error.Report.Issues.Select(i => i.Kind));
        Assert.Equal($"The photo is not good enough to enrol: {string.Join("; ", error.Report.Issues)}. Take another photo of the person alone, facing the camera, in even light.", error.Message);
        Assert.Contains(" px, need 48; face unclear, covered or cut off: detector score ", error.Message, StringComparison.Ordinal);
        Assert.Equal(recognizer.ExtractTemplate(receipt, good).Values.ToArray(), template.Values.ToArray());
        Assert.Throws<FaceNotFoundException>(() => recognizer.ExtractEnrollmentTemplate(receipt, PipelineFixture.Scene("group_two_people")));
    }

    [Fact]
    public void Quality_is_checked_with_consent_and_the_limits_come_from_the_options()
    {
        var shrunk = PhotoEdits.Shrink(PipelineFixture.Scene("obama_1"), 3);
        var counting = _test.Grant<FaceCounting>("crowd");
        var gate = _test.Grant<GateCheck>("raj");
        var lenient = new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { Quality = new FaceQualityOptions { MinimumFaceSize = 32 } });

        var assessed = new FaceRecognizer(_test.Consents).AssessQuality(counting, shrunk);
        var enrol = Assert.Throws<InvalidOperationException>(() => new FaceRecognizer(_test.Consents).ExtractEnrollmentTemplate(counting, shrunk));
        _test.Store.Consents.Withdraw<GateCheck>("raj");
        var withdrawn = Assert.Throws<ConsentRequiredException>(() => lenient.AssessQuality(gate, shrunk));

        Assert.Equal([FaceQualityIssueKind.TooSmall], assessed.Issues.Select(i => i.Kind));
        Assert.Contains("does not allow Verification (rule FC0005)", enrol.Message, StringComparison.Ordinal);
        Assert.Equal(ConsentRejection.Withdrawn, withdrawn.Reason);
        Assert.True(lenient.AssessQuality(_test.Grant<GateCheck>("sheldon"), shrunk).IsAcceptable);
    }

    [Theory]
    [InlineData(nameof(FaceQualityOptions.MaximumYaw), 120f, "FaceQualityOptions.MaximumYaw is 120; it must be degrees from 0 to 90.")]
    [InlineData(nameof(FaceQualityOptions.MinimumDetectionScore), 1.2f, "FaceQualityOptions.MinimumDetectionScore is 1.2; it must be a detector score from 0 to 1.")]
    [InlineData(nameof(FaceQualityOptions.MaximumClippedFraction), -0.5f, "FaceQualityOptions.MaximumClippedFraction is -0.5; it must be a fraction from 0 to 1.")]
    [InlineData(nameof(FaceQualityOptions.MinimumFaceSize), float.NaN, "FaceQualityOptions.MinimumFaceSize is NaN; it must be pixels from 0 to 8192.")]
    [InlineData(nameof(FaceQualityOptions.MaximumBrightness), 30f, "FaceQualityOptions.MaximumBrightness is 30; it must be a gray level, not below MinimumBrightness from 40 to 255.")]
    public void A_limit_out_of_range_is_refused_with_its_name_and_value(string limit, float value, string message)
    {
        var quality = limit switch
        {
            nameof(FaceQualityOptions.MaximumYaw) => new FaceQualityOptions { MaximumYaw = value },
            nameof(FaceQualityOptions.MinimumDetectionScore) => new FaceQualityOptions { MinimumDetectionScore = value },
            nameof(FaceQualityOptions.MaximumClippedFraction) => new FaceQualityOptions { MaximumClippedFraction = value },
            nameof(FaceQualityOptions.MinimumFaceSize) => new FaceQualityOptions { MinimumFaceSize = value },
            _ => new FaceQualityOptions { MaximumBrightness = value },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { Quality = quality }));

        Assert.Equal(limit, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _test.Dispose();

    private static void AssertOnly(FaceQualityReport report, FaceQualityIssueKind kind, float measured, float limit, string message)
    {
        var issue = Assert.Single(report.Issues);
        Assert.Equal(kind, issue.Kind);
        Assert.Equal(measured, issue.Measured);
        Assert.Equal(limit, issue.Limit);
        Assert.Equal(message, issue.Message);
        Assert.False(report.IsAcceptable);
    }

    private FaceQualityReport Assess(FaceImage image, FaceQualityOptions? options = null)
    {
        var recognizer = new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { Quality = options ?? new FaceQualityOptions() });
        return recognizer.AssessQuality(_test.Grant<GateCheck>("subject"), image);
    }
}
