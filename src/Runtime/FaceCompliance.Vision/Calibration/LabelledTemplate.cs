namespace FaceCompliance.Vision;

/// <summary>One calibration photo's template and the person it shows.</summary>
/// <param name="Person">Who the photo shows; templates with the same name (compared ordinally) are the same person.</param>
/// <param name="Template">The template extracted from the photo.</param>
public sealed record LabelledTemplate(string Person, FaceTemplate Template);
