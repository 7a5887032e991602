using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// The real face SDK test: tests/RealSdk/OpenCvSharpConsumer uses OpenCvSharp4 from NuGet as an attendance kiosk would
/// (factories, options, thresholds, model files, detection, landmarks, training, prediction, disposal) and declares
/// nothing, so exactly its image-processing calls are reported, and no constructor, factory, setter, option or model
/// file is.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OpenCvSharpBuildTests
{
    private static string Consumer => Path.Combine(RepoPaths.Root, "tests", "RealSdk", "OpenCvSharpConsumer");

    /// <summary>Building the consumer reports the set of (rule, file, line) that its markers expect, and nothing else.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Exactly_the_image_processing_calls_are_reported()
    {
        var expected = ExpectationMarkers.Scan(Consumer).ToHashSet();

        BuildResult result = await BuildRunner.BuildAsync(Consumer);

        Assert.True(result.ExitCode != 0, "The consumer built successfully.\n" + result.Describe());
        var actual = result.FaceComplianceDiagnostics.Select(d => d.Key).ToHashSet();
        var missing = expected.Except(actual).OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected).OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"Expected but not reported: [{string.Join(", ", missing)}]\nReported but not expected: [{string.Join(", ", unexpected)}]\n{result.Describe()}");
        Assert.True(
            result.DiagnosticOutputLines.All(line => DiagnosticLine.IsDiagnostic(line, out string id) && id.StartsWith("FC", StringComparison.Ordinal)),
            "Diagnostics other than FC were reported: the consumer must compile against the real package.\n" + result.Describe());

        // The calls reported, by the name the messages give them: the processing calls of the kiosk and nothing else.
        IEnumerable<string> reported = result.FaceComplianceDiagnostics
            .Where(d => d.Id == "FC0001")
            .OrderBy(d => d.Line)
            .Select(d => d.Message.Split('\'')[1]);
        Assert.Equal(
            ["FaceRecognizer.Train", "FaceRecognizer.Train", "FaceDetectorYN.Detect", "CascadeClassifier.DetectMultiScale", "Facemark.Fit", "FaceRecognizer.Predict"],
            reported);
    }

    /// <summary>The markers expect FC0001 and FC0002 at every processing call, and FC0003 at the three 1:N ones.</summary>
    [Fact]
    public void The_consumer_marks_six_uses()
    {
        IReadOnlyList<RuleAtLine> expected = ExpectationMarkers.Scan(Consumer);

        Assert.Equal(6, expected.Count(e => e.Id == "FC0001"));
        Assert.Equal(6, expected.Count(e => e.Id == "FC0002"));
        Assert.Equal(3, expected.Count(e => e.Id == "FC0003"));
        Assert.Equal(15, expected.Count);
    }
}
