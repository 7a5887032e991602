using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;

namespace FaceCompliance.Vision.Components;

/// <summary>
/// Reads binary PPM images (Netpbm "P6", 8-bit RGB) into a <see cref="FaceImage"/>, so tests and tools can feed
/// pixels to the library without an image library.
/// </summary>
/// <remarks>
/// <para>
/// The header follows the Netpbm specification: the magic number <c>P6</c>, then width, height and maxval as ASCII
/// decimal numbers separated by whitespace (space, tab, CR, LF, vertical tab, form feed); a <c>#</c> anywhere in the
/// header starts a comment that runs to the end of the line and counts as whitespace. Exactly one whitespace
/// character follows maxval, then the raster: width × height × 3 bytes, rows top to bottom, R G B.
/// </para>
/// <para>
/// Only maxval 255 is accepted. Other Netpbm formats (P1-P5, P7, the ASCII P3), 16-bit or rescaled samples and
/// truncated rasters are refused with an <see cref="InvalidDataException"/> that says what was found. Bytes after
/// the first image (Netpbm allows several images in one file) are ignored.
/// </para>
/// </remarks>
public static class PpmReader
{
    private const int MaxHeaderNumberDigits = 9;

    /// <summary>Reads a PPM file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The image; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The file is not a complete 8-bit binary PPM.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The image is larger than <see cref="FaceImage"/> accepts.</exception>
    public static FaceImage ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a PPM image from the current position of a stream.</summary>
    /// <param name="stream">The stream; read up to the end of the first image's raster.</param>
    /// <returns>The image; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The data is not a complete 8-bit binary PPM.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The image is larger than <see cref="FaceImage"/> accepts.</exception>
    public static FaceImage Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = new StreamSource(stream);
        var header = ReadHeader(ref source);
        var length = checked(header.Width * header.Height * 3);
        var raster = GC.AllocateUninitializedArray<byte>(length, pinned: true);
        try
        {
            var read = stream.ReadAtLeast(raster, length, throwOnEndOfStream: false);
            if (read < length)
            {
                throw Truncated(header, read);
            }

            return FaceImage.FromRgb24(raster, header.Width, header.Height);
        }
        finally
        {
            // The raster is a face photo: leave no copy behind once the image owns its own.
            CryptographicOperations.ZeroMemory(raster);
        }
    }

    /// <summary>Reads a PPM image held in memory.</summary>
    /// <param name="data">The file's bytes.</param>
    /// <returns>The image; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The data is not a complete 8-bit binary PPM.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The image is larger than <see cref="FaceImage"/> accepts.</exception>
    public static FaceImage Read(ReadOnlySpan<byte> data)
    {
        var source = new SpanSource(data);
        var header = ReadHeader(ref source);
        var length = (long)header.Width * header.Height * 3;
        var available = data.Length - source.Position;
        if (available < length)
        {
            throw Truncated(header, available);
        }

        return FaceImage.FromRgb24(data.Slice(source.Position, (int)length), header.Width, header.Height);
    }

    private static PpmHeader ReadHeader<TSource>(ref TSource source)
        where TSource : struct, IByteSource, allows ref struct
    {
        var p = source.Next();
        var n = source.Next();
        if (p != 'P' || n != '6')
        {
            throw new InvalidDataException(DescribeWrongFormat(p, n));
        }

        var separator = source.Next();
        if (separator == '#')
        {
            SkipComment(ref source, "width");
        }
        else if (separator < 0)
        {
            throw new InvalidDataException("PPM header truncated: the data ends right after the magic number P6.");
        }
        else if (!IsWhitespace(separator))
        {
            throw new InvalidDataException(Format($"PPM header: the magic number P6 is followed by {Describe(separator)}, not whitespace."));
        }

        var width = ReadNumber(ref source, "width");
        var height = ReadNumber(ref source, "height");
        var maxValue = ReadNumber(ref source, "maxval");
        if (width == 0 || height == 0)
        {
            throw new InvalidDataException(Format($"PPM header gives an empty image ({width}x{height})."));
        }

        if (maxValue != 255)
        {
            throw new InvalidDataException(maxValue is 0 or > 65535
                ? Format($"PPM maxval {maxValue} is invalid (Netpbm allows 1 to 65535); only 8-bit PPM with maxval 255 is supported.")
                : Format($"PPM maxval is {maxValue}; only 8-bit PPM with maxval 255 is supported (convert with `pnmdepth 255`)."));
        }

        if ((long)width * height > FaceImage.MaxPixels || width > FaceImage.MaxDimension || height > FaceImage.MaxDimension)
        {
            throw new ArgumentOutOfRangeException(
                nameof(source),
                Format($"image too large: the PPM is {width}x{height}, over the limits of {FaceImage.MaxDimension} pixels per side and {FaceImage.MaxPixels} pixels."));
        }

        // ReadNumber stopped on the single whitespace character (or the comment ending in one) that ends the header.
        return new PpmHeader(width, height);
    }

    /// <summary>Skips whitespace and comments, reads decimal digits, and consumes the one character that ends them.</summary>
    private static int ReadNumber<TSource>(ref TSource source, string field)
        where TSource : struct, IByteSource, allows ref struct
    {
        int c;
        while (true)
        {
            c = source.Next();
            if (c == '#')
            {
                SkipComment(ref source, field);
            }
            else if (!IsWhitespace(c))
            {
                break;
            }
        }

        if (c < 0)
        {
            throw new InvalidDataException(Format($"PPM header truncated: the data ends before the {field}."));
        }

        if (c is < '0' or > '9')
        {
            throw new InvalidDataException(Format($"PPM header: expected the {field} as a decimal number, found {Describe(c)}."));
        }

        long value = 0;
        var digits = 0;
        while (c is >= '0' and <= '9')
        {
            if (++digits > MaxHeaderNumberDigits)
            {
                throw new InvalidDataException(Format($"PPM header: the {field} has more than {MaxHeaderNumberDigits} digits."));
            }

            value = (value * 10) + (c - '0');
            c = source.Next();
        }

        if (c == '#')
        {
            // A comment right after the number ends it, as its line end would (libnetpbm's pm_getc).
            SkipComment(ref source, field);
        }
        else if (c < 0)
        {
            throw new InvalidDataException(Format($"PPM header truncated: the data ends right after the {field}."));
        }
        else if (!IsWhitespace(c))
        {
            throw new InvalidDataException(Format($"PPM header: the {field} is followed by {Describe(c)}, not whitespace."));
        }

        return (int)value;
    }

    private static void SkipComment<TSource>(ref TSource source, string field)
        where TSource : struct, IByteSource, allows ref struct
    {
        int c;
        do
        {
            c = source.Next();
        }
        while (c >= 0 && c != '\n' && c != '\r');

        if (c < 0)
        {
            throw new InvalidDataException(Format($"PPM header truncated: the data ends inside a comment, before the end of the {field}."));
        }
    }

    private static bool IsWhitespace(int c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    private static string DescribeWrongFormat(int p, int n)
    {
        if (p == 'P' && n is >= '1' and <= '7')
        {
            var kind = n switch
            {
                '1' => "ASCII PBM (bitmap)",
                '2' => "ASCII PGM (grayscale)",
                '3' => "ASCII PPM",
                '4' => "binary PBM (bitmap)",
                '5' => "binary PGM (grayscale)",
                _ => "PAM",
            };
            return Format($"Not a binary PPM: the magic number is P{(char)n} ({kind}); only P6 (binary RGB) is supported.");
        }

        if (p < 0 || n < 0)
        {
            return "Not a binary PPM: the data ends before the magic number P6.";
        }

        var what = (p, n) switch
        {
            (0x89, 'P') => " (it looks like PNG)",
            (0xFF, 0xD8) => " (it looks like JPEG)",
            ('B', 'M') => " (it looks like BMP)",
            ('G', 'I') => " (it looks like GIF)",
            _ => string.Empty,
        };
        return Format($"Not a binary PPM: it starts with bytes 0x{p:X2} 0x{n:X2}, not the magic number P6{what}.");
    }

    private static string Describe(int c) => c is >= 0x21 and < 0x7F
        ? Format($"'{(char)c}'")
        : Format($"byte 0x{c:X2}");

    private static InvalidDataException Truncated(PpmHeader header, long available) => new(Format(
        $"PPM raster truncated: {header.Width}x{header.Height} RGB needs {(long)header.Width * header.Height * 3} bytes after the header, but only {available} follow."));

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    private readonly record struct PpmHeader(int Width, int Height);

    private interface IByteSource
    {
        /// <summary>The next byte, or -1 at the end of the data.</summary>
        int Next();
    }

    private ref struct SpanSource(ReadOnlySpan<byte> data) : IByteSource
    {
        private readonly ReadOnlySpan<byte> data = data;

        public int Position { get; private set; }

        public int Next() => Position < data.Length ? data[Position++] : -1;
    }

    private readonly struct StreamSource(Stream stream) : IByteSource
    {
        // Byte by byte so the stream is left exactly at the raster; headers are a few dozen bytes.
        public int Next() => stream.ReadByte();
    }
}
