namespace FaceCompliance.Vision;

/// <summary>The outcome of a liveness check.</summary>
/// <param name="Score">The live probability, from 0 to 1.</param>
/// <param name="Threshold">The threshold it was compared with.</param>
public readonly record struct LivenessResult(float Score, float Threshold)
{
    /// <summary>Whether <see cref="Score"/> reaches <see cref="Threshold"/>.</summary>
    public bool IsLive => Score >= Threshold;
}
