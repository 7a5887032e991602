using FaceCompliance;

namespace NonCompliant;

/// <summary>A wrapper that calls itself verification.</summary>
public sealed class ResidentMatcher
{
    private readonly FaceEngine engine = new();

    /// <summary>Whether the face in the frame belongs to any resident.</summary>
    /// <param name="frame">The camera frame.</param>
    /// <returns>Whether a resident was found.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public bool IsResident(byte[] frame)
    {
        // FC0005: the wrapper declares 1:1 verification but searches all residents (1:N identification), which
        // would launder identification as verification for its callers. Inside a wrapper the other rules move to
        // its callers, and it has none.
        return engine.Identify(frame) is not null; // expect FC0005
    }
}
