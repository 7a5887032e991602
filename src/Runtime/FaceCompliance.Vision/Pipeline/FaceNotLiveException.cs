using System;

namespace FaceCompliance.Vision;

/// <summary>A face did not pass the liveness gate: it may be a photo or a screen. Nothing was stored or compared.</summary>
public sealed class FaceNotLiveException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public FaceNotLiveException(LivenessResult result)
        : base(FormattableString.Invariant($"The face did not pass the liveness check (live probability {result.Score:F3}, threshold {result.Threshold:F3}); present the person, not a photo or screen, or use the alternative."))
        => Result = result;

    /// <summary>The check's score and threshold.</summary>
    public LivenessResult Result { get; }
}
