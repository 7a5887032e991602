using System.Globalization;
using System.Linq;
using FaceCompliance.Vision.Tests.Pipeline;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Vision.Tests.Calibration;

/// <summary>
/// The threshold rule on every pair the shared photographs give (docs/vision.md, "The match threshold"): the figures
/// the documentation and <see cref="FaceMatchThreshold"/> quote come from here.
/// </summary>
public sealed class SharedPhotoCalibrationTests(PipelineFixture fixture, ITestOutputHelper output) : IClassFixture<PipelineFixture>
{
    [Fact]
    public void Every_pair_of_the_shared_photos_calibrated_for_a_false_accept_rate_of_0_1_percent()
    {
        var templates = SharedPhotos.Templates(fixture);

        var report = ThresholdCalibration.Calibrate(templates, 0.001);

        output.WriteLine(Describe(report));
        Assert.Equal(69, templates.Count);
        Assert.Equal(15, report.People);
        Assert.Equal(149, report.Genuine.Count);
        Assert.Equal(2197, report.Impostor.Count);

        // The figures docs/vision.md and FaceMatchThreshold quote.
        Assert.Equal(-0.0008, report.Impostor.Mean, 4);
        Assert.Equal(0.0946, report.Impostor.StandardDeviation, 4);
        Assert.Equal(0.3551f, report.Impostor.Maximum, 4);
        Assert.Equal(0.3555f, report.Genuine.Minimum, 4);
        Assert.Equal(0.2915, report.NormalFitThreshold, 4);
        Assert.Equal(0.0993, report.Margin, 4);
        Assert.Equal(0.2961f, report.EmpiricalThreshold, 4);
        Assert.Equal(0.391f, report.Threshold);
        Assert.Equal((0, 4), (report.FalseAccepts, report.FalseRejects));

        // The library's default is this rule's threshold for its own target.
        Assert.Equal(0.001, FaceMatchThreshold.TargetFalseAcceptRate);
        Assert.Equal(FaceMatchThreshold.Default, report.Threshold);
        var atDefault = report.Candidates.Single(c => c.Method == "default");
        Assert.Equal((0, 4), (atDefault.FalseAccepts, atDefault.FalseRejects));
    }

    private static string Describe(ThresholdCalibrationReport r) => string.Join('\n',
        new[]
        {
            F($"people {r.People}; genuine {r.Genuine.Count} pairs, mean {r.Genuine.Mean:0.0000} sd {r.Genuine.StandardDeviation:0.0000} min {r.Genuine.Minimum:0.0000} max {r.Genuine.Maximum:0.0000}"),
            F($"impostor {r.Impostor.Count} pairs, mean {r.Impostor.Mean:0.0000} sd {r.Impostor.StandardDeviation:0.0000} min {r.Impostor.Minimum:0.0000} max {r.Impostor.Maximum:0.0000}"),
            F($"normal fit {r.NormalFitThreshold:0.0000}, margin {r.Margin:0.0000}, empirical {r.EmpiricalThreshold:0.0000}, threshold {r.Threshold:0.000}"),
            F($"at threshold: FA {r.FalseAccepts} ({r.FalseAcceptRate:P3}, upper {r.FalseAcceptUpperBound:P3}, predicted {r.PredictedFalseAcceptRate:P4}), FR {r.FalseRejects} ({r.FalseRejectRate:P2}); rule of three {r.LowestDemonstrableFalseAcceptRate:P3}"),
        }.Concat(r.Candidates.Select(c => F($"  {c.Method,-20} {c.Threshold:0.0000} FA {c.FalseAccepts} ({c.FalseAcceptRate:P3}) FR {c.FalseRejects} ({c.FalseRejectRate:P2})")))
        .Concat(r.Impostor.Histogram.Select(b => F($"  imp [{b.From:0.00},{b.To:0.00}) {b.Count}")))
        .Concat(r.Genuine.Histogram.Select(b => F($"  gen [{b.From:0.00},{b.To:0.00}) {b.Count}"))));

    private static string F(System.FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
