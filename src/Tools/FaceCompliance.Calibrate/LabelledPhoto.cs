namespace FaceCompliance.Calibrate;

/// <summary>One calibration photo and the person it shows.</summary>
/// <param name="Person">The person's name: the sub-folder's name, or the CSV's second column.</param>
/// <param name="Path">The photo file.</param>
internal sealed record LabelledPhoto(string Person, string Path);
