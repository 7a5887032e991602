using System;
using System.IO;
using System.Linq;
using Xunit;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Vision.Tests.Imaging;

public class ImageOpsTests
{
    [Fact]
    public void Same_size_is_an_exact_copy_normalised_in_the_requested_channel_order()
    {
        var rgb = RandomImage(5, 3, seed: 1);
        var rgbTensor = new float[3 * 15];
        var bgrTensor = new float[3 * 15];

        ImageOps.ResizeToTensor(rgb, 5, 3, rgbTensor, 5, 3, TensorChannels.Rgb, ChannelNormalization.Symmetric127);
        ImageOps.ResizeToTensor(rgb, 5, 3, bgrTensor, 5, 3, TensorChannels.Bgr, ChannelNormalization.Symmetric127);

        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var expected = (rgb[(((y * 5) + x) * 3) + c] - 127f) / 128f;
                    Assert.Equal(expected, rgbTensor[(c * 15) + (y * 5) + x]);
                    Assert.Equal(expected, bgrTensor[((2 - c) * 15) + (y * 5) + x]);
                }
            }
        }
    }

    [Fact]
    public void Halving_averages_each_2x2_block_as_opencv_inter_linear_does()
    {
        var rgb = RandomImage(8, 6, seed: 2);
        var tensor = new float[3 * 4 * 3];

        ImageOps.ResizeToTensor(rgb, 8, 6, tensor, 4, 3, TensorChannels.Rgb, new ChannelNormalization(0, 1));

        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    float P(int xx, int yy) => rgb[(((yy * 8) + xx) * 3) + c];
                    var mean = (P(2 * x, 2 * y) + P((2 * x) + 1, 2 * y) + P(2 * x, (2 * y) + 1) + P((2 * x) + 1, (2 * y) + 1)) / 4f;
                    Assert.Equal(mean, tensor[(c * 12) + (y * 4) + x], 4);
                }
            }
        }
    }

    [Fact]
    public void Doubling_interpolates_with_aligned_centres_and_repeats_the_edges()
    {
        byte[] rgb = [0, 0, 0, 200, 100, 40];
        var tensor = new float[3 * 4];

        ImageOps.ResizeToTensor(rgb, 2, 1, tensor, 4, 1, TensorChannels.Rgb, new ChannelNormalization(0, 1));

        // Source x for output 0..3: -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
        Assert.Equal(new[] { 0f, 50f, 150f, 200f }, tensor[..4]);
        Assert.Equal(new[] { 0f, 25f, 75f, 100f }, tensor[4..8]);
        Assert.Equal(new[] { 0f, 10f, 30f, 40f }, tensor[8..12]);
    }

    [Theory]
    [InlineData(150, 150, 320, 240)]
    [InlineData(640, 423, 320, 240)]
    [InlineData(37, 91, 64, 64)]
    [InlineData(7, 5, 112, 112)]
    [InlineData(300, 200, 13, 17)]
    public void Matches_an_independent_bilinear_reference(int width, int height, int outWidth, int outHeight)
    {
        var rgb = RandomImage(width, height, seed: width + height);
        var tensor = new float[3 * outWidth * outHeight];
        var norm = new ChannelNormalization(10, 20, 30, 2, 4, 8);

        ImageOps.ResizeToTensor(rgb, width, height, tensor, outWidth, outHeight, TensorChannels.Bgr, norm);

        var plane = outWidth * outHeight;
        for (var y = 0; y < outHeight; y++)
        {
            for (var x = 0; x < outWidth; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    // Tensor channel c is source channel 2 - c, normalised with mean/std of tensor channel c.
                    var reference = (Bilinear(rgb, width, height, x, y, outWidth, outHeight, 2 - c) - (10 * (c + 1))) / (2 << c);
                    Assert.Equal(reference, tensor[(c * plane) + (y * outWidth) + x], 0.005); // float source positions
                }
            }
        }
    }

    [Fact]
    public void Gray_uses_bt601_weights_and_one_plane()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 100, 150, 200];
        var tensor = new float[4 + 1];
        tensor[4] = 42;

        ImageOps.ResizeToTensor(rgb, 2, 2, tensor, 2, 2, TensorChannels.Gray, ChannelNormalization.Divide256);

        Assert.Equal(0.299f * 255 / 256, tensor[0], 5);
        Assert.Equal(0.587f * 255 / 256, tensor[1], 5);
        Assert.Equal(0.114f * 255 / 256, tensor[2], 5);
        Assert.Equal(((0.299f * 100) + (0.587f * 150) + (0.114f * 200)) / 256, tensor[3], 5);
        Assert.Equal(42, tensor[4]); // nothing written past C x H x W
    }

    [Fact]
    public void The_detector_preset_maps_0_and_255_to_the_documented_range()
    {
        byte[] rgb = [0, 127, 255];
        var tensor = new float[3];

        ImageOps.ResizeToTensor(rgb, 1, 1, tensor, 1, 1, TensorChannels.Bgr, ChannelNormalization.Symmetric127);

        Assert.Equal(new[] { 1f, 0f, -127f / 128 }, tensor);
    }

    [Fact]
    public void A_region_resize_equals_crop_then_resize_with_black_outside()
    {
        var rgb = RandomImage(40, 30, seed: 3);
        var region = new PixelRegion(-7, 12, 35, 35); // sticks out on the left and the bottom
        var crop = new byte[35 * 35 * 3];
        ImageOps.Crop(rgb, 40, 30, region, crop);
        var viaCrop = new float[64 * 64];
        var direct = new float[64 * 64];

        ImageOps.ResizeToTensor(crop, 35, 35, viaCrop, 64, 64, TensorChannels.Gray, ChannelNormalization.Divide256);
        ImageOps.ResizeToTensor(rgb, 40, 30, region, direct, 64, 64, TensorChannels.Gray, ChannelNormalization.Divide256);

        Assert.Equal(viaCrop, direct);
        Assert.Equal(0f, direct[0]); // top-left is left of the image: black
        Assert.Equal(0f, direct[(63 * 64) + 63]); // bottom-right is below the image: black
    }

    [Fact]
    public void Crop_copies_the_inside_and_blackens_the_rest()
    {
        var rgb = RandomImage(10, 8, seed: 4);
        var region = new PixelRegion(6, -2, 6, 6);
        var crop = Enumerable.Repeat((byte)77, (6 * 6 * 3) + 3).ToArray();

        ImageOps.Crop(rgb, 10, 8, region, crop);

        for (var y = 0; y < 6; y++)
        {
            for (var x = 0; x < 6; x++)
            {
                var sx = x + 6;
                var sy = y - 2;
                var inside = sx < 10 && sy >= 0;
                for (var c = 0; c < 3; c++)
                {
                    var expected = inside ? rgb[(((sy * 10) + sx) * 3) + c] : 0;
                    Assert.Equal(expected, crop[(((y * 6) + x) * 3) + c]);
                }
            }
        }

        Assert.Equal(new byte[] { 77, 77, 77 }, crop[^3..]);
    }

    [Fact]
    public void Crop_wholly_outside_is_black()
    {
        var rgb = RandomImage(4, 4, seed: 5);
        var crop = Enumerable.Repeat((byte)9, 3 * 3 * 3).ToArray();

        ImageOps.Crop(rgb, 4, 4, new PixelRegion(10, 10, 3, 3), crop);

        Assert.All(crop, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_square_region_around_a_box_is_centred_on_it_and_as_long_as_its_longer_side()
    {
        var region = PixelRegion.SquareAround(new FaceBox(10, 20, 50, 80, 0.9f));

        Assert.Equal(new PixelRegion(0, 20, 60, 60), region);
    }

    [Fact]
    public void Padding_centres_the_image_on_a_black_canvas()
    {
        var rgb = RandomImage(150, 150, seed: 6);
        var canvas = new byte[320 * 240 * 3];
        Array.Fill(canvas, (byte)1);

        var (ox, oy) = ImageOps.PadCentered(rgb, 150, 150, canvas, 320, 240);

        Assert.Equal((85, 45), (ox, oy));
        for (var y = 0; y < 240; y++)
        {
            for (var x = 0; x < 320; x++)
            {
                var inside = x >= 85 && x < 235 && y >= 45 && y < 195;
                var pixel = canvas.AsSpan(((y * 320) + x) * 3, 3);
                var expected = inside ? rgb.AsSpan(((((y - 45) * 150) + x - 85) * 3), 3) : new byte[3];
                Assert.True(pixel.SequenceEqual(expected), $"pixel ({x}, {y})");
            }
        }
    }

    [Fact]
    public void Padding_an_odd_margin_rounds_the_offset_down_and_an_equal_size_is_a_copy()
    {
        var rgb = RandomImage(3, 2, seed: 7);
        var canvas = new byte[6 * 5 * 3];
        Assert.Equal((1, 1), ImageOps.PadCentered(rgb, 3, 2, canvas, 6, 5));

        var same = new byte[rgb.Length];
        Assert.Equal((0, 0), ImageOps.PadCentered(rgb, 3, 2, same, 3, 2));
        Assert.Equal(rgb, same);
    }

    [Fact]
    public void Gray_conversion_matches_opencv_fixed_point_rounding()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 100, 150, 200];
        var gray = new byte[6];

        ImageOps.RgbToGray(rgb, gray);

        // (4899 R + 9617 G + 1868 B + 8192) >> 14
        Assert.Equal(new byte[] { 76, 150, 29, 255, 0, 141 }, gray);
    }

    [Fact]
    public void Real_photo_gray_agrees_with_the_float_weights_within_rounding()
    {
        using var image = PpmReader.ReadFile(Path.Combine(VisionPaths.Faces, "ppm", "identities", "penny1.ppm"));
        var gray = new byte[image.Width * image.Height];
        ImageOps.RgbToGray(image.Pixels, gray);
        var tensor = new float[gray.Length];
        ImageOps.ResizeToTensor(image.Pixels, image.Width, image.Height, tensor, image.Width, image.Height, TensorChannels.Gray, new ChannelNormalization(0, 1));

        for (var i = 0; i < gray.Length; i++)
        {
            Assert.InRange(gray[i] - tensor[i], -0.51f, 0.51f);
        }
    }

    [Fact]
    public void Refuses_wrong_lengths_sizes_and_small_buffers()
    {
        var rgb = new byte[12];
        Assert.Throws<ArgumentException>(() => ImageOps.ResizeToTensor(rgb, 2, 3, new float[12], 2, 2, TensorChannels.Rgb, ChannelNormalization.Symmetric127));
        Assert.Throws<ArgumentException>(() => ImageOps.ResizeToTensor(rgb, 2, 2, new float[11], 2, 2, TensorChannels.Rgb, ChannelNormalization.Symmetric127));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageOps.ResizeToTensor(rgb, 2, 2, new float[12], 0, 2, TensorChannels.Rgb, ChannelNormalization.Symmetric127));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageOps.ResizeToTensor(rgb, 2, 2, new PixelRegion(0, 0, 0, 2), new float[12], 2, 2, TensorChannels.Rgb, ChannelNormalization.Symmetric127));
        Assert.Throws<ArgumentException>(() => ImageOps.Crop(rgb, 2, 2, new PixelRegion(0, 0, 2, 2), new byte[11]));
        Assert.Throws<ArgumentException>(() => ImageOps.PadCentered(rgb, 2, 2, new byte[12], 1, 4));
        Assert.Throws<ArgumentException>(() => ImageOps.PadCentered(rgb, 2, 2, new byte[12], 2, 3));
        Assert.Throws<ArgumentException>(() => ImageOps.RgbToGray(new byte[4], new byte[2]));
        Assert.Throws<ArgumentException>(() => ImageOps.RgbToGray(rgb, new byte[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelNormalization(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelNormalization(float.NaN, 1));
    }

    [Fact]
    public void Large_outputs_use_pooled_buffers_with_the_same_result_as_a_reference()
    {
        // 1000 columns exceed the stack scratch space, so the pooled path runs.
        var rgb = RandomImage(50, 4, seed: 8);
        var tensor = new float[3 * 1000 * 2];

        ImageOps.ResizeToTensor(rgb, 50, 4, tensor, 1000, 2, TensorChannels.Rgb, new ChannelNormalization(0, 1));

        for (var x = 0; x < 1000; x += 37)
        {
            Assert.Equal(Bilinear(rgb, 50, 4, x, 1, 1000, 2, 1), tensor[(1 * 2000) + 1000 + x], 0.005);
        }
    }

    internal static byte[] RandomImage(int width, int height, int seed)
    {
        var bytes = new byte[width * height * 3];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>OpenCV INTER_LINEAR written out directly, in double.</summary>
    private static double Bilinear(byte[] rgb, int width, int height, int x, int y, int outWidth, int outHeight, int channel)
    {
        static (int, int, double) Taps(int d, int outSize, int inSize)
        {
            var s = ((d + 0.5) * inSize / outSize) - 0.5;
            s = Math.Clamp(s, 0, inSize - 1);
            var i0 = (int)Math.Floor(s);
            var i1 = Math.Min(i0 + 1, inSize - 1);
            return (i0, i1, s - i0);
        }

        var (x0, x1, fx) = Taps(x, outWidth, width);
        var (y0, y1, fy) = Taps(y, outHeight, height);
        double P(int xx, int yy) => rgb[(((yy * width) + xx) * 3) + channel];
        return ((1 - fy) * (((1 - fx) * P(x0, y0)) + (fx * P(x1, y0)))) + (fy * (((1 - fx) * P(x0, y1)) + (fx * P(x1, y1))));
    }
}
