using System;
using System.Linq;
using MathNet.Numerics.Distributions;
using Xunit;

namespace FaceCompliance.Vision.Tests.Calibration;

/// <summary>The threshold rule on small synthetic score sets whose figures are worked out by hand below.</summary>
public sealed class ThresholdCalibrationTests
{
    // Φ⁻¹(0.95), Φ⁻¹(0.995), Φ⁻¹(0.7) from the normal table.
    private const double Z95 = 1.6448536;
    private const double Z995 = 2.5758293;
    private const double Z70 = 0.5244005;

    [Fact]
    public void A_normal_tail_with_its_margin_sets_the_threshold_when_the_pairs_show_no_heavier_tail()
    {
        // Impostors -0.2, 0, 0.2: mean 0, sd 0.2. Target 5 %: z = 1.6449, normal fit 0.32897.
        // Margin with 3 people: 1.6449 × 0.2 × √(1/3 + 1.6449²/4) = 0.32897 × 1.004848 = 0.33057.
        // 0.32897 + 0.33057 = 0.65954, rounded up: 0.660. Empirical: ⌊0.05 × 3⌋ = 0 accepted, so just above 0.2.
        var report = ThresholdCalibration.FromScores([0.5f, 0.9f], [-0.2f, 0f, 0.2f], people: 3, targetFalseAcceptRate: 0.05);

        Assert.Equal(0.0, report.Impostor.Mean, 6);
        Assert.Equal(0.2, report.Impostor.StandardDeviation, 6);
        Assert.Equal(0.2 * Z95, report.NormalFitThreshold, 6);
        Assert.Equal(Z95 * 0.2 * Math.Sqrt((1.0 / 3) + (Z95 * Z95 / 4)), report.Margin, 6);
        Assert.Equal(0.33057, report.Margin, 5);
        Assert.Equal(MathF.BitIncrement(0.2f), report.EmpiricalThreshold);
        Assert.Equal(0.660f, report.Threshold);
        Assert.Equal((0, 0.0), (report.FalseAccepts, report.FalseAcceptRate));
        Assert.Equal((1, 0.5), (report.FalseRejects, report.FalseRejectRate));
    }

    [Fact]
    public void The_empirical_threshold_wins_when_the_pairs_have_a_heavier_tail_than_the_normal_fit()
    {
        // 99 impostors at 0 and one at 0.9: mean 0.009, sd √((99 × 0.009² + 0.891²)/99) = 0.09.
        // Target 0.5 %: z = 2.5758, normal fit 0.009 + 0.23182 = 0.24082; margin with 10 people
        // 1.6449 × 0.09 × √(0.1 + 2.5758²/18) = 0.10134; together 0.34216. But ⌊0.005 × 100⌋ = 0 pairs may be
        // accepted and one scores 0.9: the threshold is just above 0.9, rounded up to 0.901.
        var impostors = Enumerable.Repeat(0f, 99).Append(0.9f).ToArray();

        var report = ThresholdCalibration.FromScores([0.95f], impostors, people: 10, targetFalseAcceptRate: 0.005);

        Assert.Equal(0.009, report.Impostor.Mean, 6);
        Assert.Equal(0.09, report.Impostor.StandardDeviation, 6);
        Assert.Equal(0.009 + (Z995 * 0.09), report.NormalFitThreshold, 6);
        Assert.Equal(Z95 * 0.09 * Math.Sqrt(0.1 + (Z995 * Z995 / 18)), report.Margin, 6);
        Assert.Equal(MathF.BitIncrement(0.9f), report.EmpiricalThreshold);
        Assert.Equal(0.901f, report.Threshold);
        Assert.Equal(0, report.FalseAccepts);
        Assert.Equal(0, report.FalseRejects);
    }

    [Fact]
    public void The_empirical_threshold_allows_the_target_share_of_the_pairs()
    {
        // 100 impostors 0.00, 0.01, …, 0.99 and a 2 % target: 2 may be accepted, so the threshold is just above the
        // third highest, 0.97.
        var impostors = Enumerable.Range(0, 100).Select(i => i / 100f).ToArray();

        var report = ThresholdCalibration.FromScores([1f], impostors, people: 100, targetFalseAcceptRate: 0.02);

        Assert.Equal(MathF.BitIncrement(0.97f), report.EmpiricalThreshold);
        Assert.Equal(2, report.Candidates.Single(c => c.Method == "empirical").FalseAccepts);
    }

    [Fact]
    public void Upper_bounds_follow_the_rule_of_three_and_clopper_pearson()
    {
        var none = ThresholdCalibration.FromScores([0.5f, 0.9f], [-0.2f, 0f, 0.2f], people: 3, targetFalseAcceptRate: 0.05);

        // No false accept in 3 pairs: 1 − 0.05^(1/3) = 0.631597; the rule of three says 3/3.
        Assert.Equal(0.631597, none.FalseAcceptUpperBound, 6);
        Assert.Equal(1.0, none.LowestDemonstrableFalseAcceptRate, 12);

        // Impostors 0, 0, 0.1, 0.9: mean 0.25, sd √0.19 = 0.43589. Target 30 %: z = 0.5244, normal fit 0.47858;
        // margin with 10 people 1.6449 × 0.43589 × √(0.1 + 0.5244²/18) = 0.24344; threshold 0.72202 → 0.723,
        // which accepts the 0.9 pair: 1 of 4. Its exact upper bound p solves P(X ≤ 1 | 4, p) = 0.05.
        var one = ThresholdCalibration.FromScores([0.95f], [0f, 0f, 0.1f, 0.9f], people: 10, targetFalseAcceptRate: 0.3);

        Assert.Equal(0.25 + (Z70 * Math.Sqrt(0.19)), one.NormalFitThreshold, 6);
        Assert.Equal(0.723f, one.Threshold);
        Assert.Equal((1, 0.25), (one.FalseAccepts, one.FalseAcceptRate));
        Assert.Equal(0.05, Binomial.CDF(one.FalseAcceptUpperBound, 4, 1), 9);
        Assert.Equal(0.75, one.LowestDemonstrableFalseAcceptRate, 12);
    }

    [Fact]
    public void The_predicted_rate_is_the_fitted_normal_tail_at_the_threshold()
    {
        var report = ThresholdCalibration.FromScores([0.5f, 0.9f], [-0.2f, 0f, 0.2f], people: 3, targetFalseAcceptRate: 0.05);

        // P(Z ≥ 0.660 / 0.2 = 3.3) = 0.000483.
        Assert.Equal(0.000483, report.PredictedFalseAcceptRate, 6);
    }

    [Fact]
    public void Candidates_list_the_default_each_step_and_the_recommendation_with_their_errors()
    {
        var report = ThresholdCalibration.FromScores([0.3f, 0.5f, 0.9f], [-0.2f, 0f, 0.2f], people: 3, targetFalseAcceptRate: 0.05);

        Assert.Equal(["default", "normal fit", "normal fit + margin", "empirical", "recommended"], report.Candidates.Select(c => c.Method));
        var byDefault = report.Candidates[0];
        Assert.Equal(FaceMatchThreshold.Default, byDefault.Threshold);
        Assert.Equal((0, 1, 1.0 / 3), (byDefault.FalseAccepts, byDefault.FalseRejects, byDefault.FalseRejectRate));
        var empirical = report.Candidates[3];
        Assert.Equal((0, 0), (empirical.FalseAccepts, empirical.FalseRejects));
        Assert.Equal(report.Threshold, report.Candidates[4].Threshold);
        Assert.Equal(2, report.Candidates[4].FalseRejects);
    }

    [Fact]
    public void Histograms_have_bins_of_0_05_on_multiples_of_0_05_including_empty_ones()
    {
        var report = ThresholdCalibration.FromScores([0f, 0.04f, 0.05f, 0.17f], [-0.01f, 0.3f], people: 2, targetFalseAcceptRate: 0.1);

        Assert.Equal(
            [(0.0, 0.05, 2), (0.05, 0.1, 1), (0.1, 0.15, 0), (0.15, 0.2, 1)],
            report.Genuine.Histogram.Select(b => (Math.Round(b.From, 9), Math.Round(b.To, 9), b.Count)));
        Assert.Equal(-0.05, report.Impostor.Histogram[0].From, 9);
        Assert.Equal(8, report.Impostor.Histogram.Count); // -0.05 to 0.35: 0.3 opens the bin [0.30, 0.35)
        Assert.Equal(2, report.Impostor.Histogram.Sum(b => b.Count));
        Assert.Equal((-0.01f, 0.3f), (report.Impostor.Minimum, report.Impostor.Maximum));
    }

    [Fact]
    public void Calibrate_scores_every_pair_of_the_templates_by_cosine_similarity()
    {
        // a1·a2 = 0.8 and b1·b2 = 0.8 (same person); a1·b1 = 0, a1·b2 = 0.6, a2·b1 = 0.6, a2·b2 = 0.96.
        LabelledTemplate[] templates =
        [
            new("a", new FaceTemplate([1f, 0f])), new("a", new FaceTemplate([0.8f, 0.6f])),
            new("b", new FaceTemplate([0f, 1f])), new("b", new FaceTemplate([0.6f, 0.8f])),
        ];

        var report = ThresholdCalibration.Calibrate(templates, 0.25);

        var expected = ThresholdCalibration.FromScores([0.8f, 0.8f], [0f, 0.6f, 0.6f, 0.96f], people: 2, targetFalseAcceptRate: 0.25);
        Assert.Equal(2, report.People);
        Assert.Equal((2, 4), (report.Genuine.Count, report.Impostor.Count));
        Assert.Equal(0.96f, report.Impostor.Maximum, 5);
        Assert.Equal(expected.Threshold, report.Threshold);
        Assert.Equal(expected.Impostor.Mean, report.Impostor.Mean, 6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    public void A_target_outside_0_to_0_5_is_refused(double target)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdCalibration.FromScores([0.9f], [0f, 0.1f], 2, target));

        Assert.Contains("above 0 and below 0.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_person_is_refused_by_name()
    {
        LabelledTemplate[] templates = [new("amy", new FaceTemplate([1f, 0f])), new("amy", new FaceTemplate([0f, 1f]))];

        var error = Assert.Throws<ArgumentException>(() => ThresholdCalibration.Calibrate(templates, 0.001));

        Assert.Contains("at least 2 people", error.Message, StringComparison.Ordinal);
        Assert.Contains("'amy'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_template_at_all_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ThresholdCalibration.Calibrate([], 0.001));

        Assert.Contains("no templates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_same_person_pair_is_refused()
    {
        LabelledTemplate[] templates = [new("amy", new FaceTemplate([1f, 0f])), new("raj", new FaceTemplate([0f, 1f])), new("penny", new FaceTemplate([1f, 1f]))];

        var error = Assert.Throws<ArgumentException>(() => ThresholdCalibration.Calibrate(templates, 0.001));

        Assert.Contains("No person has two templates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_of_two_dimensions_or_without_a_name_are_refused()
    {
        var mixed = Assert.Throws<ArgumentException>(() => ThresholdCalibration.Calibrate(
            [new("amy", new FaceTemplate([1f, 0f])), new("raj", new FaceTemplate([0f, 1f, 0f]))], 0.001));
        var unnamed = Assert.Throws<ArgumentException>(() => ThresholdCalibration.Calibrate(
            [new("amy", new FaceTemplate([1f, 0f])), new(" ", new FaceTemplate([0f, 1f]))], 0.001));

        Assert.Contains("Entry 1 ('raj') has 3 values; entry 0 has 2", mixed.Message, StringComparison.Ordinal);
        Assert.Contains("Entry 1 names no person", unnamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_that_cannot_be_fitted_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdCalibration.FromScores([0.9f], [0f, 0.1f], people: 1, 0.001));
        Assert.Contains("no same-person score", Assert.Throws<ArgumentException>(() => ThresholdCalibration.FromScores([], [0f, 0.1f], 2, 0.001)).Message, StringComparison.Ordinal);
        Assert.Contains("at least 2 different-person scores; got 1", Assert.Throws<ArgumentException>(() => ThresholdCalibration.FromScores([0.9f], [0f], 2, 0.001)).Message, StringComparison.Ordinal);
        Assert.Contains("Score 1 is NaN", Assert.Throws<ArgumentException>(() => ThresholdCalibration.FromScores([0.9f], [0f, float.NaN], 2, 0.001)).Message, StringComparison.Ordinal);
    }
}
