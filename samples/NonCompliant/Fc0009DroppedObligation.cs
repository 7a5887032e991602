using FaceCompliance;

namespace NonCompliant;

/// <summary>A door camera.</summary>
public interface IDoorCamera
{
    /// <summary>Counts the faces in a frame.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>The number of faces.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    int CountFaces(byte[] frame);
}

/// <summary>A cheap door camera.</summary>
public sealed class CheapDoorCamera : IDoorCamera
{
    // FC0009: the implementation drops the interface's [ProcessesFacialData(Detection)], so code that calls
    // CheapDoorCamera.CountFaces directly escapes every rule.
    /// <inheritdoc/>
    public int CountFaces(byte[] frame) => frame.Length > 0 ? 1 : 0; // expect FC0009
}
