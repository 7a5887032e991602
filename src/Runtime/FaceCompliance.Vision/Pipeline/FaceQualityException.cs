using System;
using System.Linq;

namespace FaceCompliance.Vision;

/// <summary>An enrolment photo was refused because its face is not good enough; the report says why. Nothing was stored.</summary>
public sealed class FaceQualityException : InvalidOperationException
{
    /// <summary>Creates the exception for a report with at least one issue.</summary>
    /// <param name="report">The quality report.</param>
    public FaceQualityException(FaceQualityReport report)
        : base(Describe(report)) => Report = report;

    /// <summary>What was measured and which limits were failed.</summary>
    public FaceQualityReport Report { get; }

    private static string Describe(FaceQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"The photo is not good enough to enrol: {string.Join("; ", report.Issues.Select(i => i.Message))}. Take another photo of the person alone, facing the camera, in even light.";
    }
}
