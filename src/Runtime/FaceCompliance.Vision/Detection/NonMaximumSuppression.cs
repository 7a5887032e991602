using System;
using System.Collections.Generic;
using System.Globalization;

namespace FaceCompliance.Vision;

/// <summary>
/// Greedy non-maximum suppression of detector candidates: keep the best-scoring box, drop every remaining box that
/// overlaps it by more than the IoU threshold, repeat.
/// </summary>
/// <remarks>
/// The faceplugin JavaScript sorts by the boxes' bottom edge and measures overlap against one box's own area; this
/// is the standard form (score order, intersection over union), as in torchvision's <c>nms</c>.
/// </remarks>
internal static class NonMaximumSuppression
{
    /// <summary>The detector's default: a box overlapping a better one by more than this IoU is dropped.</summary>
    public const float DefaultIouThreshold = 0.4f;

    /// <summary>The detector's default: candidates scoring below this are not faces.</summary>
    public const float DefaultScoreThreshold = 0.65f;

    /// <summary>How many candidates, best first, are considered at most (the JavaScript's <c>top_k</c>).</summary>
    public const int DefaultMaxCandidates = 750;

    /// <summary>Suppresses overlapping boxes.</summary>
    /// <param name="candidates">The candidates, in any order.</param>
    /// <param name="iouThreshold">A box whose IoU with a kept, better box is greater than this is dropped; 0 to 1.</param>
    /// <param name="scoreThreshold">Candidates scoring below this are dropped first (a score equal to it is kept).</param>
    /// <param name="maxCandidates">At most this many candidates, best first, take part.</param>
    /// <returns>The kept boxes, best score first (ties: earlier candidate first). Empty boxes and NaN scores are never kept.</returns>
    public static List<FaceBox> Apply(
        ReadOnlySpan<FaceBox> candidates,
        float iouThreshold = DefaultIouThreshold,
        float scoreThreshold = DefaultScoreThreshold,
        int maxCandidates = DefaultMaxCandidates)
    {
        CheckThresholds(iouThreshold, scoreThreshold, maxCandidates);
        var order = new List<(FaceBox Box, int Index)>();
        for (var i = 0; i < candidates.Length; i++)
        {
            var box = candidates[i];
            if (box.Score >= scoreThreshold && !box.IsEmpty)
            {
                order.Add((box, i));
            }
        }

        return Suppress(order, iouThreshold, maxCandidates);
    }

    /// <summary>
    /// Reads the detector's raw outputs (already decoded, corner form, relative to the image), keeps candidates at or
    /// above the score threshold, scales them to pixels and suppresses overlaps.
    /// </summary>
    /// <param name="relativeBoxes">N × 4 floats: left, top, right, bottom as fractions of the input size.</param>
    /// <param name="scores">N × <paramref name="scoresPerCandidate"/> floats.</param>
    /// <param name="imageWidth">The width the boxes are scaled to.</param>
    /// <param name="imageHeight">The height the boxes are scaled to.</param>
    /// <param name="scoresPerCandidate">The scores per candidate (2 for background, face).</param>
    /// <param name="faceScoreIndex">Which of them is the face score.</param>
    /// <param name="iouThreshold">See <see cref="Apply"/>.</param>
    /// <param name="scoreThreshold">See <see cref="Apply"/>.</param>
    /// <param name="maxCandidates">See <see cref="Apply"/>.</param>
    /// <returns>The kept boxes in pixels, best score first.</returns>
    public static List<FaceBox> FromDetectorOutput(
        ReadOnlySpan<float> relativeBoxes,
        ReadOnlySpan<float> scores,
        int imageWidth,
        int imageHeight,
        int scoresPerCandidate = 2,
        int faceScoreIndex = 1,
        float iouThreshold = DefaultIouThreshold,
        float scoreThreshold = DefaultScoreThreshold,
        int maxCandidates = DefaultMaxCandidates)
    {
        CheckThresholds(iouThreshold, scoreThreshold, maxCandidates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scoresPerCandidate);
        if ((uint)faceScoreIndex >= (uint)scoresPerCandidate)
        {
            throw new ArgumentOutOfRangeException(nameof(faceScoreIndex), faceScoreIndex, "The face score index must be below the scores per candidate.");
        }

        if (relativeBoxes.Length % 4 != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Boxes come as 4 floats each; {relativeBoxes.Length} is not a multiple of 4."), nameof(relativeBoxes));
        }

        var count = relativeBoxes.Length / 4;
        if (scores.Length != (long)count * scoresPerCandidate)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{count} boxes need {(long)count * scoresPerCandidate} scores, not {scores.Length}."), nameof(scores));
        }

        var order = new List<(FaceBox Box, int Index)>();
        for (var i = 0; i < count; i++)
        {
            var score = scores[(i * scoresPerCandidate) + faceScoreIndex];
            if (!(score >= scoreThreshold))
            {
                continue;
            }

            var b = relativeBoxes.Slice(i * 4, 4);
            var box = new FaceBox(b[0] * imageWidth, b[1] * imageHeight, b[2] * imageWidth, b[3] * imageHeight, score);
            if (!box.IsEmpty)
            {
                order.Add((box, i));
            }
        }

        return Suppress(order, iouThreshold, maxCandidates);
    }

    private static List<FaceBox> Suppress(List<(FaceBox Box, int Index)> order, float iouThreshold, int maxCandidates)
    {
        order.Sort(static (a, b) => a.Box.Score != b.Box.Score ? b.Box.Score.CompareTo(a.Box.Score) : a.Index.CompareTo(b.Index));
        var count = Math.Min(order.Count, maxCandidates);
        var kept = new List<FaceBox>();
        Span<bool> suppressed = count <= 1024 ? stackalloc bool[count] : new bool[count];
        for (var i = 0; i < count; i++)
        {
            if (suppressed[i])
            {
                continue;
            }

            var best = order[i].Box;
            kept.Add(best);
            for (var j = i + 1; j < count; j++)
            {
                if (!suppressed[j] && best.IntersectionOverUnion(order[j].Box) > iouThreshold)
                {
                    suppressed[j] = true;
                }
            }
        }

        return kept;
    }

    private static void CheckThresholds(float iouThreshold, float scoreThreshold, int maxCandidates)
    {
        if (float.IsNaN(scoreThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(scoreThreshold), scoreThreshold, "The score threshold must be a number.");
        }

        if (!(iouThreshold is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(iouThreshold), iouThreshold, "The IoU threshold must be from 0 to 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCandidates);
    }
}
