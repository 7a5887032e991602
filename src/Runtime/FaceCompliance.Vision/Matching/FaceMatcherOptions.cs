using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision;

/// <summary>How a <see cref="FaceMatcher{TPurpose}"/> compares and searches.</summary>
public sealed record FaceMatcherOptions
{
    /// <summary>The cosine similarity at or above which two faces are the same person; <see cref="FaceMatchThreshold.Default"/>.</summary>
    public float Threshold { get; init; } = FaceMatchThreshold.Default;

    /// <summary>How 1:N searches compute similarities; int8 keeps a quarter-size copy of the gallery and scans it.</summary>
    public GalleryPrecision Precision { get; init; } = GalleryPrecision.Float32;

    /// <summary>The number of values in a template; 512 for the templates of <see cref="FaceRecognizer"/>.</summary>
    public int Dimension { get; init; } = FaceEmbedder.TemplateDimension;

    /// <summary>
    /// The most templates (photos) one person may be enrolled with for 1:N; 10. A search for k people reads k times
    /// the most templates anyone has, so this bounds its cost.
    /// </summary>
    public int MaxTemplatesPerPerson { get; init; } = 10;
}
