using System;
using System.IO;
using System.Linq;
using System.Numerics.Tensors;
using FaceCompliance.Vision.Tests.Pipeline;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Vision.Tests.Imaging;

/// <summary>Decoded photos through the real models: the same faces and templates as the PPM copies, and upright templates from every EXIF orientation.</summary>
public sealed class FaceImageDecoderPipelineTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>
{
    /// <summary>
    /// The lowest cosine accepted between a scene's template from the full-size photo and from its PPM copy, which
    /// was shrunk to at most 640 px (and not color-converted). Measured on the 20 scenes with a face: 0.945
    /// (alex_lacamoire_2, 1548x1024 against 640x423) to 0.999; same-person pairs start at 0.356 and the match
    /// threshold is 0.31, so 0.93 still means "the same template".
    /// </summary>
    private const float SceneTolerance = 0.93f;

    /// <summary>The lowest cosine accepted between the template of an EXIF-oriented JPEG (quality 95) and of the upright photo.</summary>
    private const float OrientationTolerance = 0.97f;

    public static TheoryData<string> Scenes() =>
        [.. Directory.GetFiles(Path.Combine(VisionPaths.Faces, "scenes")).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_identity_png_gives_exactly_the_template_of_its_ppm_copy()
    {
        foreach (var (_, file, ppm) in fixture.Identities)
        {
            using var decoded = FaceImageDecoder.DecodeFile(Path.Combine(VisionPaths.Faces, "identities", Path.ChangeExtension(file, ".png")));
            using var padded = FaceFrames.CenterInDetectorFrame(decoded);

            Assert.Equal(fixture.EmbedLargest(ppm), fixture.EmbedLargest(padded));
        }
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Every_scene_photo_gives_the_faces_and_template_of_its_ppm_copy(string file)
    {
        using var decoded = FaceImageDecoder.DecodeFile(Path.Combine(VisionPaths.Faces, "scenes", file));
        using var ppm = PipelineFixture.Scene(Path.GetFileNameWithoutExtension(file));

        var faces = fixture.Analyzer.Detect(decoded).Count;
        Assert.Equal(fixture.Analyzer.Detect(ppm).Count, faces);
        if (faces == 0)
        {
            output.WriteLine($"{file}: {decoded.Width}x{decoded.Height}, no face, as in the PPM copy");
            return;
        }

        var similarity = TensorPrimitives.Dot(fixture.EmbedLargest(decoded), fixture.EmbedLargest(ppm));
        output.WriteLine($"{file}: {decoded.Width}x{decoded.Height} against {ppm.Width}x{ppm.Height}, {faces} face(s), cosine {similarity:0.0000}");
        Assert.True(similarity >= SceneTolerance, $"{file}: cosine {similarity:0.0000} with the PPM copy's template");
    }

    public static TheoryData<int> Orientations() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Every_exif_orientation_gives_the_upright_template_and_ignoring_it_would_not(int orientation)
    {
        using var upright = PipelineFixture.Scene("obama_1");
        using var uprightBitmap = EncodedImages.ToBitmap(upright);
        using var stored = EncodedImages.Stored(uprightBitmap, orientation);
        var jpeg = EncodedImages.Jpeg(stored);
        var expected = fixture.EmbedLargest(upright);

        using var decoded = FaceImageDecoder.Decode(EncodedImages.WithExifOrientation(jpeg, orientation));
        using var ignoringOrientation = FaceImageDecoder.Decode(jpeg);

        var similarity = TensorPrimitives.Dot(expected, fixture.EmbedLargest(decoded));
        var ignored = FaceAnalyzer.Largest(fixture.Analyzer.Detect(ignoringOrientation)) is null
            ? (float?)null
            : TensorPrimitives.Dot(expected, fixture.EmbedLargest(ignoringOrientation));
        output.WriteLine($"orientation {orientation}: cosine with the upright template {similarity:0.0000}; without the tag {(ignored is { } c ? $"cosine {c:0.0000}" : "no face found")}");
        Assert.True(similarity >= OrientationTolerance, $"cosine {similarity:0.0000}");
        if (orientation >= 3)
        {
            // Turned or flipped upside down, the stored picture gives no face or another template. A left-right
            // mirror (2) keeps nearly the same template (cosine 0.977 here): only its pixels show the difference
            // (FaceImageDecoderTests.Every_exif_orientation_decodes_upright).
            Assert.True(ignored is null || ignored < FaceMatchThreshold.Default, $"ignoring orientation {orientation} still matched ({ignored:0.0000})");
        }
    }

    [Fact]
    public void A_portrait_phone_photo_enrols_upright_through_the_public_api()
    {
        // A phone held upright stores the sensor's landscape picture and tags it orientation 6 (turn right to view).
        using var test = new TestStore();
        var recognizer = new FaceRecognizer(test.Consents);
        var receipt = test.Grant<GateCheck>("obama");
        using var upright = PipelineFixture.Scene("obama_1");
        using var uprightBitmap = EncodedImages.ToBitmap(upright);
        using var stored = EncodedImages.Stored(uprightBitmap, 6);
        var landscapeJpeg = EncodedImages.Jpeg(stored);
        var phoneJpeg = EncodedImages.WithExifOrientation(landscapeJpeg, 6);

        using (var photo = FaceImageDecoder.Decode(phoneJpeg))
        {
            Assert.True(photo.Height > photo.Width);
            test.Store.Templates.Enroll(receipt, recognizer.ExtractTemplate(receipt, photo));
        }

        var score = test.Store.Templates.Verify(receipt, recognizer.ExtractTemplate(receipt, upright), 0.5f).Similarity;
        output.WriteLine($"enrolled from the tagged phone JPEG, verified against the upright photo: {score:0.0000}");
        Assert.True(score >= FaceMatchThreshold.Default, $"score {score:0.0000}");
        using var sideways = FaceImageDecoder.Decode(landscapeJpeg);
        Assert.Throws<FaceNotFoundException>(() => recognizer.ExtractTemplate(receipt, sideways));
    }
}
