using System;
using System.IO;
using System.Linq;
using Xunit;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>
/// Which face is used when the detector returns several boxes, what counts as a second person, and the detection
/// threshold option: the rule on box values, then on the shared photographs and a constructed one.
/// </summary>
public sealed class PrimaryFaceTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly TestStore _test = new();

    [Fact]
    public void A_larger_box_scoring_well_below_the_best_is_not_chosen()
    {
        var face = new FaceBox(300, 100, 380, 210, 1.000f);
        var blurredBackground = new FaceBox(20, 20, 260, 300, 0.970f);

        Assert.Equal(face, PrimaryFace.Choose([blurredBackground, face]));
        Assert.Equal(blurredBackground, FaceAnalyzer.Largest([blurredBackground, face]));
    }

    [Fact]
    public void Among_faces_scoring_within_the_margin_the_largest_is_chosen()
    {
        var far = new FaceBox(300, 100, 350, 165, 1.000f);
        var near = new FaceBox(20, 20, 120, 150, 1.000f - FaceRecognizer.PrimaryFaceScoreMargin);
        var nearJustBelow = near with { Score = near.Score - 0.001f };

        Assert.Equal(near, PrimaryFace.Choose([far, near]));
        Assert.Equal(far, PrimaryFace.Choose([far, nearJustBelow]));
        Assert.Null(PrimaryFace.Choose([]));
    }

    [Fact]
    public void An_ear_or_a_weak_detection_is_not_a_second_person_but_a_second_face_is()
    {
        var face = new FaceBox(100, 100, 200, 230, 1.000f);
        var ear = new FaceBox(195, 140, 235, 200, 0.987f);
        var letterO = new FaceBox(400, 40, 440, 80, 0.672f);
        var secondPerson = new FaceBox(260, 110, 350, 230, 0.999f);

        Assert.Equal(1, PrimaryFace.CountPeople([face, ear, letterO], face));
        Assert.Equal(2, PrimaryFace.CountPeople([face, ear, letterO, secondPerson], face));
    }

    [Theory]
    [InlineData("group_two_people", 2)]
    [InlineData("group_kit_harington_rose_leslie", 2)]
    [InlineData("group_obama_biden", 3)]
    [InlineData("group_faces", 6)]
    public void Group_photos_are_refused_as_several_people_and_the_largest_face_is_primary(string scene, int people)
    {
        var recognizer = new FaceRecognizer(_test.Consents);
        var receipt = _test.Grant<GateCheck>("group");
        var image = PipelineFixture.Scene(scene);
        var faces = fixture.Analyzer.Detect(image);

        var error = Assert.Throws<FaceNotFoundException>(() => recognizer.ExtractTemplate(receipt, image));
        var primary = recognizer.AssessQuality(receipt, image, allowSeveral: true).Face;

        Assert.Equal(people, error.FacesFound);
        Assert.StartsWith($"{people} faces were found where exactly one is required", error.Message, StringComparison.Ordinal);
        Assert.All(faces, f => Assert.InRange(f.Score, faces[0].Score - FaceRecognizer.PrimaryFaceScoreMargin, 1f));
        Assert.Equal(FaceAnalyzer.Largest(faces), primary);
    }

    [Theory]
    [InlineData("bernadette1.ppm")]
    [InlineData("bernadette5.ppm")]
    public void A_tight_crop_with_a_stray_detection_is_one_person(string file)
    {
        var recognizer = new FaceRecognizer(_test.Consents);
        var receipt = _test.Grant<GateCheck>("bernadette");
        var crop = RawIdentity(file);

        var detections = recognizer.DetectFaces(receipt, crop);
        var template = recognizer.ExtractTemplate(receipt, crop);
        var padded = recognizer.ExtractTemplate(receipt, fixture.Identity(file));

        Assert.Equal(2, detections.Count);
        Assert.True(detections[1].Box.Score < detections[0].Box.Score - FaceRecognizer.PrimaryFaceScoreMargin, $"stray at {detections[1].Box}");
        Assert.True(template.CosineSimilarity(padded) > 0.8f, $"the crop's template is {template.CosineSimilarity(padded):0.000} like the padded crop's");
    }

    [Fact]
    public void A_real_face_beside_a_larger_blurred_copy_the_detector_scores_097_is_chosen()
    {
        // obama_1's face, sharp at half size on the right; beside it the same crop blurred (sigma about 10 px) at full
        // size, which the detector scores 0.970, 0.030 below the sharp face.
        var recognizer = new FaceRecognizer(_test.Consents);
        var receipt = _test.Grant<GateCheck>("obama");
        var scene = PipelineFixture.Scene("obama_1");
        var face = fixture.Analyzer.Detect(scene)[0];
        var side = (int)(Math.Max(face.Width, face.Height) * 1.6f);
        using var crop = PhotoEdits.Crop(scene, (int)face.CenterX - (side / 2), (int)face.CenterY - (side / 2), side, side);
        using var blurred = PhotoEdits.Blur(crop, 10);
        var scale = 400.0 / side;
        using var image = PhotoEdits.Compose(800, 450, (blurred, 20, 20, scale), (crop, 500, 100, scale / 2));

        var faces = fixture.Analyzer.Detect(image);
        var primary = recognizer.AssessQuality(receipt, image, allowSeveral: true).Face;
        var template = recognizer.ExtractTemplate(receipt, image, allowSeveral: true);
        var strict = recognizer.ExtractTemplate(receipt, image);
        var sharpOnly = recognizer.ExtractTemplate(receipt, scene);

        var blurredBox = Assert.Single(faces, f => f.CenterX < 400);
        var sharpBox = Assert.Single(faces, f => f.CenterX > 500);
        Assert.InRange(blurredBox.Score, 0.95f, faces[0].Score - FaceRecognizer.PrimaryFaceScoreMargin);
        Assert.True(blurredBox.Area > 4 * sharpBox.Area, $"blurred {blurredBox}, sharp {sharpBox}");
        Assert.Equal(blurredBox, FaceAnalyzer.Largest(faces));
        Assert.Equal(sharpBox, primary);
        Assert.True(template.CosineSimilarity(sharpOnly) > 0.8f, $"the chosen face is {template.CosineSimilarity(sharpOnly):0.000} like obama_1");
        Assert.Equal(template.Values.ToArray(), strict.Values.ToArray());
    }

    [Fact]
    public void The_detection_threshold_option_drops_or_admits_weak_detections()
    {
        var receipt = _test.Grant<GateCheck>("leonard");
        var bernadette = RawIdentity("bernadette1.ppm");
        var leonard = RawIdentity("leonard5.ppm");
        var standard = new FaceRecognizer(_test.Consents);
        var strict = new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { DetectionThreshold = 0.8f });
        var lenient = new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { DetectionThreshold = 0.4f });

        Assert.Equal(FaceDetector.DefaultScoreThreshold, standard.Options.DetectionThreshold);
        Assert.Equal(2, standard.DetectFaces(receipt, bernadette).Count);
        Assert.Single(strict.DetectFaces(receipt, bernadette));
        Assert.Single(new FaceDetector(_test.Consents, 0.8f).Detect(receipt, bernadette));
        Assert.Empty(standard.DetectFaces(receipt, leonard));
        Assert.Throws<FaceNotFoundException>(() => standard.ExtractTemplate(receipt, leonard));
        Assert.InRange(Assert.Single(lenient.DetectFaces(receipt, leonard)).Box.Score, 0.4f, 0.65f);
        Assert.Equal(512, lenient.ExtractTemplate(receipt, leonard).Dimension);
    }

    [Theory]
    [InlineData(1.5f, "1.5")]
    [InlineData(-0.1f, "-0.1")]
    [InlineData(float.NaN, "NaN")]
    public void A_detection_threshold_outside_0_to_1_is_refused_with_its_value(float threshold, string shown)
    {
        var recognizer = Assert.Throws<ArgumentOutOfRangeException>(() => new FaceRecognizer(_test.Consents, new FaceRecognizerOptions { DetectionThreshold = threshold }));
        var detector = Assert.Throws<ArgumentOutOfRangeException>(() => new FaceDetector(_test.Consents, threshold));

        Assert.Equal("DetectionThreshold", recognizer.ParamName);
        Assert.Equal("scoreThreshold", detector.ParamName);
        Assert.StartsWith($"The detection score threshold is {shown}; it must be a face score from 0 to 1", recognizer.Message, StringComparison.Ordinal);
        Assert.StartsWith($"The detection score threshold is {shown}; it must be a face score from 0 to 1", detector.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _test.Dispose();

    /// <summary>An identity crop as stored: 150x150, the face filling it, not padded.</summary>
    private static FaceImage RawIdentity(string file) => PpmReader.ReadFile(Path.Combine(VisionPaths.Faces, "ppm", "identities", file));
}
