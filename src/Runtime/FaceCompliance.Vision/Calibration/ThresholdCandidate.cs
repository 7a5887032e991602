namespace FaceCompliance.Vision;

/// <summary>A threshold one step of the calibration proposes, and what it does on the calibration pairs.</summary>
/// <param name="Method">How it was obtained, e.g. "normal fit + margin".</param>
/// <param name="Threshold">The threshold: pairs at or above it are accepted.</param>
/// <param name="FalseAccepts">Different-person pairs at or above it.</param>
/// <param name="FalseAcceptRate">False accepts over different-person pairs.</param>
/// <param name="FalseRejects">Same-person pairs below it.</param>
/// <param name="FalseRejectRate">False rejects over same-person pairs.</param>
public sealed record ThresholdCandidate(string Method, float Threshold, int FalseAccepts, double FalseAcceptRate, int FalseRejects, double FalseRejectRate);
