using System;
using System.Globalization;
using System.IO;
using System.Linq;
using FaceCompliance.Vision;

namespace FaceCompliance.Calibrate;

/// <summary>Writes a calibration report as plain text: the threshold and its rates first, then how it was chosen, then both score distributions.</summary>
internal static class ReportPrinter
{
    private const int BarWidth = 50;

    public static void Print(TextWriter output, ThresholdCalibrationReport report, int photos)
    {
        var impostors = report.Impostor.Count;
        var genuine = report.Genuine.Count;
        Line(output, $"Calibrated on {photos} photos of {report.People} people: {genuine} same-person pairs, {impostors} different-person pairs.");
        Line(output, $"Target false-accept rate: {Percent(report.TargetFalseAcceptRate)}");
        Line(output, $"Threshold: {report.Threshold:0.000}");
        Line(output, $"False-accept rate: {report.FalseAccepts}/{impostors} = {Percent(report.FalseAcceptRate)} (95 % upper bound {Percent(report.FalseAcceptUpperBound)}; normal model {Percent(report.PredictedFalseAcceptRate)})");
        Line(output, $"False-reject rate: {report.FalseRejects}/{genuine} = {Percent(report.FalseRejectRate)}");
        Line(output, $"These pairs cannot show a false-accept rate below {Percent(report.LowestDemonstrableFalseAcceptRate)} (rule of three: 3/{impostors}).");
        output.WriteLine();
        Line(output, $"How it was chosen: normal fit {report.NormalFitThreshold:0.0000} (mean {report.Impostor.Mean:0.0000} + z x sd {report.Impostor.StandardDeviation:0.0000}), margin {report.Margin:0.0000} (95 %, {report.People} people), empirical {report.EmpiricalThreshold:0.0000}; the larger of fit + margin and empirical, rounded up to 0.001.");
        Line(output, $"  {"method",-20} {"threshold",9}  {"false accepts",-22} {"false rejects"}");
        foreach (var candidate in report.Candidates)
        {
            Line(output, $"  {candidate.Method,-20} {candidate.Threshold,9:0.0000}  {Rate(candidate.FalseAccepts, impostors, candidate.FalseAcceptRate),-22} {Rate(candidate.FalseRejects, genuine, candidate.FalseRejectRate)}");
        }

        output.WriteLine();
        Distribution(output, "Different-person scores", report.Impostor);
        output.WriteLine();
        Distribution(output, "Same-person scores", report.Genuine);
    }

    private static void Distribution(TextWriter output, string title, ScoreSummary scores)
    {
        Line(output, $"{title}: {scores.Count} pairs, mean {scores.Mean:0.0000}, sd {scores.StandardDeviation:0.0000}, min {scores.Minimum:0.0000}, max {scores.Maximum:0.0000}");
        var largest = scores.Histogram.Max(b => b.Count);
        foreach (var bin in scores.Histogram)
        {
            var bar = bin.Count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)bin.Count * BarWidth / largest));
            Line(output, $"  [{bin.From,5:0.00}, {bin.To,5:0.00}) {bin.Count,6} {new string('#', bar)}");
        }
    }

    private static string Rate(int count, int total, double rate) => $"{count}/{total} ({Percent(rate)})";

    private static string Percent(double rate) => string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0.0000} %");

    private static void Line(TextWriter output, FormattableString line) => output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
