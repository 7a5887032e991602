using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;

namespace FaceCompliance.Vision;

/// <summary>
/// The measurements behind <see cref="FaceQualityReport"/>: the face's size and score from its box, the head pose
/// from its five points, and sharpness and exposure from the central part of the aligned 112x112 face.
/// </summary>
internal static class FaceQualityMeasure
{
    /// <summary>The central square of the aligned face that is measured: eyes, nose, mouth and cheeks, clear of the
    /// black border the warp leaves where the face touches the image edge.</summary>
    public const int RegionLeft = 16, RegionTop = 24, RegionSide = 80;

    /// <summary>Gray levels at or below this, or at or above 255 minus it, count as clipped.</summary>
    public const int ClipMargin = 5;

    /// <summary>How far the nose tip stands in front of the eyes, in eye distances (about 32 mm for 63 mm between the pupils).</summary>
    public const float NoseDepth = 0.5f;

    /// <summary>How far the mouth corners stand in front of the eyes, in eye distances.</summary>
    public const float MouthDepth = 0.1f;

    /// <summary>A generic face: the mean shape's five points with <see cref="NoseDepth"/> and <see cref="MouthDepth"/>, centred.</summary>
    private static readonly Vector3[] ModelPoints = CenteredModel();

    /// <summary>The inverse of the sum of the centred model points' outer products, for the least-squares pose fit.</summary>
    private static readonly Matrix4x4 ModelInverse = ModelNormalInverse();

    /// <summary>Measures a detected face and compares it with the limits.</summary>
    public static FaceQualityReport Assess(FaceImage image, FaceBox face, IReadOnlyList<Vector2> points, FaceQualityOptions options)
    {
        var five = new Vector2[5];
        for (var i = 0; i < five.Length; i++)
        {
            five[i] = points[i];
        }

        var aligned = new byte[FaceAnalyzer.AlignedBytes];
        float sharpness, brightness, clipped;
        try
        {
            AffineWarp.AlignToArcFace(image.Pixels, image.Width, image.Height, five, aligned);
            (sharpness, brightness, clipped) = Texture(aligned);
        }
        finally
        {
            // The aligned face is image data: erased as soon as it is measured.
            Array.Clear(aligned);
        }

        var (yaw, pitch, roll) = Pose(five);
        var size = MathF.Min(face.Width, face.Height);
        var issues = new List<FaceQualityIssue>();
        if (size < options.MinimumFaceSize)
        {
            issues.Add(Issue(FaceQualityIssueKind.TooSmall, size, options.MinimumFaceSize, $"face too small: {size:F0} px, need {options.MinimumFaceSize:F0}"));
        }

        if (face.Score < options.MinimumDetectionScore)
        {
            issues.Add(Issue(FaceQualityIssueKind.LowDetectionScore, face.Score, options.MinimumDetectionScore,
                $"face unclear, covered or cut off: detector score {face.Score:F3}, need {options.MinimumDetectionScore:F3}"));
        }

        if (sharpness < options.MinimumSharpness)
        {
            issues.Add(Issue(FaceQualityIssueKind.Blurred, sharpness, options.MinimumSharpness, $"face blurred: sharpness {sharpness:F1}, need {options.MinimumSharpness:F1}"));
        }

        if (MathF.Abs(yaw) > options.MaximumYaw)
        {
            issues.Add(Issue(FaceQualityIssueKind.Yaw, MathF.Abs(yaw), options.MaximumYaw, $"head turned to the side: yaw {MathF.Abs(yaw):F1} degrees, at most {options.MaximumYaw:F1}"));
        }

        if (MathF.Abs(pitch) > options.MaximumPitch)
        {
            issues.Add(Issue(FaceQualityIssueKind.Pitch, MathF.Abs(pitch), options.MaximumPitch, $"head tilted {(pitch > 0 ? "up" : "down")}: pitch {MathF.Abs(pitch):F1} degrees, at most {options.MaximumPitch:F1}"));
        }

        if (MathF.Abs(roll) > options.MaximumRoll)
        {
            issues.Add(Issue(FaceQualityIssueKind.Roll, MathF.Abs(roll), options.MaximumRoll, $"head tilted sideways: roll {MathF.Abs(roll):F1} degrees, at most {options.MaximumRoll:F1}"));
        }

        if (brightness < options.MinimumBrightness)
        {
            issues.Add(Issue(FaceQualityIssueKind.TooDark, brightness, options.MinimumBrightness, $"face too dark: mean brightness {brightness:F0}, need {options.MinimumBrightness:F0}"));
        }

        if (brightness > options.MaximumBrightness)
        {
            issues.Add(Issue(FaceQualityIssueKind.TooBright, brightness, options.MaximumBrightness, $"face too bright: mean brightness {brightness:F0}, at most {options.MaximumBrightness:F0}"));
        }

        if (clipped > options.MaximumClippedFraction)
        {
            issues.Add(Issue(FaceQualityIssueKind.Clipped, clipped, options.MaximumClippedFraction,
                $"face clipped to black or white: {clipped * 100:F0}% of it, at most {options.MaximumClippedFraction * 100:F0}%"));
        }

        return new FaceQualityReport(face, five, size, sharpness, yaw, pitch, roll, brightness, clipped, issues);
    }

    /// <summary>Yaw, pitch and roll in degrees, from a scaled orthographic (weak perspective) fit of the generic face to the five points.</summary>
    /// <remarks>
    /// Yaw is positive when the nose points to the image's right, pitch when it points up, roll when the eye line turns
    /// clockwise on screen. Only the nose (and a little the mouth) lies off the eyes' plane, so yaw and pitch rest on the
    /// nose's offset from the eyes and mouth, and a person's own proportions shift them by several degrees.
    /// </remarks>
    public static (float Yaw, float Pitch, float Roll) Pose(ReadOnlySpan<Vector2> points)
    {
        var mean = Vector2.Zero;
        foreach (var p in points)
        {
            mean += p;
        }

        mean /= points.Length;

        // M (2x3) = (sum p Pt) (sum P Pt)^-1 over the centred points.
        Vector3 sx = default, sy = default;
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i] - mean;
            sx += p.X * ModelPoints[i];
            sy += p.Y * ModelPoints[i];
        }

        var row1 = Multiply(sx, ModelInverse);
        var row2 = Multiply(sy, ModelInverse);

        // The nearest pair of orthonormal rows, treating both rows alike.
        var a = Vector3.Normalize(row1);
        var b = Vector3.Normalize(row2);
        var sum = Vector3.Normalize(a + b);
        var difference = Vector3.Normalize(a - b);
        var r1 = (sum + difference) / MathF.Sqrt(2);
        var r2 = (sum - difference) / MathF.Sqrt(2);
        var r3 = Vector3.Cross(r1, r2);

        // R = Rz(roll) Ry(yaw) Rx(pitch).
        var yaw = MathF.Asin(Math.Clamp(-r3.X, -1f, 1f));
        var pitch = MathF.Atan2(r3.Y, r3.Z);
        var roll = MathF.Atan2(r2.X, r1.X);
        return (Degrees(yaw), Degrees(pitch), Degrees(roll));
    }

    /// <summary>Sharpness, mean brightness and clipped fraction of the central region of an aligned face (RGB24, 112x112).</summary>
    /// <returns>
    /// Sharpness: the variance of the 4-neighbour Laplacian divided by the variance of the gray levels (so it does not
    /// change with exposure or contrast), times 100. Brightness: the mean gray level, 0 to 255. Clipped: the fraction of
    /// pixels at or below <see cref="ClipMargin"/> or at or above 255 − <see cref="ClipMargin"/>.
    /// </returns>
    public static (float Sharpness, float Brightness, float ClippedFraction) Texture(ReadOnlySpan<byte> alignedFace)
    {
        const int size = SimilarityTransform.ArcFaceCropSize;
        Span<byte> gray = stackalloc byte[size * size];
        ImageOps.RgbToGray(alignedFace, gray);
        try
        {
            double sum = 0, sumSquares = 0;
            var clipped = 0;
            for (var y = RegionTop; y < RegionTop + RegionSide; y++)
            {
                for (var x = RegionLeft; x < RegionLeft + RegionSide; x++)
                {
                    var v = gray[(y * size) + x];
                    sum += v;
                    sumSquares += v * v;
                    if (v <= ClipMargin || v >= 255 - ClipMargin)
                    {
                        clipped++;
                    }
                }
            }

            const int n = RegionSide * RegionSide;
            var mean = sum / n;
            var variance = (sumSquares / n) - (mean * mean);

            double lapSum = 0, lapSquares = 0;
            for (var y = RegionTop + 1; y < RegionTop + RegionSide - 1; y++)
            {
                for (var x = RegionLeft + 1; x < RegionLeft + RegionSide - 1; x++)
                {
                    var i = (y * size) + x;
                    var laplacian = gray[i - 1] + gray[i + 1] + gray[i - size] + gray[i + size] - (4 * gray[i]);
                    lapSum += laplacian;
                    lapSquares += laplacian * laplacian;
                }
            }

            const int m = (RegionSide - 2) * (RegionSide - 2);
            var lapMean = lapSum / m;
            var lapVariance = (lapSquares / m) - (lapMean * lapMean);
            var sharpness = variance > 0 ? 100 * lapVariance / variance : 0;
            return ((float)sharpness, (float)mean, (float)clipped / n);
        }
        finally
        {
            gray.Clear();
        }
    }

    private static FaceQualityIssue Issue(FaceQualityIssueKind kind, float measured, float limit, FormattableString message) =>
        new(kind, measured, limit, message.ToString(CultureInfo.InvariantCulture));

    private static float Degrees(float radians) => radians * (180f / MathF.PI);

    private static Vector3 Multiply(Vector3 row, Matrix4x4 m) => new(
        (row.X * m.M11) + (row.Y * m.M21) + (row.Z * m.M31),
        (row.X * m.M12) + (row.Y * m.M22) + (row.Z * m.M32),
        (row.X * m.M13) + (row.Y * m.M23) + (row.Z * m.M33));

    private static Vector3[] CenteredModel()
    {
        // The five points of the iBUG 68-point mean shape (dlib's, as in OpenFace's align_dlib TEMPLATE, x100): the same
        // landmark definition as the landmark model's, so a frontal face fits with no pitch.
        Vector2[] mean = [new(32.66f, 32.93f), new(70.91f, 32.20f), new(51.82f, 55.32f), new(35.32f, 74.62f), new(69.95f, 73.94f)];
        var eyeDistance = Vector2.Distance(mean[0], mean[1]);
        float[] depth = [0, 0, NoseDepth * eyeDistance, MouthDepth * eyeDistance, MouthDepth * eyeDistance];
        var points = new Vector3[5];
        var centre = Vector3.Zero;
        for (var i = 0; i < 5; i++)
        {
            points[i] = new Vector3(mean[i], depth[i]);
            centre += points[i];
        }

        centre /= 5;
        for (var i = 0; i < 5; i++)
        {
            points[i] -= centre;
        }

        return points;
    }

    private static Matrix4x4 ModelNormalInverse()
    {
        var m = default(Matrix4x4);
        foreach (var p in ModelPoints)
        {
            m.M11 += p.X * p.X; m.M12 += p.X * p.Y; m.M13 += p.X * p.Z;
            m.M21 += p.Y * p.X; m.M22 += p.Y * p.Y; m.M23 += p.Y * p.Z;
            m.M31 += p.Z * p.X; m.M32 += p.Z * p.Y; m.M33 += p.Z * p.Z;
        }

        m.M44 = 1;
        return Matrix4x4.Invert(m, out var inverse) ? inverse : throw new InvalidOperationException("The face model is degenerate.");
    }
}
