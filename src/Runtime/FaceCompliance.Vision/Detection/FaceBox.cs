using System;
using System.Globalization;

namespace FaceCompliance.Vision;

/// <summary>
/// A face found in an image: a box in corner form (pixels, x to the right, y down; <see cref="Right"/> and
/// <see cref="Bottom"/> are the far edges, so the width is <c>Right − Left</c>) and the detector's score.
/// </summary>
/// <param name="Left">The left edge.</param>
/// <param name="Top">The top edge.</param>
/// <param name="Right">The right edge.</param>
/// <param name="Bottom">The bottom edge.</param>
/// <param name="Score">The detector's confidence that this is a face, from 0 to 1.</param>
public readonly record struct FaceBox(float Left, float Top, float Right, float Bottom, float Score)
{
    /// <summary>The width, <c>Right − Left</c> (zero or negative for an empty box).</summary>
    public float Width => Right - Left;

    /// <summary>The height, <c>Bottom − Top</c> (zero or negative for an empty box).</summary>
    public float Height => Bottom - Top;

    /// <summary>The horizontal centre.</summary>
    public float CenterX => (Left + Right) / 2;

    /// <summary>The vertical centre.</summary>
    public float CenterY => (Top + Bottom) / 2;

    /// <summary>The area; zero for an empty box (width or height not positive).</summary>
    public float Area => IsEmpty ? 0 : Width * Height;

    /// <summary>Whether the box has no area (its width or height is not positive, or a coordinate is NaN).</summary>
    public bool IsEmpty => !(Width > 0 && Height > 0);

    /// <summary>Intersection over union with another box: 0 when they do not overlap or either is empty, 1 when equal.</summary>
    /// <param name="other">The other box.</param>
    /// <returns>From 0 to 1.</returns>
    public float IntersectionOverUnion(FaceBox other)
    {
        var w = MathF.Min(Right, other.Right) - MathF.Max(Left, other.Left);
        var h = MathF.Min(Bottom, other.Bottom) - MathF.Max(Top, other.Top);
        if (!(w > 0 && h > 0) || IsEmpty || other.IsEmpty)
        {
            return 0;
        }

        var intersection = w * h;
        return intersection / (Area + other.Area - intersection);
    }

    /// <summary>
    /// The square with the same centre and score whose side is the longer of width and height. The face models
    /// read square crops, and the detector's boxes are mostly taller than wide.
    /// </summary>
    /// <returns>The square box; not clamped to any image.</returns>
    public FaceBox ToSquare()
    {
        var half = MathF.Max(Width, Height) / 2;
        var cx = CenterX;
        var cy = CenterY;
        return new FaceBox(cx - half, cy - half, cx + half, cy + half, Score);
    }

    /// <summary>The box with its x coordinates multiplied by <paramref name="scaleX"/> and y by <paramref name="scaleY"/>, as from relative to pixel coordinates.</summary>
    /// <param name="scaleX">The horizontal factor.</param>
    /// <param name="scaleY">The vertical factor.</param>
    /// <returns>The scaled box, same score.</returns>
    public FaceBox Scale(float scaleX, float scaleY) =>
        new(Left * scaleX, Top * scaleY, Right * scaleX, Bottom * scaleY, Score);

    /// <summary>The box moved by (<paramref name="dx"/>, <paramref name="dy"/>), as from a padded canvas back to the original image.</summary>
    /// <param name="dx">The horizontal shift.</param>
    /// <param name="dy">The vertical shift.</param>
    /// <returns>The moved box, same score.</returns>
    public FaceBox Translate(float dx, float dy) =>
        new(Left + dx, Top + dy, Right + dx, Bottom + dy, Score);

    /// <summary>The part of the box inside an image of the given size (empty if none).</summary>
    /// <param name="width">The image width.</param>
    /// <param name="height">The image height.</param>
    /// <returns>The clamped box, same score.</returns>
    public FaceBox ClampTo(int width, int height) =>
        new(Math.Clamp(Left, 0, width), Math.Clamp(Top, 0, height), Math.Clamp(Right, 0, width), Math.Clamp(Bottom, 0, height), Score);

    /// <summary>Describes the box, for logs: corners rounded to 0.1 pixel and the score.</summary>
    /// <returns>For example <c>FaceBox (10.0, 20.0)-(110.0, 140.0) score 0.998</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"FaceBox ({Left:F1}, {Top:F1})-({Right:F1}, {Bottom:F1}) score {Score:F3}");
}
