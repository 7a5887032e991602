using System.Globalization;

namespace FaceCompliance.Vision;

/// <summary>A person a 1:N search found: an enrolled subject whose consent is valid, at or above the threshold.</summary>
/// <param name="SubjectId">The subject of the consent receipt the template was enrolled with.</param>
/// <param name="Similarity">The cosine similarity with the probe.</param>
public readonly record struct FaceIdentification(string SubjectId, float Similarity)
{
    /// <summary>The subject and similarity, for logs.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SubjectId}: {Similarity:F4}");
}
