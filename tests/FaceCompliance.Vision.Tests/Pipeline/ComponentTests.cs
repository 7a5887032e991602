using System;
using System.Linq;
using System.Numerics;
using Xunit;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>The four public components, composed by hand, give what the pipeline gives; each checks consent and purpose.</summary>
public sealed class ComponentTests : IDisposable
{
    private readonly TestStore _test = new();

    [Fact]
    public void Detect_locate_align_embed_by_hand_equals_the_pipeline()
    {
        var receipt = _test.Grant<GateCheck>("amy");
        var image = PipelineFixture.Scene("obama_1");
        var detector = new FaceDetector(_test.Consents);
        var aligner = new FaceAligner(_test.Consents);
        var embedder = new FaceEmbedder(_test.Consents);

        var face = Assert.Single(detector.Detect(receipt, image));
        var points = aligner.Locate(receipt, image, face);
        using var aligned = aligner.Align(receipt, image, points);
        var template = embedder.Embed(receipt, aligned);
        var pipeline = new FaceRecognizer(_test.Consents).Analyze(receipt, image);

        Assert.Equal(5, points.Count);
        Assert.True(points[0].X < points[1].X, "the left eye is left of the right eye");
        Assert.True(face.Left < points[2].X && points[2].X < face.Right && face.Top < points[2].Y && points[2].Y < face.Bottom, "the nose tip is inside the box");
        Assert.Equal((FaceAligner.AlignedSize, FaceAligner.AlignedSize), (aligned.Width, aligned.Height));
        var recognized = Assert.Single(pipeline);
        Assert.Equal(face, recognized.Box);
        Assert.Equal(points, recognized.Landmarks);
        Assert.Equal(template.Values.ToArray(), recognized.Template.Values.ToArray());
    }

    [Fact]
    public void Every_component_refuses_a_withdrawn_receipt()
    {
        var receipt = _test.Grant<GateCheck>("raj");
        var image = PipelineFixture.Scene("obama_1");
        var face = Assert.Single(new FaceDetector(_test.Consents).Detect(receipt, image));
        var points = new FaceAligner(_test.Consents).Locate(receipt, image, face);
        using var aligned = new FaceAligner(_test.Consents).Align(receipt, image, points);
        _test.Store.Consents.Withdraw<GateCheck>("raj");

        Assert.Equal(ConsentRejection.Withdrawn, Assert.Throws<ConsentRequiredException>(() => new FaceDetector(_test.Consents).Detect(receipt, image)).Reason);
        Assert.Equal(ConsentRejection.Withdrawn, Assert.Throws<ConsentRequiredException>(() => new FaceAligner(_test.Consents).Locate(receipt, image, face)).Reason);
        Assert.Equal(ConsentRejection.Withdrawn, Assert.Throws<ConsentRequiredException>(() => new FaceAligner(_test.Consents).Align(receipt, image, points)).Reason);
        Assert.Equal(ConsentRejection.Withdrawn, Assert.Throws<ConsentRequiredException>(() => new FaceEmbedder(_test.Consents).Embed(receipt, aligned)).Reason);
        Assert.Equal(ConsentRejection.Withdrawn, Assert.Throws<ConsentRequiredException>(() => new LivenessChecker(_test.Consents).Check(receipt, image, face)).Reason);
    }

    [Fact]
    public void A_detection_purpose_may_detect_and_align_but_not_embed_or_check_liveness()
    {
        var receipt = _test.Grant<FaceCounting>("crowd");
        var image = PipelineFixture.Scene("group_two_people");
        var faces = new FaceDetector(_test.Consents).Detect(receipt, image);
        using var aligned = new FaceAligner(_test.Consents).Align(receipt, image, new FaceAligner(_test.Consents).Locate(receipt, image, faces[0]));

        var embed = Assert.Throws<InvalidOperationException>(() => new FaceEmbedder(_test.Consents).Embed(receipt, aligned));
        var liveness = Assert.Throws<InvalidOperationException>(() => new LivenessChecker(_test.Consents).Check(receipt, image, faces[0]));
        var template = Assert.Throws<InvalidOperationException>(() => new FaceRecognizer(_test.Consents).ExtractTemplate(receipt, image, allowSeveral: true));

        Assert.Equal(2, faces.Count);
        Assert.Equal($"Purpose '{FaceCounting.PurposeId}' is declared for Detection, which does not allow Verification (rule FC0005); declare a purpose whose method allows it.", embed.Message);
        Assert.Contains("does not allow Liveness (rule FC0005)", liveness.Message, StringComparison.Ordinal);
        Assert.Contains("does not allow Verification (rule FC0005)", template.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_inputs_get_errors_that_name_the_problem()
    {
        var receipt = _test.Grant<GateCheck>("sheldon");
        var image = PipelineFixture.Scene("obama_1");
        var aligner = new FaceAligner(_test.Consents);

        var fourPoints = Assert.Throws<ArgumentException>(() => aligner.Align(receipt, image, new Vector2[4]));
        var nanPoint = Assert.Throws<ArgumentException>(() => aligner.Align(receipt, image, [default, default, new Vector2(float.NaN, 1), default, default]));
        var emptyBox = Assert.Throws<ArgumentException>(() => aligner.Locate(receipt, image, new FaceBox(10, 10, 10, 20, 1)));
        var notAligned = Assert.Throws<ArgumentException>(() => new FaceEmbedder(_test.Consents).Embed(receipt, image));
        var tiny = Assert.Throws<ArgumentException>(() => new FaceDetector(_test.Consents).Detect(receipt, FaceImage.FromRgb24(new byte[31 * 40 * 3], 31, 40)));
        var wrongLength = Assert.Throws<ArgumentException>(() => FaceImage.FromRgb24(new byte[100], 10, 10));

        Assert.StartsWith("Alignment needs exactly 5 points (eyes, nose tip, mouth corners); 4 were given.", fourPoints.Message, StringComparison.Ordinal);
        Assert.StartsWith("Alignment point 2 is <NaN, 1>, not finite.", nanPoint.Message, StringComparison.Ordinal);
        Assert.Contains("is empty or not finite", emptyBox.Message, StringComparison.Ordinal);
        Assert.StartsWith($"The embedder takes a face aligned to 112x112 (FaceAligner.Align); this image is {image.Width}x{image.Height}.", notAligned.Message, StringComparison.Ordinal);
        Assert.StartsWith("The image is 31x40; faces need at least 32x32 pixels.", tiny.Message, StringComparison.Ordinal);
        Assert.Contains("300", wrongLength.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _test.Dispose();
}
