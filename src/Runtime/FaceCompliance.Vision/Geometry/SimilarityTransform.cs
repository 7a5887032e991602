using System;
using System.Globalization;
using System.Numerics;

namespace FaceCompliance.Vision;

/// <summary>
/// A 2-D similarity transform (uniform scale, rotation, translation; never a reflection or shear):
/// <c>(x, y) → (A·x − B·y + TranslateX, B·x + A·y + TranslateY)</c>, where <c>A = s·cos θ</c> and <c>B = s·sin θ</c>.
/// </summary>
/// <remarks>
/// Face alignment maps five detected landmarks onto the standard ArcFace points of a 112 × 112 crop with the
/// least-squares similarity (<see cref="EstimateToArcFace"/>); a similarity keeps the face's proportions, where
/// the 3-point affine of the faceplugin JavaScript shears some faces.
/// </remarks>
/// <param name="A">Scale times the cosine of the rotation.</param>
/// <param name="B">Scale times the sine of the rotation (positive turns +x towards +y: clockwise on screen, y down).</param>
/// <param name="TranslateX">Added to x after scaling and rotating.</param>
/// <param name="TranslateY">Added to y after scaling and rotating.</param>
internal readonly record struct SimilarityTransform(double A, double B, double TranslateX, double TranslateY)
{
    /// <summary>The side of the standard aligned face crop, in pixels.</summary>
    public const int ArcFaceCropSize = 112;

    private static readonly Vector2[] ArcFacePoints =
    [
        new(38.2946f, 51.6963f),
        new(73.5318f, 51.5014f),
        new(56.0252f, 71.7366f),
        new(41.5493f, 92.3655f),
        new(70.7299f, 92.2041f),
    ];

    /// <summary>
    /// The standard ArcFace reference points in the 112 × 112 crop, in this order: the eye on the image's left (the
    /// person's right eye), the other eye, the nose tip, the mouth corner on the image's left, the other corner.
    /// </summary>
    public static ReadOnlySpan<Vector2> ArcFaceReference => ArcFacePoints;

    /// <summary>The transform that changes nothing.</summary>
    public static SimilarityTransform Identity => new(1, 0, 0, 0);

    /// <summary>The scale factor, <c>√(A² + B²)</c>.</summary>
    public double Scale => Math.Sqrt((A * A) + (B * B));

    /// <summary>The rotation in radians, from −π to π.</summary>
    public double RotationRadians => Math.Atan2(B, A);

    /// <summary>Builds a transform from its scale, rotation and translation.</summary>
    /// <param name="scale">The scale factor, positive.</param>
    /// <param name="radians">The rotation.</param>
    /// <param name="translateX">The x translation.</param>
    /// <param name="translateY">The y translation.</param>
    /// <returns>The transform.</returns>
    public static SimilarityTransform FromScaleRotation(double scale, double radians, double translateX, double translateY)
    {
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive and finite.");
        }

        return new SimilarityTransform(scale * Math.Cos(radians), scale * Math.Sin(radians), translateX, translateY);
    }

    /// <summary>
    /// The least-squares similarity from <paramref name="source"/> to <paramref name="destination"/>: it minimises
    /// <c>Σ |T(source[i]) − destination[i]|²</c> over scale, rotation (no reflection) and translation.
    /// </summary>
    /// <remarks>
    /// This is Umeyama's (1991) estimate specialised to two dimensions. With both point sets centred on their
    /// means, a rotation-and-scale is a complex number <c>w</c> and the optimum is
    /// <c>w = Σ conj(s_i)·d_i / Σ |s_i|²</c>, the same <c>c·R</c> (with det R = +1) as Umeyama's SVD solution; the
    /// translation then maps the source mean onto the destination mean. If mirrored points fit best, the result is
    /// still a proper rotation, the best one.
    /// </remarks>
    /// <param name="source">At least 2 points, not all equal.</param>
    /// <param name="destination">As many points, in the same order.</param>
    /// <returns>The transform.</returns>
    /// <exception cref="ArgumentException">The counts differ, there are fewer than 2 points, a coordinate is not finite, or the source points coincide.</exception>
    public static SimilarityTransform Estimate(ReadOnlySpan<Vector2> source, ReadOnlySpan<Vector2> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new ArgumentException(Format($"{source.Length} source points and {destination.Length} destination points: they must pair up."), nameof(destination));
        }

        if (source.Length < 2)
        {
            throw new ArgumentException(Format($"A similarity needs at least 2 point pairs, not {source.Length}."), nameof(source));
        }

        CheckFinite(source, nameof(source));
        CheckFinite(destination, nameof(destination));

        double msx = 0, msy = 0, mdx = 0, mdy = 0;
        for (var i = 0; i < source.Length; i++)
        {
            msx += source[i].X;
            msy += source[i].Y;
            mdx += destination[i].X;
            mdy += destination[i].Y;
        }

        var n = source.Length;
        msx /= n;
        msy /= n;
        mdx /= n;
        mdy /= n;

        double energy = 0, real = 0, imaginary = 0;
        for (var i = 0; i < n; i++)
        {
            var sx = source[i].X - msx;
            var sy = source[i].Y - msy;
            var dx = destination[i].X - mdx;
            var dy = destination[i].Y - mdy;
            energy += (sx * sx) + (sy * sy);
            real += (sx * dx) + (sy * dy);
            imaginary += (sx * dy) - (sy * dx);
        }

        // Relative test: points that coincide up to float rounding have no direction to rotate or scale.
        var spread = Math.Max(Math.Abs(msx), Math.Abs(msy)) + 1;
        if (!(energy > n * 1e-12 * spread * spread))
        {
            throw new ArgumentException("The source points coincide: a similarity cannot be estimated from a single location.", nameof(source));
        }

        var a = real / energy;
        var b = imaginary / energy;
        return new SimilarityTransform(a, b, mdx - ((a * msx) - (b * msy)), mdy - ((b * msx) + (a * msy)));
    }

    /// <summary>The least-squares similarity from five landmarks to <see cref="ArcFaceReference"/>.</summary>
    /// <param name="landmarks">Five points in <see cref="ArcFaceReference"/>'s order, in image pixels.</param>
    /// <returns>The transform from image pixels to the 112 × 112 aligned crop.</returns>
    /// <exception cref="ArgumentException">Not five points, or as in <see cref="Estimate"/>.</exception>
    public static SimilarityTransform EstimateToArcFace(ReadOnlySpan<Vector2> landmarks)
    {
        if (landmarks.Length != ArcFacePoints.Length)
        {
            throw new ArgumentException(Format($"Alignment takes 5 landmarks (eyes, nose, mouth corners), not {landmarks.Length}."), nameof(landmarks));
        }

        return Estimate(landmarks, ArcFacePoints);
    }

    /// <summary>Maps a point.</summary>
    /// <param name="x">The x coordinate.</param>
    /// <param name="y">The y coordinate.</param>
    /// <returns>The transformed point.</returns>
    public (double X, double Y) Apply(double x, double y) =>
        ((A * x) - (B * y) + TranslateX, (B * x) + (A * y) + TranslateY);

    /// <summary>Maps a point.</summary>
    /// <param name="point">The point.</param>
    /// <returns>The transformed point, rounded to float.</returns>
    public Vector2 Apply(Vector2 point)
    {
        var (x, y) = Apply(point.X, point.Y);
        return new Vector2((float)x, (float)y);
    }

    /// <summary>The transform that undoes this one.</summary>
    /// <returns>The inverse.</returns>
    /// <exception cref="InvalidOperationException">The scale is zero (nothing to invert).</exception>
    public SimilarityTransform Inverse()
    {
        var d = (A * A) + (B * B);
        if (!(d > 0) || !double.IsFinite(d))
        {
            throw new InvalidOperationException("A similarity with zero or non-finite scale cannot be inverted.");
        }

        // The inverse of w·z + t is conj(w)/|w|² · (z − t).
        var ia = A / d;
        var ib = -B / d;
        return new SimilarityTransform(ia, ib, -((ia * TranslateX) - (ib * TranslateY)), -((ib * TranslateX) + (ia * TranslateY)));
    }

    /// <summary>The root-mean-square distance between the mapped source points and the destination points.</summary>
    /// <param name="source">The points to map.</param>
    /// <param name="destination">Where they should land, in the same order.</param>
    /// <returns>The RMS error in destination units.</returns>
    /// <exception cref="ArgumentException">The counts differ or are zero.</exception>
    public double RootMeanSquareError(ReadOnlySpan<Vector2> source, ReadOnlySpan<Vector2> destination)
    {
        if (source.Length != destination.Length || source.IsEmpty)
        {
            throw new ArgumentException(Format($"{source.Length} source points and {destination.Length} destination points: they must pair up, at least one."), nameof(destination));
        }

        double sum = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var (x, y) = Apply(source[i].X, source[i].Y);
            var ex = x - destination[i].X;
            var ey = y - destination[i].Y;
            sum += (ex * ex) + (ey * ey);
        }

        return Math.Sqrt(sum / source.Length);
    }

    /// <summary>Describes the transform by scale, rotation in degrees and translation.</summary>
    /// <returns>For example <c>SimilarityTransform scale 0.5 rotation 12.0° translate (3.1, -4.0)</c>.</returns>
    public override string ToString() =>
        Format($"SimilarityTransform scale {Scale:G4} rotation {RotationRadians * 180 / Math.PI:F1}° translate ({TranslateX:F1}, {TranslateY:F1})");

    private static void CheckFinite(ReadOnlySpan<Vector2> points, string name)
    {
        for (var i = 0; i < points.Length; i++)
        {
            if (!float.IsFinite(points[i].X) || !float.IsFinite(points[i].Y))
            {
                throw new ArgumentException(Format($"Point {i} is ({points[i].X}, {points[i].Y}): coordinates must be finite."), name);
            }
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
