using System.Collections.Generic;

namespace FaceCompliance.Vision;

/// <summary>
/// What <see cref="ThresholdCalibration"/> found: the threshold for the target false-accept rate, its false-accept and
/// false-reject rates on the calibration pairs, how each step of the rule got there, and both score distributions.
/// </summary>
public sealed record ThresholdCalibrationReport
{
    /// <summary>The false-accept rate asked for, e.g. 0.001.</summary>
    public required double TargetFalseAcceptRate { get; init; }

    /// <summary>How many different people the pairs come from.</summary>
    public required int People { get; init; }

    /// <summary>The recommended threshold: the larger of <see cref="NormalFitThreshold"/> + <see cref="Margin"/> and <see cref="EmpiricalThreshold"/>, rounded up to a multiple of 0.001.</summary>
    public required float Threshold { get; init; }

    /// <summary>The normal distribution's quantile at the target: impostor mean + z × impostor standard deviation, z = Φ⁻¹(1 − target).</summary>
    public required double NormalFitThreshold { get; init; }

    /// <summary>
    /// What is added to <see cref="NormalFitThreshold"/>: the one-sided 95 % confidence margin of that quantile,
    /// 1.645 × sd × √(1/n + z²/(2(n − 1))), with n the number of people (<see cref="ThresholdCalibration"/> says why).
    /// </summary>
    public required double Margin { get; init; }

    /// <summary>The lowest threshold that accepts at most ⌊target × different-person pairs⌋ of the pairs themselves.</summary>
    public required float EmpiricalThreshold { get; init; }

    /// <summary>Different-person pairs at or above <see cref="Threshold"/>.</summary>
    public required int FalseAccepts { get; init; }

    /// <summary><see cref="FalseAccepts"/> over the different-person pairs.</summary>
    public required double FalseAcceptRate { get; init; }

    /// <summary>The exact (Clopper–Pearson) one-sided 95 % upper bound of the false-accept rate at <see cref="Threshold"/>, given <see cref="FalseAccepts"/>; about 3/pairs when none is accepted.</summary>
    public required double FalseAcceptUpperBound { get; init; }

    /// <summary>
    /// The rule of three: 3 over the different-person pairs, the lowest false-accept rate that these pairs can show at
    /// 95 % confidence even with no false accept. A target below it is met by the model, not shown by the photos.
    /// </summary>
    public required double LowestDemonstrableFalseAcceptRate { get; init; }

    /// <summary>The false-accept rate the fitted normal distribution predicts at <see cref="Threshold"/>.</summary>
    public required double PredictedFalseAcceptRate { get; init; }

    /// <summary>Same-person pairs below <see cref="Threshold"/>.</summary>
    public required int FalseRejects { get; init; }

    /// <summary><see cref="FalseRejects"/> over the same-person pairs.</summary>
    public required double FalseRejectRate { get; init; }

    /// <summary>The same-person (genuine) pair scores.</summary>
    public required ScoreSummary Genuine { get; init; }

    /// <summary>The different-person (impostor) pair scores.</summary>
    public required ScoreSummary Impostor { get; init; }

    /// <summary>
    /// The thresholds compared, with their error counts on the calibration pairs: the library's default
    /// (<see cref="FaceMatchThreshold.Default"/>), the normal fit, the normal fit with its margin, the empirical
    /// threshold and the recommended one.
    /// </summary>
    public required IReadOnlyList<ThresholdCandidate> Candidates { get; init; }
}
