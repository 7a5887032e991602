using System;
using System.Collections.Generic;

namespace FaceCompliance.Vision;

/// <summary>
/// Which detected face is the one a call is about, and how many people a photo shows. The rule and the figures
/// behind it are in docs/vision.md ("Which face is used").
/// </summary>
internal static class PrimaryFace
{
    /// <summary>
    /// How far outside a face's box another detection's centre must lie to be another head: a quarter of the box's
    /// width on the left and right, a quarter of its height above and below. Ears, hair and eyes found as "faces" lie
    /// within it; a second person's face, even cheek to cheek, lies about a whole face width away.
    /// </summary>
    public const float HeadMargin = 0.25f;

    /// <summary>
    /// The primary face: among the faces scoring within <see cref="FaceRecognizer.PrimaryFaceScoreMargin"/> of the
    /// best score, the largest (by area; on a tie, the better score, then the earlier). Null when there is no face.
    /// </summary>
    public static FaceBox? Choose(IReadOnlyList<FaceBox> faces)
    {
        var best = BestScore(faces);
        FaceBox? primary = null;
        foreach (var face in faces)
        {
            if (!IsCandidate(face, best))
            {
                continue;
            }

            if (primary is not { } current || face.Area > current.Area || (face.Area == current.Area && face.Score > current.Score))
            {
                primary = face;
            }
        }

        return primary;
    }

    /// <summary>
    /// How many people the faces show: the primary face, plus every other face that scores within the margin of the
    /// best and whose centre lies outside the primary face's head (its box grown by <see cref="HeadMargin"/>).
    /// </summary>
    public static int CountPeople(IReadOnlyList<FaceBox> faces, FaceBox primary)
    {
        var best = BestScore(faces);
        var headLeft = primary.Left - (HeadMargin * primary.Width);
        var headRight = primary.Right + (HeadMargin * primary.Width);
        var headTop = primary.Top - (HeadMargin * primary.Height);
        var headBottom = primary.Bottom + (HeadMargin * primary.Height);
        var people = 1;
        foreach (var face in faces)
        {
            var sameHead = face.CenterX >= headLeft && face.CenterX <= headRight && face.CenterY >= headTop && face.CenterY <= headBottom;
            if (face != primary && IsCandidate(face, best) && !sameHead)
            {
                people++;
            }
        }

        return people;
    }

    private static bool IsCandidate(FaceBox face, float bestScore) => face.Score >= bestScore - FaceRecognizer.PrimaryFaceScoreMargin;

    private static float BestScore(IReadOnlyList<FaceBox> faces)
    {
        var best = float.NegativeInfinity;
        foreach (var face in faces)
        {
            best = MathF.Max(best, face.Score);
        }

        return best;
    }
}
