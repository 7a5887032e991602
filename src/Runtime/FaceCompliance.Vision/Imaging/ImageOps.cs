using System;
using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FaceCompliance.Vision;

/// <summary>The channels a model's input tensor holds, in tensor order.</summary>
internal enum TensorChannels
{
    /// <summary>Three planes: red, green, blue.</summary>
    Rgb,

    /// <summary>Three planes: blue, green, red (models trained on OpenCV's BGR images).</summary>
    Bgr,

    /// <summary>One plane of luma, ITU-R BT.601 weights (0.299 R + 0.587 G + 0.114 B), as OpenCV's RGB2GRAY.</summary>
    Gray,
}

/// <summary>
/// The normalisation applied to each tensor channel: <c>(p - mean) / std</c>, where <c>p</c> is the interpolated
/// pixel value from 0 to 255. Values are given in tensor channel order (for <see cref="TensorChannels.Bgr"/>,
/// channel 0 is blue); a gray tensor uses channel 0 only.
/// </summary>
internal readonly struct ChannelNormalization
{
    /// <summary>(p - 127) / 128 on every channel: the detector and the embedder.</summary>
    public static readonly ChannelNormalization Symmetric127 = new(127f, 128f);

    /// <summary>p / 256 on every channel: the landmark model.</summary>
    public static readonly ChannelNormalization Divide256 = new(0f, 256f);

    private readonly float mean0, mean1, mean2, scale0, scale1, scale2;

    /// <summary>The same mean and standard deviation on every channel.</summary>
    public ChannelNormalization(float mean, float std)
        : this(mean, mean, mean, std, std, std)
    {
    }

    /// <summary>A mean and standard deviation per tensor channel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A standard deviation is zero, negative or not finite, or a mean is not finite.</exception>
    public ChannelNormalization(float mean0, float mean1, float mean2, float std0, float std1, float std2)
    {
        foreach (var std in (ReadOnlySpan<float>)[std0, std1, std2])
        {
            if (!(std > 0) || !float.IsFinite(std))
            {
                throw new ArgumentOutOfRangeException(nameof(std0), std, "A standard deviation must be positive and finite.");
            }
        }

        foreach (var mean in (ReadOnlySpan<float>)[mean0, mean1, mean2])
        {
            if (!float.IsFinite(mean))
            {
                throw new ArgumentOutOfRangeException(nameof(mean0), mean, "A mean must be finite.");
            }
        }

        (this.mean0, this.mean1, this.mean2) = (mean0, mean1, mean2);
        (scale0, scale1, scale2) = (1f / std0, 1f / std1, 1f / std2);
    }

    /// <summary>The mean of a tensor channel.</summary>
    public float Mean(int channel) => channel switch { 0 => mean0, 1 => mean1, _ => mean2 };

    /// <summary>1 / std of a tensor channel.</summary>
    public float Scale(int channel) => channel switch { 0 => scale0, 1 => scale1, _ => scale2 };
}

/// <summary>
/// A rectangle of whole pixels in an image's coordinates. It may extend past the image, or lie wholly outside it:
/// the part outside reads as black.
/// </summary>
/// <param name="X">The left column (may be negative).</param>
/// <param name="Y">The top row (may be negative).</param>
/// <param name="Width">The width, at least 1.</param>
/// <param name="Height">The height, at least 1.</param>
internal readonly record struct PixelRegion(int X, int Y, int Width, int Height)
{
    /// <summary>The square of whole pixels that covers <paramref name="box"/> squared around its centre (<see cref="FaceBox.ToSquare"/>).</summary>
    /// <returns>A square region of side <c>max(1, round(max(width, height)))</c>, not clamped to any image.</returns>
    public static PixelRegion SquareAround(FaceBox box)
    {
        var square = box.ToSquare();
        var side = Math.Max(1, (int)MathF.Round(square.Width));
        var left = (int)MathF.Round(square.CenterX - (side / 2f));
        var top = (int)MathF.Round(square.CenterY - (side / 2f));
        return new PixelRegion(left, top, side, side);
    }
}

/// <summary>
/// The pixel operations the models' pre-processing needs, on RGB24 buffers (3 bytes per pixel, rows top to bottom,
/// no padding) and caller-provided destinations, so a pipeline can reuse its buffers and allocate nothing per frame.
/// </summary>
/// <remarks>
/// Bilinear resizing follows OpenCV's <c>INTER_LINEAR</c>: pixel centres are aligned (source coordinate
/// <c>(d + 0.5) × scale − 0.5</c>), coordinates are clamped to the source (edge pixels repeat), and there is no
/// anti-aliasing when shrinking. Results are kept as floats instead of being rounded to bytes in between.
/// </remarks>
internal static class ImageOps
{
    /// <summary>The luma weights of <see cref="TensorChannels.Gray"/> and <see cref="RgbToGray"/> (ITU-R BT.601).</summary>
    public const float GrayRed = 0.299f, GrayGreen = 0.587f, GrayBlue = 0.114f;

    private const int StackFloats = 4096;

    /// <summary>
    /// Resizes a whole RGB24 image to <paramref name="outWidth"/> × <paramref name="outHeight"/> with bilinear
    /// interpolation and writes it, normalised, into <paramref name="tensor"/> in NCHW order (N = 1).
    /// </summary>
    /// <param name="rgb">The source pixels, <paramref name="width"/> × <paramref name="height"/> × 3 bytes.</param>
    /// <param name="width">The source width.</param>
    /// <param name="height">The source height.</param>
    /// <param name="tensor">Receives C × outHeight × outWidth floats (C = 3, or 1 for gray) at its start.</param>
    /// <param name="outWidth">The tensor width.</param>
    /// <param name="outHeight">The tensor height.</param>
    /// <param name="channels">Which planes, in which order.</param>
    /// <param name="normalization">(p − mean) / std per tensor channel.</param>
    public static void ResizeToTensor(
        ReadOnlySpan<byte> rgb, int width, int height,
        Span<float> tensor, int outWidth, int outHeight,
        TensorChannels channels, ChannelNormalization normalization) =>
        ResizeToTensor(rgb, width, height, new PixelRegion(0, 0, width, height), tensor, outWidth, outHeight, channels, normalization);

    /// <summary>
    /// Resizes a region of an RGB24 image (which may extend past the image; outside is black) to the tensor size,
    /// as if the region had been cropped with <see cref="Crop"/> and then resized.
    /// </summary>
    /// <param name="rgb">The source pixels, <paramref name="width"/> × <paramref name="height"/> × 3 bytes.</param>
    /// <param name="width">The source width.</param>
    /// <param name="height">The source height.</param>
    /// <param name="region">The region to resize, in source pixels.</param>
    /// <param name="tensor">Receives C × outHeight × outWidth floats (C = 3, or 1 for gray) at its start.</param>
    /// <param name="outWidth">The tensor width.</param>
    /// <param name="outHeight">The tensor height.</param>
    /// <param name="channels">Which planes, in which order.</param>
    /// <param name="normalization">(p − mean) / std per tensor channel.</param>
    public static void ResizeToTensor(
        ReadOnlySpan<byte> rgb, int width, int height, PixelRegion region,
        Span<float> tensor, int outWidth, int outHeight,
        TensorChannels channels, ChannelNormalization normalization)
    {
        CheckImage(rgb, width, height, nameof(rgb));
        CheckRegion(region);
        CheckSize(outWidth, outHeight, nameof(outWidth));
        var planeCount = channels == TensorChannels.Gray ? 1 : 3;
        var plane = outWidth * outHeight;
        if (tensor.Length < (long)planeCount * plane)
        {
            throw new ArgumentException(Format($"The tensor buffer holds {tensor.Length} floats; {planeCount}x{outHeight}x{outWidth} needs {planeCount * plane}."), nameof(tensor));
        }

        if (region == new PixelRegion(0, 0, width, height) && outWidth == width && outHeight == height)
        {
            // Same size: every tap falls on a pixel centre with weight 0, so the bilinear result is the pixel itself;
            // converting directly gives the same floats without the two passes.
            ConvertToTensor(rgb, tensor, plane, channels, normalization);
            return;
        }

        // Column tables: the two source byte offsets (-1 outside the image) and the weight of the second.
        int[]? rented = null;
        float[]? rentedFloats = null;
        Span<int> ints = outWidth * 2 <= StackFloats ? stackalloc int[outWidth * 2] : (rented = ArrayPool<int>.Shared.Rent(outWidth * 2));
        Span<float> floats = (outWidth * 8) <= StackFloats ? stackalloc float[outWidth * 8] : (rentedFloats = ArrayPool<float>.Shared.Rent(outWidth * 8));
        try
        {
            // A tap outside the image reads pixel 0 with weight 0, which adds the same +0 as reading black.
            var x0 = ints[..outWidth];
            var x1 = ints.Slice(outWidth, outWidth);
            var w0 = floats[..outWidth];
            var w1 = floats.Slice(outWidth, outWidth);
            var rowA = floats.Slice(outWidth * 2, outWidth * 3);
            var rowB = floats.Slice(outWidth * 5, outWidth * 3);
            for (var dx = 0; dx < outWidth; dx++)
            {
                var (a, b, f) = Tap(dx, outWidth, region.Width);
                var ax = region.X + a;
                var bx = region.X + b;
                var aInside = (uint)ax < (uint)width;
                var bInside = (uint)bx < (uint)width;
                x0[dx] = aInside ? ax * 3 : 0;
                x1[dx] = bInside ? bx * 3 : 0;
                w0[dx] = aInside ? 1f - f : 0f;
                w1[dx] = bInside ? f : 0f;
            }

            // Horizontal pass per source row, cached: consecutive output rows often share their source rows.
            var rowAIndex = int.MinValue;
            var rowBIndex = int.MinValue;
            var stride = width * 3;
            for (var dy = 0; dy < outHeight; dy++)
            {
                var (a, b, fy) = Tap(dy, outHeight, region.Height);
                var ya = region.Y + a;
                var yb = region.Y + b;
                if (ya != rowAIndex)
                {
                    if (ya == rowBIndex)
                    {
                        var swap = rowA;
                        rowA = rowB;
                        rowB = swap;
                        rowBIndex = int.MinValue;
                    }
                    else
                    {
                        HorizontalPass(rgb, stride, height, ya, x0, x1, w0, w1, rowA);
                    }

                    rowAIndex = ya;
                }

                if (yb != rowBIndex)
                {
                    HorizontalPass(rgb, stride, height, yb, x0, x1, w0, w1, rowB);
                    rowBIndex = yb;
                }

                WriteRow(rowA, rowB, fy, tensor, dy * outWidth, plane, outWidth, channels, normalization);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }

            if (rentedFloats is not null)
            {
                ArrayPool<float>.Shared.Return(rentedFloats, clearArray: true);
            }
        }
    }

    /// <summary>
    /// Copies an RGB24 image into the centre of a larger black canvas (offset <c>((canvasWidth − width) / 2,
    /// (canvasHeight − height) / 2)</c>, rounded down), as a tight face crop needs before detection.
    /// </summary>
    /// <param name="rgb">The source pixels.</param>
    /// <param name="width">The source width, at most <paramref name="canvasWidth"/>.</param>
    /// <param name="height">The source height, at most <paramref name="canvasHeight"/>.</param>
    /// <param name="canvas">Receives canvasWidth × canvasHeight × 3 bytes at its start.</param>
    /// <param name="canvasWidth">The canvas width.</param>
    /// <param name="canvasHeight">The canvas height.</param>
    /// <returns>Where the source's top-left pixel landed; subtract it from canvas coordinates to map back.</returns>
    public static (int OffsetX, int OffsetY) PadCentered(ReadOnlySpan<byte> rgb, int width, int height, Span<byte> canvas, int canvasWidth, int canvasHeight)
    {
        CheckImage(rgb, width, height, nameof(rgb));
        CheckSize(canvasWidth, canvasHeight, nameof(canvasWidth));
        if (width > canvasWidth || height > canvasHeight)
        {
            throw new ArgumentException(Format($"A {width}x{height} image does not fit in a {canvasWidth}x{canvasHeight} canvas."), nameof(canvasWidth));
        }

        var offsetX = (canvasWidth - width) / 2;
        var offsetY = (canvasHeight - height) / 2;
        Crop(rgb, width, height, new PixelRegion(-offsetX, -offsetY, canvasWidth, canvasHeight), canvas);
        return (offsetX, offsetY);
    }

    /// <summary>
    /// Copies a region of an RGB24 image; the part of the region outside the image is black. With a square region
    /// (<see cref="PixelRegion.SquareAround"/>) this is the face crop the landmark model reads.
    /// </summary>
    /// <param name="rgb">The source pixels.</param>
    /// <param name="width">The source width.</param>
    /// <param name="height">The source height.</param>
    /// <param name="region">The region, in source pixels; it may extend past the image.</param>
    /// <param name="destination">Receives region.Width × region.Height × 3 bytes at its start.</param>
    public static void Crop(ReadOnlySpan<byte> rgb, int width, int height, PixelRegion region, Span<byte> destination)
    {
        CheckImage(rgb, width, height, nameof(rgb));
        CheckRegion(region);
        var outStride = region.Width * 3;
        if (destination.Length < (long)outStride * region.Height)
        {
            throw new ArgumentException(Format($"The destination holds {destination.Length} bytes; a {region.Width}x{region.Height} crop needs {(long)outStride * region.Height}."), nameof(destination));
        }

        var output = destination[..(outStride * region.Height)];
        var left = Math.Max(region.X, 0);
        var right = Math.Min(region.X + region.Width, width);
        var top = Math.Max(region.Y, 0);
        var bottom = Math.Min(region.Y + region.Height, height);
        if (left >= right || top >= bottom)
        {
            output.Clear();
            return;
        }

        var copy = (right - left) * 3;
        var before = (left - region.X) * 3;
        output[..((top - region.Y) * outStride)].Clear();
        for (var y = top; y < bottom; y++)
        {
            var row = output.Slice((y - region.Y) * outStride, outStride);
            row[..before].Clear();
            rgb.Slice(((y * width) + left) * 3, copy).CopyTo(row[before..]);
            row[(before + copy)..].Clear();
        }

        output[((bottom - region.Y) * outStride)..].Clear();
    }

    /// <summary>
    /// Converts RGB24 to 8-bit gray as OpenCV's <c>RGB2GRAY</c> does: BT.601 weights in 14-bit fixed point,
    /// rounded (<c>(4899 R + 9617 G + 1868 B + 8192) >> 14</c>).
    /// </summary>
    /// <param name="rgb">The source pixels, a multiple of 3 bytes.</param>
    /// <param name="gray">Receives one byte per pixel at its start.</param>
    public static void RgbToGray(ReadOnlySpan<byte> rgb, Span<byte> gray)
    {
        if (rgb.Length % 3 != 0)
        {
            throw new ArgumentException(Format($"RGB24 data has 3 bytes per pixel; {rgb.Length} is not a multiple of 3."), nameof(rgb));
        }

        var pixels = rgb.Length / 3;
        if (gray.Length < pixels)
        {
            throw new ArgumentException(Format($"The destination holds {gray.Length} bytes; {pixels} pixels need {pixels}."), nameof(gray));
        }

        for (var i = 0; i < pixels; i++)
        {
            var p = rgb.Slice(i * 3, 3);
            gray[i] = (byte)(((4899 * p[0]) + (9617 * p[1]) + (1868 * p[2]) + 8192) >> 14);
        }
    }

    /// <summary>The two source taps of an output coordinate (OpenCV's INTER_LINEAR with aligned centres) and the second one's weight.</summary>
    internal static (int First, int Second, float Weight) Tap(int d, int outSize, int inSize)
    {
        var s = ((d + 0.5f) * inSize / outSize) - 0.5f;
        if (s <= 0)
        {
            return (0, 0, 0f);
        }

        var first = (int)s;
        if (first >= inSize - 1)
        {
            return (inSize - 1, inSize - 1, 0f);
        }

        return (first, first + 1, s - first);
    }

    private static void ConvertToTensor(ReadOnlySpan<byte> rgb, Span<float> tensor, int plane, TensorChannels channels, ChannelNormalization n)
    {
        if (channels == TensorChannels.Gray)
        {
            var mean = n.Mean(0);
            var scale = n.Scale(0);
            var output = tensor[..plane];
            for (var i = 0; i < plane; i++)
            {
                var o = i * 3;
                output[i] = (((GrayRed * rgb[o]) + (GrayGreen * rgb[o + 1]) + (GrayBlue * rgb[o + 2])) - mean) * scale;
            }

            return;
        }

        var pixels = rgb[..(plane * 3)];
        var first = tensor[..plane];
        var second = tensor.Slice(plane, plane);
        var third = tensor.Slice(2 * plane, plane);
        if (channels == TensorChannels.Bgr)
        {
            var swap = first;
            first = third;
            third = swap;
        }

        // Tensor plane c holds source channel c (RGB) or 2 - c (BGR); first/second/third are the red, green, blue planes.
        var (redMean, redScale) = channels == TensorChannels.Bgr ? (n.Mean(2), n.Scale(2)) : (n.Mean(0), n.Scale(0));
        var (greenMean, greenScale) = (n.Mean(1), n.Scale(1));
        var (blueMean, blueScale) = channels == TensorChannels.Bgr ? (n.Mean(0), n.Scale(0)) : (n.Mean(2), n.Scale(2));
        for (var i = 0; i < plane; i++)
        {
            var o = i * 3;
            first[i] = (pixels[o] - redMean) * redScale;
            second[i] = (pixels[o + 1] - greenMean) * greenScale;
            third[i] = (pixels[o + 2] - blueMean) * blueScale;
        }
    }

    private static void HorizontalPass(ReadOnlySpan<byte> rgb, int stride, int height, int y, ReadOnlySpan<int> x0, ReadOnlySpan<int> x1, ReadOnlySpan<float> w0, ReadOnlySpan<float> w1, Span<float> row)
    {
        if ((uint)y >= (uint)height)
        {
            row.Clear();
            return;
        }

        // Unchecked reads: every offset in x0 and x1 is a pixel of this row (CheckImage, and the column tables above).
        var count = x0.Length;
        ref var src = ref MemoryMarshal.GetReference(rgb.Slice(y * stride, stride));
        ref var output = ref MemoryMarshal.GetReference(row[..(count * 3)]);
        ref var firstOffsets = ref MemoryMarshal.GetReference(x0);
        ref var secondOffsets = ref MemoryMarshal.GetReference(x1[..count]);
        ref var firstWeights = ref MemoryMarshal.GetReference(w0[..count]);
        ref var secondWeights = ref MemoryMarshal.GetReference(w1[..count]);
        for (var dx = 0; dx < count; dx++)
        {
            var first = Unsafe.Add(ref firstWeights, dx);
            var second = Unsafe.Add(ref secondWeights, dx);
            ref var a = ref Unsafe.Add(ref src, Unsafe.Add(ref firstOffsets, dx));
            ref var b = ref Unsafe.Add(ref src, Unsafe.Add(ref secondOffsets, dx));
            ref var o = ref Unsafe.Add(ref output, dx);
            o = (first * a) + (second * b);
            Unsafe.Add(ref o, count) = (first * Unsafe.Add(ref a, 1)) + (second * Unsafe.Add(ref b, 1));
            Unsafe.Add(ref o, 2 * count) = (first * Unsafe.Add(ref a, 2)) + (second * Unsafe.Add(ref b, 2));
        }
    }

    // rowA and rowB hold the two source rows, resized horizontally, as three planes (R, G, B) of outWidth floats.
    private static void WriteRow(ReadOnlySpan<float> rowA, ReadOnlySpan<float> rowB, float fy, Span<float> tensor, int offset, int plane, int outWidth, TensorChannels channels, ChannelNormalization n)
    {
        var w0 = 1f - fy;
        if (channels == TensorChannels.Gray)
        {
            var mean = n.Mean(0);
            var scale = n.Scale(0);
            var output = tensor.Slice(offset, outWidth);
            for (var dx = 0; dx < outWidth; dx++)
            {
                var r = (w0 * rowA[dx]) + (fy * rowB[dx]);
                var g = (w0 * rowA[outWidth + dx]) + (fy * rowB[outWidth + dx]);
                var b = (w0 * rowA[(2 * outWidth) + dx]) + (fy * rowB[(2 * outWidth) + dx]);
                output[dx] = (((GrayRed * r) + (GrayGreen * g) + (GrayBlue * b)) - mean) * scale;
            }

            return;
        }

        for (var c = 0; c < 3; c++)
        {
            // Tensor channel c reads source channel c (RGB) or 2 - c (BGR). Lane by lane the same operations as the
            // scalar tail, so the vector width does not change a value.
            var source = channels == TensorChannels.Bgr ? 2 - c : c;
            var a = rowA.Slice(source * outWidth, outWidth);
            var b = rowB.Slice(source * outWidth, outWidth);
            var output = tensor.Slice((c * plane) + offset, outWidth);
            var mean = n.Mean(c);
            var scale = n.Scale(c);
            var dx = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var (w0s, fys, means, scales) = (new Vector<float>(w0), new Vector<float>(fy), new Vector<float>(mean), new Vector<float>(scale));
                for (; dx <= outWidth - Vector<float>.Count; dx += Vector<float>.Count)
                {
                    var blended = (w0s * new Vector<float>(a[dx..])) + (fys * new Vector<float>(b[dx..]));
                    ((blended - means) * scales).CopyTo(output[dx..]);
                }
            }

            for (; dx < outWidth; dx++)
            {
                output[dx] = ((w0 * a[dx]) + (fy * b[dx]) - mean) * scale;
            }
        }
    }

    private static void CheckImage(ReadOnlySpan<byte> rgb, int width, int height, string name)
    {
        CheckSize(width, height, nameof(width));
        if (rgb.Length != (long)width * height * 3)
        {
            throw new ArgumentException(Format($"A {width}x{height} RGB24 image has {(long)width * height * 3} bytes, not {rgb.Length}."), name);
        }
    }

    private static void CheckRegion(PixelRegion region)
    {
        if (region.Width <= 0 || region.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, "A region must be at least 1x1 pixels.");
        }
    }

    private static void CheckSize(int width, int height, string name)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(name, Format($"A size must be positive, not {width}x{height}."));
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
