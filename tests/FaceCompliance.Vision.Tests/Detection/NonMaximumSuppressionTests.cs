using System;
using System.Linq;
using Xunit;

namespace FaceCompliance.Vision.Tests.Detection;

public class NonMaximumSuppressionTests
{
    [Fact]
    public void IoU_of_hand_made_boxes()
    {
        var a = new FaceBox(0, 0, 10, 10, 1);

        Assert.Equal(1f, a.IntersectionOverUnion(a));
        Assert.Equal(50f / 150, a.IntersectionOverUnion(new FaceBox(5, 0, 15, 10, 1)), 6);
        Assert.Equal(25f / 175, a.IntersectionOverUnion(new FaceBox(5, 5, 15, 15, 1)), 6);
        Assert.Equal(0f, a.IntersectionOverUnion(new FaceBox(10, 0, 20, 10, 1))); // touching edges
        Assert.Equal(0f, a.IntersectionOverUnion(new FaceBox(30, 30, 40, 40, 1)));
        Assert.Equal(0.25f, a.IntersectionOverUnion(new FaceBox(0, 0, 5, 5, 1))); // contained
        Assert.Equal(0f, a.IntersectionOverUnion(new FaceBox(5, 5, 5, 8, 1))); // empty
    }

    [Fact]
    public void Keeps_the_best_of_overlapping_boxes_and_separate_faces()
    {
        FaceBox[] candidates =
        [
            new(0, 0, 10, 10, 0.80f),
            new(1, 0, 11, 10, 0.95f),   // IoU 0.82 with the first: the first goes
            new(50, 50, 70, 70, 0.70f), // alone: kept
            new(0, 1, 10, 11, 0.90f),   // IoU 0.68 with the best: goes
        ];

        var kept = NonMaximumSuppression.Apply(candidates);

        Assert.Equal(new[] { candidates[1], candidates[2] }, kept);
    }

    [Fact]
    public void The_iou_threshold_is_exclusive()
    {
        // IoU exactly 0.4 (7 x 1 boxes overlapping by 4): not suppressed at 0.4, suppressed just below.
        var a = new FaceBox(0, 0, 7, 1, 0.9f);
        var b = new FaceBox(3, 0, 10, 1, 0.8f); // intersection 4, union 10
        Assert.Equal(0.4f, a.IntersectionOverUnion(b));

        Assert.Equal(2, NonMaximumSuppression.Apply([a, b], iouThreshold: 0.4f).Count);
        Assert.Single(NonMaximumSuppression.Apply([a, b], iouThreshold: 0.39f));
    }

    [Fact]
    public void A_chain_of_overlaps_is_resolved_greedily_from_the_best()
    {
        // A overlaps B, B overlaps C, A does not overlap C: A suppresses B, so C survives.
        var a = new FaceBox(0, 0, 10, 10, 0.9f);
        var b = new FaceBox(3, 0, 13, 10, 0.8f);
        var c = new FaceBox(7, 0, 17, 10, 0.7f);
        Assert.True(a.IntersectionOverUnion(b) > 0.4f && b.IntersectionOverUnion(c) > 0.4f && a.IntersectionOverUnion(c) < 0.4f);

        Assert.Equal(new[] { a, c }, NonMaximumSuppression.Apply([c, b, a]));
    }

    [Fact]
    public void Drops_low_scores_empty_boxes_and_NaN_scores_and_keeps_a_score_equal_to_the_threshold()
    {
        FaceBox[] candidates =
        [
            new(0, 0, 10, 10, 0.64f),
            new(20, 0, 30, 10, 0.65f),
            new(40, 0, 40, 10, 0.99f),
            new(60, 10, 70, 0, 0.99f),
            new(80, 0, 90, 10, float.NaN),
        ];

        Assert.Equal(new[] { candidates[1] }, NonMaximumSuppression.Apply(candidates));
    }

    [Fact]
    public void Output_is_best_first_and_ties_keep_candidate_order()
    {
        FaceBox[] candidates = [new(0, 0, 1, 1, 0.7f), new(10, 0, 11, 1, 0.9f), new(20, 0, 21, 1, 0.7f), new(30, 0, 31, 1, 0.8f)];

        var kept = NonMaximumSuppression.Apply(candidates);

        Assert.Equal(new[] { candidates[1], candidates[3], candidates[0], candidates[2] }, kept);
    }

    [Fact]
    public void Only_the_best_max_candidates_take_part()
    {
        var candidates = Enumerable.Range(0, 10).Select(i => new FaceBox(i * 20, 0, (i * 20) + 10, 10, 0.7f + (i * 0.01f))).ToArray();

        var kept = NonMaximumSuppression.Apply(candidates, maxCandidates: 3);

        Assert.Equal(new[] { candidates[9], candidates[8], candidates[7] }, kept);
    }

    [Fact]
    public void Reads_raw_detector_output_scaling_relative_boxes_to_the_image()
    {
        float[] boxes =
        [
            0.10f, 0.20f, 0.30f, 0.50f, // face, 0.9
            0.11f, 0.20f, 0.31f, 0.50f, // the same face, 0.8: suppressed
            0.60f, 0.10f, 0.80f, 0.40f, // another face, 0.7
            0.00f, 0.00f, 0.10f, 0.10f, // background
        ];
        float[] scores = [0.1f, 0.9f, 0.2f, 0.8f, 0.3f, 0.7f, 0.9f, 0.1f];

        var kept = NonMaximumSuppression.FromDetectorOutput(boxes, scores, 640, 480);

        Assert.Equal(2, kept.Count);
        AssertBox(new FaceBox(64, 96, 192, 240, 0.9f), kept[0]);
        AssertBox(new FaceBox(384, 48, 512, 192, 0.7f), kept[1]);
    }

    [Fact]
    public void Raw_output_with_wrong_shapes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NonMaximumSuppression.FromDetectorOutput(new float[7], new float[4], 10, 10));
        Assert.Throws<ArgumentException>(() => NonMaximumSuppression.FromDetectorOutput(new float[8], new float[3], 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonMaximumSuppression.FromDetectorOutput(new float[8], new float[4], 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonMaximumSuppression.FromDetectorOutput(new float[8], new float[4], 10, 10, faceScoreIndex: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonMaximumSuppression.Apply([], iouThreshold: 1.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonMaximumSuppression.Apply([], scoreThreshold: float.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonMaximumSuppression.Apply([], maxCandidates: 0));
        Assert.Empty(NonMaximumSuppression.Apply([]));
    }

    [Fact]
    public void Squaring_keeps_the_centre_and_takes_the_longer_side()
    {
        var tall = new FaceBox(10, 20, 50, 80, 0.9f).ToSquare();
        var wide = new FaceBox(0, 0, 30, 10, 0.8f).ToSquare();

        Assert.Equal(new FaceBox(0, 20, 60, 80, 0.9f), tall);
        Assert.Equal(new FaceBox(0, -10, 30, 20, 0.8f), wide);
        Assert.Equal(tall.Width, tall.Height);
    }

    [Fact]
    public void Box_helpers_scale_translate_and_clamp()
    {
        var box = new FaceBox(-5, 10, 30, 50, 0.5f);

        Assert.Equal(new FaceBox(-10, 30, 60, 150, 0.5f), box.Scale(2, 3));
        Assert.Equal(new FaceBox(-90, -35, -55, 5, 0.5f), box.Translate(-85, -45));
        Assert.Equal(new FaceBox(0, 10, 20, 40, 0.5f), box.ClampTo(20, 40));
        Assert.Equal((35f, 40f, 12.5f, 30f, 1400f), (box.Width, box.Height, box.CenterX, box.CenterY, box.Area));
        Assert.Equal("FaceBox (-5.0, 10.0)-(30.0, 50.0) score 0.500", box.ToString());
    }

    private static void AssertBox(FaceBox expected, FaceBox actual)
    {
        Assert.Equal(expected.Left, actual.Left, 3);
        Assert.Equal(expected.Top, actual.Top, 3);
        Assert.Equal(expected.Right, actual.Right, 3);
        Assert.Equal(expected.Bottom, actual.Bottom, 3);
        Assert.Equal(expected.Score, actual.Score);
    }
}
