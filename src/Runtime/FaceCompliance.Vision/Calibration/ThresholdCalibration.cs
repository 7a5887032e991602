using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Distributions;

namespace FaceCompliance.Vision;

/// <summary>
/// Chooses a 1:1 match threshold for a target false-accept rate from labelled templates: every pair of two people's
/// templates is a different-person (impostor) pair, every pair of one person's templates a same-person (genuine) pair.
/// </summary>
/// <remarks>
/// <para>The rule, in order:</para>
/// <list type="number">
/// <item><b>Normal fit.</b> The impostor scores' mean μ and sample standard deviation σ; the threshold the normal
/// distribution puts at the target rate α is μ + zσ, z = Φ⁻¹(1 − α) (3.090 for 0.1 %).</item>
/// <item><b>Margin.</b> The one-sided 95 % confidence margin of that quantile (delta method):
/// 1.645 σ √(1/n + z²/(2(n − 1))), with n the number of <i>people</i>, not of pairs. The pairs are not independent
/// draws: all pairs of two people share those two faces, and one pair of look-alike people lifts all their photo
/// pairs together, so the tail is known only as well as the number of people allows. A deployment meets new people,
/// whose look-alikes the calibration set does not hold: the margin widens as fewer people were seen.</item>
/// <item><b>Empirical check.</b> The lowest threshold that accepts at most ⌊α × impostor pairs⌋ of the pairs
/// themselves, so that a tail heavier than the normal's on these pairs is never ignored.</item>
/// <item>The recommended threshold is the larger of 2 and 3, rounded up to a multiple of 0.001.</item>
/// </list>
/// <para>
/// The report also gives the rule of three (3 / impostor pairs: the lowest rate these pairs can show at 95 %
/// confidence) and the exact upper bound at the threshold. The false-reject rate is measured on the same-person pairs;
/// it does not steer the threshold.
/// </para>
/// </remarks>
public static class ThresholdCalibration
{
    /// <summary>The one-sided confidence of the margin and of the upper bound: 95 %.</summary>
    public const double Confidence = 0.95;

    /// <summary>Histogram bins per unit of score: 20, bins 0.05 wide.</summary>
    public const int HistogramBinsPerUnit = 20;

    /// <summary>
    /// Scores every pair of <paramref name="templates"/> by cosine similarity and applies the rule. The templates must
    /// come from photos whose people each consented to the calibration purpose; nothing is kept.
    /// </summary>
    /// <param name="templates">At least two people's templates, at least one person with two or more, all of one dimension.</param>
    /// <param name="targetFalseAcceptRate">Above 0 and below 0.5, e.g. 0.001 for 0.1 %.</param>
    /// <returns>The threshold and the figures behind it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The target is not above 0 and below 0.5.</exception>
    /// <exception cref="ArgumentException">An entry, name or template is missing, the dimensions differ, fewer than two people, or no one has two templates.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public static ThresholdCalibrationReport Calibrate(IReadOnlyList<LabelledTemplate> templates, double targetFalseAcceptRate)
    {
        ArgumentNullException.ThrowIfNull(templates);
        EnsureTarget(targetFalseAcceptRate);
        EnsureWellFormed(templates);
        var people = templates.GroupBy(t => t.Person, StringComparer.Ordinal).ToList();
        if (people.Count < 2)
        {
            throw new ArgumentException(people.Count == 0
                ? "Calibration needs photos of at least 2 people; there are no templates."
                : Format($"Calibration needs photos of at least 2 people; all {templates.Count} templates are of '{people[0].Key}'."), nameof(templates));
        }

        if (people.All(p => p.Count() < 2))
        {
            throw new ArgumentException(Format($"No person has two templates, so there is no same-person pair to measure false rejects: give at least 2 photos of some of the {people.Count} people."), nameof(templates));
        }

        var genuine = new List<float>();
        var impostor = new List<float>();
        for (var i = 0; i < templates.Count; i++)
        {
            for (var j = i + 1; j < templates.Count; j++)
            {
                var score = templates[i].Template.CosineSimilarity(templates[j].Template);
                (string.Equals(templates[i].Person, templates[j].Person, StringComparison.Ordinal) ? genuine : impostor).Add(score);
            }
        }

        return FromScores(genuine, impostor, people.Count, targetFalseAcceptRate);
    }

    /// <summary>Applies the rule to pair scores already computed.</summary>
    /// <param name="genuineScores">Same-person pair scores; at least one.</param>
    /// <param name="impostorScores">Different-person pair scores; at least two.</param>
    /// <param name="people">How many people the pairs come from; at least 2 (the margin's n).</param>
    /// <param name="targetFalseAcceptRate">Above 0 and below 0.5.</param>
    /// <returns>The threshold and the figures behind it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The target is not above 0 and below 0.5, or fewer than 2 people.</exception>
    /// <exception cref="ArgumentException">No genuine score, fewer than two impostor scores, or a score that is not a finite number.</exception>
    public static ThresholdCalibrationReport FromScores(IReadOnlyList<float> genuineScores, IReadOnlyList<float> impostorScores, int people, double targetFalseAcceptRate)
    {
        ArgumentNullException.ThrowIfNull(genuineScores);
        ArgumentNullException.ThrowIfNull(impostorScores);
        EnsureTarget(targetFalseAcceptRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 2);
        if (genuineScores.Count == 0)
        {
            throw new ArgumentException("There is no same-person score: the false-reject rate cannot be measured.", nameof(genuineScores));
        }

        if (impostorScores.Count < 2)
        {
            throw new ArgumentException(Format($"A normal fit needs at least 2 different-person scores; got {impostorScores.Count}."), nameof(impostorScores));
        }

        EnsureFinite(genuineScores, nameof(genuineScores));
        EnsureFinite(impostorScores, nameof(impostorScores));

        var genuine = ScoreSummary.Of(genuineScores);
        var impostor = ScoreSummary.Of(impostorScores);
        var z = Normal.InvCDF(0, 1, 1 - targetFalseAcceptRate);
        var normalFit = impostor.Mean + (z * impostor.StandardDeviation);
        var margin = Normal.InvCDF(0, 1, Confidence) * impostor.StandardDeviation * Math.Sqrt((1.0 / people) + (z * z / (2.0 * (people - 1))));
        var empirical = EmpiricalThreshold(impostorScores, targetFalseAcceptRate);
        var threshold = RoundUpToThousandth(Math.Max(normalFit + margin, empirical));

        var falseAccepts = FalseAccepts(impostorScores, threshold);
        var falseRejects = FalseRejects(genuineScores, threshold);
        ThresholdCandidate Candidate(string method, float at) => new(
            method, at, FalseAccepts(impostorScores, at), (double)FalseAccepts(impostorScores, at) / impostorScores.Count,
            FalseRejects(genuineScores, at), (double)FalseRejects(genuineScores, at) / genuineScores.Count);

        return new ThresholdCalibrationReport
        {
            TargetFalseAcceptRate = targetFalseAcceptRate,
            People = people,
            Threshold = threshold,
            NormalFitThreshold = normalFit,
            Margin = margin,
            EmpiricalThreshold = empirical,
            FalseAccepts = falseAccepts,
            FalseAcceptRate = (double)falseAccepts / impostorScores.Count,
            FalseAcceptUpperBound = UpperBound(falseAccepts, impostorScores.Count),
            LowestDemonstrableFalseAcceptRate = 3.0 / impostorScores.Count,
            PredictedFalseAcceptRate = impostor.StandardDeviation > 0
                ? 1 - Normal.CDF(impostor.Mean, impostor.StandardDeviation, threshold)
                : (threshold <= impostor.Mean ? 1 : 0),
            FalseRejects = falseRejects,
            FalseRejectRate = (double)falseRejects / genuineScores.Count,
            Genuine = genuine,
            Impostor = impostor,
            Candidates =
            [
                Candidate("default", FaceMatchThreshold.Default),
                Candidate("normal fit", (float)normalFit),
                Candidate("normal fit + margin", (float)(normalFit + margin)),
                Candidate("empirical", empirical),
                Candidate("recommended", threshold),
            ],
        };
    }

    // The lowest float threshold with at most ⌊α N⌋ scores at or above it: just above the (⌊α N⌋ + 1)-th highest.
    private static float EmpiricalThreshold(IReadOnlyList<float> impostorScores, double targetFalseAcceptRate)
    {
        var allowed = (int)Math.Floor(targetFalseAcceptRate * impostorScores.Count * (1 + 1e-12));
        var descending = impostorScores.OrderByDescending(s => s).ToList();
        return MathF.BitIncrement(descending[allowed]);
    }

    // One-sided exact (Clopper–Pearson) upper bound of a binomial rate.
    private static double UpperBound(int failures, int trials) => failures >= trials
        ? 1
        : failures == 0
            ? 1 - Math.Pow(1 - Confidence, 1.0 / trials)
            : Beta.InvCDF(failures + 1, trials - failures, Confidence);

    private static float RoundUpToThousandth(double threshold) => (float)(Math.Ceiling(Math.Round(threshold * 1000, 9)) / 1000);

    private static int FalseAccepts(IReadOnlyList<float> impostorScores, float threshold) => impostorScores.Count(s => s >= threshold);

    private static int FalseRejects(IReadOnlyList<float> genuineScores, float threshold) => genuineScores.Count(s => s < threshold);

    private static void EnsureTarget(double targetFalseAcceptRate)
    {
        if (!(targetFalseAcceptRate is > 0 and < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(targetFalseAcceptRate), targetFalseAcceptRate,
                "The target false-accept rate must be above 0 and below 0.5, e.g. 0.001 for 0.1 %.");
        }
    }

    private static void EnsureWellFormed(IReadOnlyList<LabelledTemplate> templates)
    {
        for (var i = 0; i < templates.Count; i++)
        {
            var entry = templates[i] ?? throw new ArgumentException(Format($"Entry {i} is null."), nameof(templates));
            if (string.IsNullOrWhiteSpace(entry.Person))
            {
                throw new ArgumentException(Format($"Entry {i} names no person."), nameof(templates));
            }

            if (entry.Template is null)
            {
                throw new ArgumentException(Format($"Entry {i} ('{entry.Person}') has no template."), nameof(templates));
            }

            if (entry.Template.Dimension != templates[0].Template.Dimension)
            {
                throw new ArgumentException(Format($"Entry {i} ('{entry.Person}') has {entry.Template.Dimension} values; entry 0 has {templates[0].Template.Dimension}. Templates of one model only."), nameof(templates));
            }
        }
    }

    private static void EnsureFinite(IReadOnlyList<float> scores, string parameterName)
    {
        for (var i = 0; i < scores.Count; i++)
        {
            if (!float.IsFinite(scores[i]))
            {
                throw new ArgumentException(Format($"Score {i} is {scores[i]}, not a finite number."), parameterName);
            }
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
