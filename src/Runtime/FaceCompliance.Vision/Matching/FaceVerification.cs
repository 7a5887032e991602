namespace FaceCompliance.Vision;

/// <summary>The outcome of a 1:1 comparison.</summary>
/// <param name="Similarity">The cosine similarity of the two templates, from −1 to 1.</param>
/// <param name="Threshold">The threshold it was compared with.</param>
public readonly record struct FaceVerification(float Similarity, float Threshold)
{
    /// <summary>Whether the two faces are taken as the same person: <see cref="Similarity"/> reaches <see cref="Threshold"/>.</summary>
    public bool IsMatch => Similarity >= Threshold;
}
