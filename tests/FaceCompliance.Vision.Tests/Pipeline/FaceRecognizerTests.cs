using System;
using FaceCompliance.Sqlite;
using Xunit;

[assembly: FaceCompliance.FacialDataProcessor("测试物业", "privacy@test.example")]

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>A 1:1 gate purpose for the recognizer tests.</summary>
[FacialDataPurpose(FacialProcessingMethod.Verification,
    DescriptionZh = "门禁核验。", DescriptionEn = "Gate verification.", NecessityZh = "防冒用。", NecessityEn = "Stop misuse.",
    ImpactZh = "仅 1:1。", ImpactEn = "1:1 only.", AlternativeZh = "刷卡。", AlternativeEn = "Card.", RetentionDays = 30)]
public sealed partial class GateCheck
{
}

/// <summary>The consent-checking recognizer with the real models, receipts from a real store, on the shared photos.</summary>
public sealed class FaceRecognizerTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>, IDisposable
{
    private readonly TestStore _test = new();

    private SqliteFacialDataStore Store => _test.Store;

    [Fact]
    public void Enrol_and_verify_the_same_person_and_refuse_another()
    {
        var recognizer = new FaceRecognizer(Store.Consents);
        var howard = Store.Consents.Grant<GateCheck>(new ConsentGrant("howard"));
        Store.Templates.Enroll(howard, recognizer.ExtractTemplate(howard, Identity("howard1.ppm")));

        var sameScore = Store.Templates.Verify(howard, recognizer.ExtractTemplate(howard, Identity("howard5.ppm")), 0.5f).Similarity;
        var otherScore = Store.Templates.Verify(howard, recognizer.ExtractTemplate(howard, Identity("leonard1.ppm")), 0.5f).Similarity;

        Assert.True(sameScore >= FaceMatchThreshold.Default, $"howard5 scored {sameScore:0.000}");
        Assert.True(otherScore < FaceMatchThreshold.Default, $"leonard1 scored {otherScore:0.000}");
    }

    [Fact]
    public void A_withdrawn_receipt_stops_processing_before_any_face_is_read()
    {
        var recognizer = new FaceRecognizer(Store.Consents);
        var receipt = Store.Consents.Grant<GateCheck>(new ConsentGrant("raj"));
        Store.Consents.Withdraw<GateCheck>("raj");

        var error = Assert.Throws<ConsentRequiredException>(() => recognizer.ExtractTemplate(receipt, Identity("raj1.ppm")));

        Assert.Equal(ConsentRejection.Withdrawn, error.Reason);
        Assert.Throws<ConsentRequiredException>(() => recognizer.DetectFaces(receipt, Identity("raj1.ppm")));
    }

    [Fact]
    public void Several_faces_are_an_error_unless_the_largest_is_allowed()
    {
        var recognizer = new FaceRecognizer(Store.Consents);
        var receipt = Store.Consents.Grant<GateCheck>(new ConsentGrant("kit"));
        var group = PipelineFixture.Scene("group_two_people");

        var error = Assert.Throws<FaceNotFoundException>(() => recognizer.ExtractTemplate(receipt, group));

        Assert.Equal(2, error.FacesFound);
        Assert.Contains("2 faces were found where exactly one is required", error.Message, StringComparison.Ordinal);
        Assert.Equal(512, recognizer.ExtractTemplate(receipt, group, allowSeveral: true).Dimension);
        Assert.Equal(2, recognizer.DetectFaces(receipt, group).Count);
        Assert.All(recognizer.DetectFaces(receipt, group), f => Assert.Equal(5, f.Landmarks.Count));
    }

    [Fact]
    public void No_face_and_tiny_images_get_clear_errors()
    {
        var recognizer = new FaceRecognizer(Store.Consents);
        var receipt = Store.Consents.Grant<GateCheck>(new ConsentGrant("nobody"));

        var none = Assert.Throws<FaceNotFoundException>(() => recognizer.ExtractTemplate(receipt, PipelineFixture.Scene("noface_white")));
        var tiny = Assert.Throws<ArgumentException>(() => recognizer.ExtractTemplate(receipt, FaceImage.FromRgb24(new byte[16 * 16 * 3], 16, 16)));

        Assert.Equal(0, none.FacesFound);
        Assert.Equal("No face was found in the 150x150 image.", none.Message);
        Assert.Contains("The image is 16x16; faces need at least 32x32 pixels.", tiny.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _test.Dispose();

    private FaceImage Identity(string file) => fixture.Identity(file);
}
