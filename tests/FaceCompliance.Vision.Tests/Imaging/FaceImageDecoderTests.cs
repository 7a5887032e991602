using System;
using System.IO;
using System.Linq;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Imaging;

/// <summary>The photo decoder on the shared photographs and on files made here: formats, orientation, alpha, limits, errors, erasure.</summary>
public sealed class FaceImageDecoderTests(ITestOutputHelper output)
{
    private static string Scene(string file) => Path.Combine(VisionPaths.Faces, "scenes", file);

    private static string Ppm(string folder, string file) =>
        Path.Combine(VisionPaths.Faces, "ppm", folder, Path.GetFileNameWithoutExtension(file) + ".ppm");

    public static TheoryData<string> IdentityPngs() =>
        [.. Directory.GetFiles(Path.Combine(VisionPaths.Faces, "identities"), "*.png").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_shared_folder_holds_40_identity_pngs()
    {
        Assert.Equal(40, IdentityPngs().Count);
    }

    [Theory]
    [MemberData(nameof(IdentityPngs))]
    public void Every_identity_png_decodes_to_exactly_the_bytes_of_its_ppm_copy(string file)
    {
        using var decoded = FaceImageDecoder.DecodeFile(Path.Combine(VisionPaths.Faces, "identities", file));
        using var ppm = PpmReader.ReadFile(Ppm("identities", file));

        Assert.Equal((ppm.Width, ppm.Height), (decoded.Width, decoded.Height));
        Assert.True(decoded.Pixels.SequenceEqual(ppm.Pixels));
    }

    [Fact]
    public void A_scene_without_a_color_profile_decodes_to_exactly_its_ppm_copy()
    {
        // noface_white.png is the one scene kept at full size whose file says sRGB (no ICC profile to apply).
        using var decoded = FaceImageDecoder.DecodeFile(Scene("noface_white.png"));
        using var ppm = PpmReader.ReadFile(Ppm("scenes", "noface_white.png"));

        Assert.True(decoded.Pixels.SequenceEqual(ppm.Pixels));
    }

    [Theory]
    [InlineData("kit_harington_2.jpg")]  // ProPhoto RGB profile
    [InlineData("alex_lacamoire_3.png")] // an iCCP profile
    public void A_photo_with_a_color_profile_is_converted_to_srgb(string file)
    {
        // These two scenes were not shrunk, and their PPM copies hold the file's values unconverted. Converting that
        // copy from the file's own profile to sRGB with Skia's color pipeline must give what the decoder returns.
        using var codec = SKCodec.Create(Scene(file));
        Assert.False(codec.Info.ColorSpace.IsSrgb);
        using var ppm = PpmReader.ReadFile(Ppm("scenes", file));
        using var unconverted = EncodedImages.ToBitmap(ppm);
        var inFileProfile = new SKImageInfo(ppm.Width, ppm.Height, SKColorType.Rgba8888, SKAlphaType.Opaque, codec.Info.ColorSpace);
        using var srgb = new SKBitmap(new SKImageInfo(ppm.Width, ppm.Height, SKColorType.Rgba8888, SKAlphaType.Opaque, SKColorSpace.CreateSrgb()));
        Assert.True(new SKPixmap(inFileProfile, unconverted.GetPixels()).ReadPixels(srgb.PeekPixels()));
        var expected = EncodedImages.ToRgb24(srgb);

        using var decoded = FaceImageDecoder.DecodeFile(Scene(file));

        var (maxToConverted, meanToConverted) = Difference(decoded.Pixels, expected);
        var (maxToFile, meanToFile) = Difference(decoded.Pixels, ppm.Pixels);
        output.WriteLine($"{file}: against Skia's conversion of the PPM max {maxToConverted} mean {meanToConverted:0.000}; against the unconverted PPM max {maxToFile} mean {meanToFile:0.000}");
        Assert.True(maxToConverted <= 1, $"max difference {maxToConverted} from the converted copy");
        Assert.True(maxToFile >= 5, $"the profile changed nothing (max {maxToFile})");
    }

    [Fact]
    public void Bytes_streams_and_files_decode_alike()
    {
        var path = Scene("obama_1.jpg");
        var bytes = File.ReadAllBytes(path);
        using var fromFile = FaceImageDecoder.DecodeFile(path);
        using var fromBytes = FaceImageDecoder.Decode(bytes);
        using var fromSpan = FaceImageDecoder.Decode(bytes.AsSpan());
        using var seekable = new MemoryStream([.. new byte[7], .. bytes]) { Position = 7 };
        using var fromSeekable = FaceImageDecoder.Decode(seekable);
        using var fromForwardOnly = FaceImageDecoder.Decode(new ForwardOnlyStream(bytes));

        Assert.Equal((910, 1137), (fromFile.Width, fromFile.Height));
        foreach (var other in new[] { fromBytes, fromSpan, fromSeekable, fromForwardOnly })
        {
            Assert.True(other.Pixels.SequenceEqual(fromFile.Pixels));
        }
    }

    [Fact]
    public void Webp_and_bmp_made_from_a_real_photo_decode_to_its_pixels()
    {
        using var photo = PpmReader.ReadFile(Ppm("scenes", "obama_1.jpg"));
        using var bitmap = EncodedImages.ToBitmap(photo);

        using var lossless = FaceImageDecoder.Decode(EncodedImages.Webp(bitmap, lossless: true));
        using var lossy = FaceImageDecoder.Decode(EncodedImages.Webp(bitmap, lossless: false));
        using var bmp = FaceImageDecoder.Decode(EncodedImages.Bmp(photo));

        Assert.True(lossless.Pixels.SequenceEqual(photo.Pixels));
        Assert.True(bmp.Pixels.SequenceEqual(photo.Pixels));
        var (_, mean) = Difference(lossy.Pixels, photo.Pixels);
        output.WriteLine($"lossy WebP (quality 90): mean difference {mean:0.000}");
        Assert.Equal((photo.Width, photo.Height), (lossy.Width, lossy.Height));
        Assert.True(mean < 4, $"lossy WebP mean difference {mean}");
    }

    [Fact]
    public void Transparent_pixels_are_composited_onto_black()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(3, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.SetPixel(0, 0, new SKColor(200, 100, 50, 0));
        bitmap.SetPixel(1, 0, new SKColor(200, 100, 50, 128));
        bitmap.SetPixel(2, 0, new SKColor(200, 100, 50, 255));
        var png = EncodedImages.Png(bitmap);

        using var image = FaceImageDecoder.Decode(png);

        var p = image.Pixels.ToArray();
        Assert.Equal(new byte[] { 0, 0, 0 }, p[0..3]);
        Assert.InRange(p[3], 99, 101);  // 200 x 128/255
        Assert.InRange(p[4], 49, 51);
        Assert.InRange(p[5], 24, 26);
        Assert.Equal(new byte[] { 200, 100, 50 }, p[6..9]);
    }

    public static TheoryData<int> Orientations() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Every_exif_orientation_decodes_upright(int orientation)
    {
        using var upright = PpmReader.ReadFile(Ppm("scenes", "obama_1.jpg"));
        using var uprightBitmap = EncodedImages.ToBitmap(upright);
        using var stored = EncodedImages.Stored(uprightBitmap, orientation);
        var jpeg = EncodedImages.Jpeg(stored);

        using var decoded = FaceImageDecoder.Decode(EncodedImages.WithExifOrientation(jpeg, orientation));
        using var ignoringOrientation = FaceImageDecoder.Decode(jpeg);

        Assert.Equal((upright.Width, upright.Height), (decoded.Width, decoded.Height));
        var (_, mean) = Difference(decoded.Pixels, upright.Pixels);
        output.WriteLine($"orientation {orientation}: stored {stored.Width}x{stored.Height}, upright mean difference {mean:0.000} (JPEG quality 95)");
        Assert.True(mean < 2, $"mean difference {mean} from the upright photo");
        if (orientation != 1)
        {
            // Without the tag the same file is the stored, turned or mirrored, picture.
            var sameShape = (ignoringOrientation.Width, ignoringOrientation.Height) == (upright.Width, upright.Height);
            var ignoredMean = sameShape ? Difference(ignoringOrientation.Pixels, upright.Pixels).Mean : double.NaN;
            output.WriteLine($"  without the tag: {ignoringOrientation.Width}x{ignoringOrientation.Height}, mean difference {ignoredMean:0.000}");
            Assert.True(!sameShape || ignoredMean > 20, $"ignoring the orientation gave nearly the upright picture ({ignoredMean})");
        }
    }

    [Fact]
    public void A_png_declaring_100000x100000_is_refused_from_its_header_before_any_pixel_memory()
    {
        var bomb = EncodedImages.PngDeclaring(100_000, 100_000);
        output.WriteLine($"crafted PNG: {bomb.Length} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(bomb));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{error.Message} (managed bytes allocated by the call: {allocated})");
        Assert.Contains("image too large", error.Message, StringComparison.Ordinal);
        Assert.Contains("100000x100000", error.Message, StringComparison.Ordinal);
        Assert.Contains("10000000000 pixels", error.Message, StringComparison.Ordinal);
        Assert.Contains($"limit of {FaceImage.MaxPixels} pixels", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void The_pixel_limit_can_be_lowered_and_is_checked_before_allocating()
    {
        var png = File.ReadAllBytes(Path.Combine(VisionPaths.Faces, "identities", "amy1.png"));
        var options = new FaceImageDecoderOptions { MaxPixels = (150 * 150) - 1 };

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(png, options));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("image too large: the PNG is 150x150 (22500 pixels), over the limit of 22499 pixels (FaceImageDecoderOptions.MaxPixels).", error.Message);
        Assert.True(allocated < 150 * 150 * 3, $"{allocated} bytes allocated: a pixel buffer was made before the check");
        using var atTheLimit = FaceImageDecoder.Decode(png, options with { MaxPixels = 150 * 150 });
        Assert.Equal(150, atTheLimit.Width);
    }

    [Fact]
    public void A_side_over_the_face_image_limit_is_refused_with_its_size()
    {
        var error = Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(EncodedImages.PngDeclaring(9000, 10)));

        Assert.Equal("image too large: the PNG is 9000x10, over the limit of 8192 pixels per side (FaceImage.MaxDimension).", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(FaceImage.MaxPixels + 1)]
    public void A_nonsense_pixel_limit_is_an_argument_error(int maxPixels)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FaceImageDecoderOptions { MaxPixels = maxPixels });

        Assert.Equal("MaxPixels", error.ParamName);
        Assert.Equal(FaceImage.MaxPixels, FaceImageDecoderOptions.Default.MaxPixels);
    }

    [Fact]
    public void A_jpeg_cut_in_half_is_an_error_not_a_half_grey_image()
    {
        var jpeg = File.ReadAllBytes(Scene("obama_1.jpg"));

        var error = Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(jpeg.AsSpan(0, jpeg.Length / 2)));

        Assert.Equal("truncated JPEG: the data ends before the 910x1137 image is complete.", error.Message);
    }

    [Fact]
    public void A_png_cut_inside_its_header_is_reported_as_truncated()
    {
        var png = File.ReadAllBytes(Path.Combine(VisionPaths.Faces, "identities", "amy1.png"));

        var error = Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(png.AsSpan(0, 20)));

        Assert.Equal("truncated PNG: the data (20 bytes) ends inside the header.", error.Message);
    }

    [Fact]
    public void A_png_with_corrupt_image_data_is_reported_as_corrupt()
    {
        var png = File.ReadAllBytes(Path.Combine(VisionPaths.Faces, "identities", "amy1.png"));
        var idat = png.AsSpan().IndexOf("IDAT"u8);
        for (var i = idat + 8; i < idat + 200; i++)
        {
            png[i] ^= 0x5A;
        }

        var error = Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(png));

        output.WriteLine(error.Message);
        Assert.StartsWith("corrupt PNG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_an_unrecognized_format_naming_the_supported_ones()
    {
        var noise = new byte[4096];
        new Random(11).NextBytes(noise);
        noise[0] = 0x3A;

        var error = Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(noise));

        Assert.StartsWith("unrecognized image format: the data (4096 bytes) starts with 0x3A", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("which is none of JPEG, PNG, WebP, BMP.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gif_is_refused_by_name()
    {
        var gif = EncodedImages.Gif1x1();
        using (var codec = SKCodec.Create(new MemoryStream(gif)))
        {
            Assert.Equal(SKEncodedImageFormat.Gif, codec.EncodedFormat); // a valid GIF, which Skia itself would decode
        }

        var error = Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(gif));

        Assert.Equal("unsupported image format: GIF; supported: JPEG, PNG, WebP, BMP.", error.Message);
    }

    [Fact]
    public void Tiff_and_heic_are_refused_by_name()
    {
        byte[] tiff = [.. "II*\0"u8, 8, 0, 0, 0, 0, 0];
        byte[] heic = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8];

        Assert.Equal("unsupported image format: TIFF; supported: JPEG, PNG, WebP, BMP.", Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(tiff)).Message);
        Assert.Equal("unsupported image format: HEIF/HEIC; supported: JPEG, PNG, WebP, BMP.", Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(heic)).Message);
    }

    [Fact]
    public void Empty_input_is_an_error_from_bytes_streams_and_files()
    {
        var path = Path.Combine(Path.GetTempPath(), "facecompliance-empty-" + Guid.NewGuid().ToString("N") + ".jpg");
        File.WriteAllBytes(path, []);
        try
        {
            const string Expected = "empty input: there are no bytes to decode.";
            Assert.Equal(Expected, Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(ReadOnlySpan<byte>.Empty)).Message);
            Assert.Equal(Expected, Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(new MemoryStream())).Message);
            Assert.Equal(Expected, Assert.Throws<InvalidDataException>(() => FaceImageDecoder.Decode(new ForwardOnlyStream([]))).Message);
            Assert.Equal(Expected, Assert.Throws<InvalidDataException>(() => FaceImageDecoder.DecodeFile(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_a_file_not_found_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "facecompliance-missing-" + Guid.NewGuid().ToString("N") + ".jpg");

        var error = Assert.Throws<FileNotFoundException>(() => FaceImageDecoder.DecodeFile(path));

        Assert.Equal(path, error.FileName);
    }

    [Fact]
    public void Dispose_erases_the_decoded_pixels()
    {
        var image = FaceImageDecoder.DecodeFile(Scene("obama_1.jpg"));
        var buffer = image.BufferForTests;
        Assert.Equal(image.Width * image.Height * 3, buffer.Length);
        Assert.True(image.Pixels.SequenceEqual(buffer));
        Assert.Contains(buffer, b => b != 0);

        image.Dispose();

        Assert.All(buffer, b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => image.Pixels.Length);
    }

    private static (int Max, double Mean) Difference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        Assert.Equal(a.Length, b.Length);
        var (max, sum) = (0, 0L);
        for (var i = 0; i < a.Length; i++)
        {
            var d = Math.Abs(a[i] - b[i]);
            max = Math.Max(max, d);
            sum += d;
        }

        return (max, sum / (double)a.Length);
    }

    /// <summary>A stream that can only be read forward, as a network body is.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        // Small reads, so the decoder's buffer has to grow several times.
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
