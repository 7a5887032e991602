using System;
using System.Reflection;
using Xunit;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>Landmarks and alignment are Detection (docs/semantics.md), so a 1:1 or 1:N purpose may align its faces.</summary>
public sealed class AlignmentMethodTests : IDisposable
{
    private readonly TestStore _test = new();

    [Theory]
    [InlineData(nameof(FaceAligner.Locate))]
    [InlineData(nameof(FaceAligner.Align))]
    public void The_aligner_declares_detection_which_identity_purposes_allow(string member)
    {
        var method = typeof(FaceAligner).GetMethod(member)!.GetCustomAttribute<ProcessesFacialDataAttribute>()!.Method;

        Assert.Equal(FacialProcessingMethod.Detection, method);
        Assert.True(FacialProcessingMethod.Verification.Allows(method));
        Assert.True(FacialProcessingMethod.Identification.Allows(method));
    }

    [Fact]
    public void An_identification_purpose_may_locate_landmarks_and_align()
    {
        var receipt = _test.Grant<ResidentSearch>("penny");
        var image = PipelineFixture.Scene("obama_1");
        var face = new FaceDetector(_test.Consents).Detect(receipt, image)[0];
        var aligner = new FaceAligner(_test.Consents);

        using var aligned = aligner.Align(receipt, image, aligner.Locate(receipt, image, face));

        Assert.Equal((FaceAligner.AlignedSize, FaceAligner.AlignedSize), (aligned.Width, aligned.Height));
    }

    public void Dispose() => _test.Dispose();
}
