using System;

namespace FaceCompliance.Vision;

/// <summary>
/// The k best (score, row) pairs seen so far: a min-heap whose root is the worst kept pair. "Better" means a higher
/// score, or an equal score and a lower row, so results do not depend on the order pairs are offered in.
/// </summary>
internal sealed class TopK
{
    private readonly float[] scores;
    private readonly int[] rows;
    private int count;

    /// <summary>Keeps the best <paramref name="k"/> pairs.</summary>
    public TopK(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        scores = new float[k];
        rows = new int[k];
        Threshold = float.NegativeInfinity;
    }

    /// <summary>How many pairs are kept (at most k).</summary>
    public int Count => count;

    /// <summary>A pair scoring below this cannot enter: the worst kept score once full, −∞ before.</summary>
    public float Threshold { get; private set; }

    /// <summary>Offers a pair; kept if it is among the k best so far.</summary>
    public void Offer(float score, int row)
    {
        if (score < Threshold)
        {
            return;
        }

        var k = scores.Length;
        if (count < k)
        {
            // Sift up from the end.
            var i = count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!Worse(score, row, scores[parent], rows[parent]))
                {
                    break;
                }

                scores[i] = scores[parent];
                rows[i] = rows[parent];
                i = parent;
            }

            scores[i] = score;
            rows[i] = row;
            if (count == k)
            {
                Threshold = scores[0];
            }

            return;
        }

        if (!Worse(scores[0], rows[0], score, row))
        {
            return; // equal score, later row: not better than the worst kept
        }

        // Replace the root and sift down.
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= k)
            {
                break;
            }

            if (child + 1 < k && Worse(scores[child + 1], rows[child + 1], scores[child], rows[child]))
            {
                child++;
            }

            if (!Worse(scores[child], rows[child], score, row))
            {
                break;
            }

            scores[at] = scores[child];
            rows[at] = rows[child];
            at = child;
        }

        scores[at] = score;
        rows[at] = row;
        Threshold = scores[0];
    }

    /// <summary>Copies the kept pairs out, best first.</summary>
    public (float Score, int Row)[] ToSortedArray()
    {
        var result = new (float Score, int Row)[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = (scores[i], rows[i]);
        }

        Array.Sort(result, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Row.CompareTo(b.Row));
        return result;
    }

    /// <summary>Empties it for reuse with the same k.</summary>
    public void Reset()
    {
        count = 0;
        Threshold = float.NegativeInfinity;
    }

    private static bool Worse(float scoreA, int rowA, float scoreB, int rowB) =>
        scoreA < scoreB || (scoreA == scoreB && rowA > rowB);
}
