using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Imaging;

public class PpmReaderTests
{
    public static TheoryData<string> SharedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "identities", "scenes" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(VisionPaths.Faces, "ppm", folder), "*.ppm").Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        return data;
    }

    [Fact]
    public void The_shared_folder_holds_the_expected_images()
    {
        Assert.Equal(40, Directory.GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "identities"), "*.ppm").Length);
        Assert.True(Directory.GetFiles(Path.Combine(VisionPaths.Faces, "ppm", "scenes"), "*.ppm").Length >= 20);
    }

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void Reads_every_shared_ppm_with_its_header_size_and_raster(string relative)
    {
        var path = Path.Combine(VisionPaths.Faces, "ppm", relative);
        var bytes = File.ReadAllBytes(path);

        using var image = PpmReader.ReadFile(path);

        // Independent parse of these files' simple headers: "P6\n<w> <h>\n255\n".
        var header = Encoding.ASCII.GetString(bytes, 0, 32).Split('\n');
        var size = header[1].Split(' ');
        Assert.Equal(int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), image.Width);
        Assert.Equal(int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture), image.Height);
        Assert.True(image.Pixels.SequenceEqual(bytes.AsSpan(bytes.Length - (image.Width * image.Height * 3))));
        if (relative.StartsWith("identities", StringComparison.Ordinal))
        {
            Assert.Equal((150, 150), (image.Width, image.Height));
        }
        else
        {
            Assert.True(Math.Max(image.Width, image.Height) <= 640);
        }

        using var fromSpan = PpmReader.Read(bytes);
        Assert.True(fromSpan.Pixels.SequenceEqual(image.Pixels));
    }

    [Fact]
    public void Reads_a_known_first_pixel_of_a_shared_file()
    {
        using var image = PpmReader.ReadFile(Path.Combine(VisionPaths.Faces, "ppm", "identities", "amy1.ppm"));

        Assert.Equal(new byte[] { 0x7d, 0x7d, 0x7d, 0x78, 0x78, 0x78 }, image.Pixels[..6].ToArray());
    }

    [Theory]
    [InlineData("P6\n2 1\n255\n")]
    [InlineData("P6 2 1 255 ")]
    [InlineData("P6\t2\r\n1\v255\f")]
    [InlineData("P6\r2\r1\r255\r")]
    [InlineData("P6# made by hand\n2 1\n255\n")]
    [InlineData("P6\n# a comment line\n# and another\n2 # width\n1\n255\n")]
    [InlineData("P6\n2#comment straight after a number ends it\n1\n255\n")]
    [InlineData("P6\n2 1\n255# a comment after maxval: its line end is the single separator\n")]
    [InlineData("P6\n2 1\n255#CR ends a comment too\r")]
    [InlineData("P6\n   2    1\n\n\n255\n")]
    public void Accepts_the_header_forms_of_the_specification(string header)
    {
        // The raster starts with bytes that look like whitespace and '#': only one separator may be skipped.
        byte[] raster = [(byte)' ', (byte)'\n', (byte)'#', 0, 128, 255];
        var data = Encoding.ASCII.GetBytes(header).Concat(raster).ToArray();

        using var image = PpmReader.Read(data);
        using var fromStream = PpmReader.Read(new MemoryStream(data));

        Assert.Equal((2, 1), (image.Width, image.Height));
        Assert.Equal(raster, image.Pixels.ToArray());
        Assert.Equal(raster, fromStream.Pixels.ToArray());
    }

    [Fact]
    public void Reads_rows_top_to_bottom_and_ignores_bytes_after_the_image()
    {
        var raster = Enumerable.Range(0, 3 * 2 * 3).Select(i => (byte)(i * 7)).ToArray();
        var data = Encoding.ASCII.GetBytes("P6\n3 2\n255\n").Concat(raster).Concat(Encoding.ASCII.GetBytes("P6\n1 1\n255\nxyz")).ToArray();

        using var image = PpmReader.Read(data);

        Assert.Equal((3, 2), (image.Width, image.Height));
        Assert.Equal(raster, image.Pixels.ToArray());
    }

    [Fact]
    public void A_stream_is_left_at_the_end_of_the_raster_so_concatenated_images_read_in_turn()
    {
        var first = Encoding.ASCII.GetBytes("P6\n1 1\n255\n").Concat(new byte[] { 1, 2, 3 });
        var second = Encoding.ASCII.GetBytes("P6 2 1 255\n").Concat(new byte[] { 4, 5, 6, 7, 8, 9 });
        using var stream = new MemoryStream(first.Concat(second).ToArray());

        using var a = PpmReader.Read(stream);
        using var b = PpmReader.Read(stream);

        Assert.Equal(new byte[] { 1, 2, 3 }, a.Pixels.ToArray());
        Assert.Equal(new byte[] { 4, 5, 6, 7, 8, 9 }, b.Pixels.ToArray());
        Assert.Equal(stream.Length, stream.Position);
    }

    [Theory]
    [InlineData("P3\n1 1\n255\n0 0 0\n", "P3 (ASCII PPM)")]
    [InlineData("P5\n1 1\n255\n\0", "P5 (binary PGM (grayscale))")]
    [InlineData("P4\n8 1\n\0", "P4 (binary PBM (bitmap))")]
    [InlineData("P7\nWIDTH 1\n", "P7 (PAM)")]
    [InlineData("BM\0\0\0\0", "(it looks like BMP)")]
    [InlineData("GIF89a", "(it looks like GIF)")]
    [InlineData("hello", "0x68 0x65")]
    [InlineData("P", "ends before the magic number")]
    [InlineData("", "ends before the magic number")]
    public void Refuses_other_formats_naming_what_it_found(string data, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => PpmReader.Read(Encoding.Latin1.GetBytes(data)).Dispose());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("P6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_png_and_jpeg_signatures()
    {
        Assert.Contains("PNG", Assert.Throws<InvalidDataException>(() => PpmReader.Read(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }).Dispose()).Message, StringComparison.Ordinal);
        Assert.Contains("JPEG", Assert.Throws<InvalidDataException>(() => PpmReader.Read(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }).Dispose()).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P6\n1 1\n65535\n", "maxval is 65535; only 8-bit")]
    [InlineData("P6\n1 1\n15\n", "maxval is 15; only 8-bit")]
    [InlineData("P6\n1 1\n0\n", "maxval 0 is invalid")]
    [InlineData("P6\n1 1\n70000\n", "maxval 70000 is invalid")]
    [InlineData("P6\n0 5\n255\n", "empty image (0x5)")]
    [InlineData("P6\n-1 5\n255\n", "expected the width as a decimal number, found '-'")]
    [InlineData("P6\n1.5 5\n255\n", "the width is followed by '.', not whitespace")]
    [InlineData("P6\n12345678901 5\n255\n", "the width has more than 9 digits")]
    [InlineData("P6\n1 1 255\u00ff", "the maxval is followed by byte 0xFF")]
    [InlineData("P6\n1 1\n255", "ends right after the maxval")]
    [InlineData("P6\n1 ", "ends before the height")]
    [InlineData("P6\n1 1\n# unfinished comment", "ends inside a comment, before the end of the maxval")]
    [InlineData("P61 1 255\n", "the magic number P6 is followed by '1', not whitespace")]
    [InlineData("P6", "ends right after the magic number P6")]
    public void Refuses_malformed_headers_with_a_precise_message(string data, string expected)
    {
        var bytes = Encoding.Latin1.GetBytes(data);

        var fromSpan = Assert.Throws<InvalidDataException>(() => PpmReader.Read(bytes).Dispose());
        var fromStream = Assert.Throws<InvalidDataException>(() => PpmReader.Read(new MemoryStream(bytes)).Dispose());

        Assert.Contains(expected, fromSpan.Message, StringComparison.Ordinal);
        Assert.Equal(fromSpan.Message, fromStream.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(11)]
    public void Refuses_a_truncated_raster_saying_how_much_is_missing(int rasterBytes)
    {
        var data = Encoding.ASCII.GetBytes("P6\n2 2\n255\n").Concat(new byte[rasterBytes]).ToArray();

        var fromSpan = Assert.Throws<InvalidDataException>(() => PpmReader.Read(data).Dispose());
        var fromStream = Assert.Throws<InvalidDataException>(() => PpmReader.Read(new MemoryStream(data)).Dispose());

        var expected = $"PPM raster truncated: 2x2 RGB needs 12 bytes after the header, but only {rasterBytes} follow.";
        Assert.Equal(expected, fromSpan.Message);
        Assert.Equal(expected, fromStream.Message);
    }

    [Fact]
    public void Refuses_images_larger_than_FaceImage_accepts_before_reading_the_raster()
    {
        var data = Encoding.ASCII.GetBytes("P6\n9000 10\n255\n");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PpmReader.Read(data).Dispose());

        Assert.Contains("9000x10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_null_and_missing_files()
    {
        Assert.Throws<ArgumentNullException>(() => PpmReader.Read((Stream)null!));
        Assert.Throws<FileNotFoundException>(() => PpmReader.ReadFile(Path.Combine(VisionPaths.Faces, "ppm", "no-such-file.ppm")));
    }
}
