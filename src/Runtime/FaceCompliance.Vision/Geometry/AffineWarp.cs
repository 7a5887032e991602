using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FaceCompliance.Vision;

/// <summary>
/// Warps an RGB24 image by a similarity transform, as OpenCV's <c>warpAffine</c> with <c>INTER_LINEAR</c> and a
/// black constant border: every output pixel is read from the source at the inverse-mapped position.
/// </summary>
internal static class AffineWarp
{
    /// <summary>Warps <paramref name="rgb"/> into <paramref name="destination"/>.</summary>
    /// <param name="rgb">The source pixels, <paramref name="width"/> × <paramref name="height"/> × 3 bytes.</param>
    /// <param name="width">The source width.</param>
    /// <param name="height">The source height.</param>
    /// <param name="sourceToOutput">Maps source pixel coordinates (pixel centres at integers) to output coordinates.</param>
    /// <param name="destination">Receives outWidth × outHeight × 3 bytes at its start.</param>
    /// <param name="outWidth">The output width.</param>
    /// <param name="outHeight">The output height.</param>
    /// <remarks>
    /// Bilinear interpolation of the four source pixels around the inverse-mapped point; a neighbour outside the
    /// image counts as black, so edges fade to black over one pixel as in OpenCV's BORDER_CONSTANT. Values are
    /// rounded half up.
    /// </remarks>
    public static void Warp(ReadOnlySpan<byte> rgb, int width, int height, SimilarityTransform sourceToOutput, Span<byte> destination, int outWidth, int outHeight)
    {
        if (width <= 0 || height <= 0 || rgb.Length != (long)width * height * 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A {width}x{height} RGB24 image has {(long)width * height * 3} bytes, not {rgb.Length}."), nameof(rgb));
        }

        if (outWidth <= 0 || outHeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outWidth), string.Create(CultureInfo.InvariantCulture, $"The output size must be positive, not {outWidth}x{outHeight}."));
        }

        if (destination.Length < (long)outWidth * outHeight * 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The destination holds {destination.Length} bytes; {outWidth}x{outHeight} RGB24 needs {(long)outWidth * outHeight * 3}."), nameof(destination));
        }

        var inverse = sourceToOutput.Inverse();
        var stride = width * 3;
        for (var y = 0; y < outHeight; y++)
        {
            var row = destination.Slice(y * outWidth * 3, outWidth * 3);
            for (var x = 0; x < outWidth; x++)
            {
                var (sx, sy) = inverse.Apply(x, y);
                var o = x * 3;
                if (!(sx > -1 && sy > -1 && sx < width && sy < height))
                {
                    row[o] = row[o + 1] = row[o + 2] = 0;
                    continue;
                }

                // Truncation is the floor for non-negative values, and cheaper than Math.Floor.
                var x0 = sx >= 0 ? (int)sx : (int)Math.Floor(sx);
                var y0 = sy >= 0 ? (int)sy : (int)Math.Floor(sy);
                var fx = (float)(sx - x0);
                var fy = (float)(sy - y0);
                var w00 = (1 - fx) * (1 - fy);
                var w01 = fx * (1 - fy);
                var w10 = (1 - fx) * fy;
                var w11 = fx * fy;
                var inX0 = x0 >= 0;
                var inX1 = x0 + 1 < width;
                var inY0 = y0 >= 0;
                var inY1 = y0 + 1 < height;
                var p00 = y0 * stride + (x0 * 3);
                if (inX0 && inX1 && inY0 && inY1)
                {
                    // All four neighbours inside (almost every pixel of a face crop): the same sums in the same
                    // order as below, without the per-tap tests and bounds checks.
                    ref var top = ref Unsafe.Add(ref MemoryMarshal.GetReference(rgb), p00);
                    ref var bottom = ref Unsafe.Add(ref top, stride);
                    ref var target = ref Unsafe.Add(ref MemoryMarshal.GetReference(row), o);
                    for (var c = 0; c < 3; c++)
                    {
                        var v = 0f;
                        v += w00 * Unsafe.Add(ref top, c);
                        v += w01 * Unsafe.Add(ref top, 3 + c);
                        v += w10 * Unsafe.Add(ref bottom, c);
                        v += w11 * Unsafe.Add(ref bottom, 3 + c);
                        Unsafe.Add(ref target, c) = (byte)Math.Min(255, (int)(v + 0.5f));
                    }

                    continue;
                }

                for (var c = 0; c < 3; c++)
                {
                    var v = 0f;
                    if (inY0)
                    {
                        if (inX0)
                        {
                            v += w00 * rgb[p00 + c];
                        }

                        if (inX1)
                        {
                            v += w01 * rgb[p00 + 3 + c];
                        }
                    }

                    if (inY1)
                    {
                        if (inX0)
                        {
                            v += w10 * rgb[p00 + stride + c];
                        }

                        if (inX1)
                        {
                            v += w11 * rgb[p00 + stride + 3 + c];
                        }
                    }

                    row[o + c] = (byte)Math.Min(255, (int)(v + 0.5f));
                }
            }
        }
    }

    /// <summary>
    /// Aligns a face: estimates the similarity from its five landmarks to the ArcFace reference points and warps
    /// the image into a 112 × 112 RGB24 crop.
    /// </summary>
    /// <param name="rgb">The image pixels.</param>
    /// <param name="width">The image width.</param>
    /// <param name="height">The image height.</param>
    /// <param name="landmarks">Five landmarks in <see cref="SimilarityTransform.ArcFaceReference"/>'s order, in image pixels.</param>
    /// <param name="destination">Receives 112 × 112 × 3 bytes at its start.</param>
    /// <returns>The transform used, from image pixels to the crop.</returns>
    public static SimilarityTransform AlignToArcFace(ReadOnlySpan<byte> rgb, int width, int height, ReadOnlySpan<Vector2> landmarks, Span<byte> destination)
    {
        var transform = SimilarityTransform.EstimateToArcFace(landmarks);
        Warp(rgb, width, height, transform, destination, SimilarityTransform.ArcFaceCropSize, SimilarityTransform.ArcFaceCropSize);
        return transform;
    }
}
