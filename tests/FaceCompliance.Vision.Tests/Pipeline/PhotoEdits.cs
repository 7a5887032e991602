using System;

namespace FaceCompliance.Vision.Tests.Pipeline;

/// <summary>Edits of real photographs for the quality tests: each turns a good photo into one with a known fault.</summary>
internal static class PhotoEdits
{
    /// <summary>The image scaled down by <paramref name="factor"/> (area average), as a face further from the camera.</summary>
    public static FaceImage Shrink(FaceImage image, int factor)
    {
        var width = image.Width / factor;
        var height = image.Height / factor;
        var source = image.Pixels;
        var output = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var sum = 0;
                    for (var dy = 0; dy < factor; dy++)
                    {
                        for (var dx = 0; dx < factor; dx++)
                        {
                            sum += source[((((y * factor) + dy) * image.Width) + (x * factor) + dx) * 3 + c];
                        }
                    }

                    output[(((y * width) + x) * 3) + c] = (byte)((sum + (factor * factor / 2)) / (factor * factor));
                }
            }
        }

        return FaceImage.FromRgb24(output, width, height);
    }

    /// <summary>The image blurred by three passes of a (2r+1)-pixel box filter each way, close to a Gaussian of sigma r: out of focus, or moving.</summary>
    public static FaceImage Blur(FaceImage image, int radius)
    {
        var pixels = image.Pixels.ToArray();
        var scratch = new byte[pixels.Length];
        for (var pass = 0; pass < 3; pass++)
        {
            BoxBlur(pixels, scratch, image.Width, image.Height, radius, horizontal: true);
            BoxBlur(scratch, pixels, image.Width, image.Height, radius, horizontal: false);
        }

        return FaceImage.FromRgb24(pixels, image.Width, image.Height);
    }

    /// <summary>Every value mapped through <paramref name="map"/>: exposure and contrast changes.</summary>
    public static FaceImage MapLevels(FaceImage image, Func<double, double> map)
    {
        var table = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            table[v] = (byte)Math.Clamp(Math.Round(map(v)), 0, 255);
        }

        var pixels = image.Pixels.ToArray();
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = table[pixels[i]];
        }

        return FaceImage.FromRgb24(pixels, image.Width, image.Height);
    }

    /// <summary>The image turned by <paramref name="degrees"/> clockwise about its centre (bilinear, black outside): a tilted head or camera.</summary>
    public static FaceImage Rotate(FaceImage image, double degrees)
    {
        var radians = degrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(radians), Math.Sin(radians));
        var (cx, cy) = ((image.Width - 1) / 2.0, (image.Height - 1) / 2.0);
        return Remap(image, (x, y) => (cx + ((x - cx) * cos) + ((y - cy) * sin), cy - ((x - cx) * sin) + ((y - cy) * cos)));
    }

    /// <summary>
    /// The image stretched beyond a vertical line (x = <paramref name="line"/>, the part to its right) or a horizontal
    /// one (the part below it) by <paramref name="factor"/>; a factor below 1 squeezes it. A head turned or tilted
    /// shows one side of the nose wider and the other narrower.
    /// </summary>
    public static FaceImage Stretch(FaceImage image, double line, double factor, bool vertical)
    {
        return Remap(image, (x, y) => vertical
            ? (x > line ? line + ((x - line) / factor) : x, y)
            : (x, y > line ? line + ((y - line) / factor) : y));
    }

    /// <summary>A gray rectangle over part of the image: an occluded face.</summary>
    public static FaceImage Cover(FaceImage image, int left, int top, int right, int bottom, byte gray = 128)
    {
        var pixels = image.Pixels.ToArray();
        for (var y = Math.Max(0, top); y < Math.Min(bottom, image.Height); y++)
        {
            pixels.AsSpan(((y * image.Width) + Math.Max(0, left)) * 3, (Math.Min(right, image.Width) - Math.Max(0, left)) * 3).Fill(gray);
        }

        return FaceImage.FromRgb24(pixels, image.Width, image.Height);
    }

    /// <summary>
    /// A <paramref name="width"/> x <paramref name="height"/> gray canvas with each part drawn on it: the part's source
    /// region scaled by its factor (bilinear), its top-left corner at (X, Y).
    /// </summary>
    public static FaceImage Compose(int width, int height, params (FaceImage Source, int X, int Y, double Scale)[] parts)
    {
        var output = new byte[width * height * 3];
        output.AsSpan().Fill(128);
        foreach (var (source, left, top, scale) in parts)
        {
            var input = source.Pixels.ToArray();
            for (var y = Math.Max(0, top); y < Math.Min(height, top + (int)(source.Height * scale)); y++)
            {
                for (var x = Math.Max(0, left); x < Math.Min(width, left + (int)(source.Width * scale)); x++)
                {
                    var sx = Math.Min(((x - left + 0.5) / scale) - 0.5, source.Width - 1.001);
                    var sy = Math.Min(((y - top + 0.5) / scale) - 0.5, source.Height - 1.001);
                    var (x0, y0) = ((int)Math.Max(0, sx), (int)Math.Max(0, sy));
                    var (fx, fy) = (Math.Max(0, sx) - x0, Math.Max(0, sy) - y0);
                    for (var c = 0; c < 3; c++)
                    {
                        double At(int px, int py) => input[(((py * source.Width) + px) * 3) + c];
                        var value = ((1 - fy) * (((1 - fx) * At(x0, y0)) + (fx * At(x0 + 1, y0)))) + (fy * (((1 - fx) * At(x0, y0 + 1)) + (fx * At(x0 + 1, y0 + 1))));
                        output[(((y * width) + x) * 3) + c] = (byte)Math.Round(value);
                    }
                }
            }
        }

        return FaceImage.FromRgb24(output, width, height);
    }

    /// <summary>A region of the image, clamped to it.</summary>
    public static FaceImage Crop(FaceImage image, int left, int top, int width, int height)
    {
        var pixels = new byte[width * height * 3];
        ImageOps.Crop(image.Pixels, image.Width, image.Height, new PixelRegion(left, top, width, height), pixels);
        return FaceImage.FromRgb24(pixels, width, height);
    }

    /// <summary>The output image where each pixel (x, y) takes the source at <paramref name="source"/>(x, y), bilinear, black outside.</summary>
    private static FaceImage Remap(FaceImage image, Func<double, double, (double X, double Y)> source)
    {
        var input = image.Pixels.ToArray();
        var output = new byte[input.Length];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (sx, sy) = source(x, y);
                var x0 = (int)Math.Floor(sx);
                var y0 = (int)Math.Floor(sy);
                if (x0 < 0 || y0 < 0 || x0 + 1 >= image.Width || y0 + 1 >= image.Height)
                {
                    continue;
                }

                var (fx, fy) = (sx - x0, sy - y0);
                for (var c = 0; c < 3; c++)
                {
                    double At(int px, int py) => input[(((py * image.Width) + px) * 3) + c];
                    var value = ((1 - fy) * (((1 - fx) * At(x0, y0)) + (fx * At(x0 + 1, y0)))) + (fy * (((1 - fx) * At(x0, y0 + 1)) + (fx * At(x0 + 1, y0 + 1))));
                    output[(((y * image.Width) + x) * 3) + c] = (byte)Math.Round(value);
                }
            }
        }

        return FaceImage.FromRgb24(output, image.Width, image.Height);
    }

    private static void BoxBlur(byte[] source, byte[] destination, int width, int height, int radius, bool horizontal)
    {
        var (length, lines) = horizontal ? (width, height) : (height, width);
        for (var line = 0; line < lines; line++)
        {
            for (var c = 0; c < 3; c++)
            {
                int Index(int i) => horizontal ? (((line * width) + i) * 3) + c : (((i * width) + line) * 3) + c;
                for (var i = 0; i < length; i++)
                {
                    var sum = 0;
                    for (var d = -radius; d <= radius; d++)
                    {
                        sum += source[Index(Math.Clamp(i + d, 0, length - 1))];
                    }

                    destination[Index(i)] = (byte)((sum + radius) / ((2 * radius) + 1));
                }
            }
        }
    }
}
