namespace FaceCompliance;

/// <summary>
/// The outcome of a 1:1 comparison: a probe against the templates of the person who gave the receipt. Returned by
/// <c>FaceVerifier&lt;TPurpose&gt;.Verify</c> (FaceCompliance.Vision: from a photo) and by
/// <see cref="IFaceTemplateStore.Verify{TPurpose}"/> (from a template).
/// </summary>
/// <param name="Similarity">The best cosine similarity of the probe with the person's templates, from −1 to 1.</param>
/// <param name="Threshold">The threshold it was compared with.</param>
public readonly record struct FaceVerification(float Similarity, float Threshold)
{
    /// <summary>Whether the probe is taken as the same person: <see cref="Similarity"/> reaches <see cref="Threshold"/>.</summary>
    public bool IsMatch => Similarity >= Threshold;
}
