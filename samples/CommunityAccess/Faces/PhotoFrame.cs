using System;
using System.Globalization;
using System.IO;

namespace CommunityAccess.Faces;

/// <summary>
/// An 8-bit RGB image as the gate camera hands it over. The sample reads binary PPM files (P6), which need no
/// image library; a real gate receives frames from the camera driver instead.
/// </summary>
public sealed class PhotoFrame
{
    private readonly byte[] rgb;

    /// <summary>Wraps pixels, three bytes (red, green, blue) per pixel, row by row.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="rgb">The pixels; exactly <c>width * height * 3</c> bytes.</param>
    /// <param name="source">Where the image came from, for the log.</param>
    public PhotoFrame(int width, int height, byte[] rgb, string source)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (rgb.Length != checked(width * height * 3))
        {
            throw new ArgumentException($"Expected {width * height * 3} bytes of RGB pixels, got {rgb.Length}.", nameof(rgb));
        }

        Width = width;
        Height = height;
        this.rgb = rgb;
        Source = source;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Where the image came from (a file name), for the log.</summary>
    public string Source { get; }

    /// <summary>The brightness of one pixel, 0 to 255 (ITU-R BT.601 luma).</summary>
    /// <param name="x">Column, from 0.</param>
    /// <param name="y">Row, from 0.</param>
    /// <returns>The luma of the pixel.</returns>
    public double LumaAt(int x, int y)
    {
        int i = ((y * Width) + x) * 3;
        return (0.299 * rgb[i]) + (0.587 * rgb[i + 1]) + (0.114 * rgb[i + 2]);
    }

    /// <summary>Reads a binary PPM file (P6) with 8-bit samples (maximum value 1 to 255).</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The image.</returns>
    /// <exception cref="InvalidDataException">The file is not a binary 8-bit PPM image.</exception>
    public static PhotoFrame LoadPpm(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int position = 0;
        string magic = ReadToken(bytes, ref position);
        if (magic != "P6")
        {
            throw new InvalidDataException($"{path}: not a binary PPM (P6) image (magic '{magic}').");
        }

        int width = ReadNumber(bytes, ref position, path);
        int height = ReadNumber(bytes, ref position, path);
        int maxValue = ReadNumber(bytes, ref position, path);
        if (width < 1 || height < 1 || maxValue < 1 || maxValue > 255)
        {
            throw new InvalidDataException($"{path}: unsupported PPM header {width}x{height}, maximum value {maxValue}.");
        }

        // Exactly one whitespace byte separates the header from the pixels.
        position++;
        int length = checked(width * height * 3);
        if (bytes.Length - position < length)
        {
            throw new InvalidDataException($"{path}: {length} bytes of pixels expected, {bytes.Length - position} found.");
        }

        byte[] rgb = new byte[length];
        Array.Copy(bytes, position, rgb, 0, length);
        if (maxValue != 255)
        {
            for (int i = 0; i < rgb.Length; i++)
            {
                rgb[i] = (byte)Math.Min(255, rgb[i] * 255 / maxValue);
            }
        }

        return new PhotoFrame(width, height, rgb, Path.GetFileName(path));
    }

    private static int ReadNumber(byte[] bytes, ref int position, string path)
    {
        string token = ReadToken(bytes, ref position);
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            throw new InvalidDataException($"{path}: bad number '{token}' in the PPM header.");
        }

        return value;
    }

    private static string ReadToken(byte[] bytes, ref int position)
    {
        // Skip whitespace and '#' comments, then read up to the next whitespace byte (not consumed).
        while (position < bytes.Length)
        {
            if (bytes[position] == (byte)'#')
            {
                while (position < bytes.Length && bytes[position] != (byte)'\n')
                {
                    position++;
                }
            }
            else if (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }
            else
            {
                break;
            }
        }

        int start = position;
        while (position < bytes.Length && !char.IsWhiteSpace((char)bytes[position]))
        {
            position++;
        }

        return System.Text.Encoding.ASCII.GetString(bytes, start, position - start);
    }
}
