using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace FaceCompliance.Tests.Images;

/// <summary>A face image holds raw pixels: validated on the way in, never serialized, erased on dispose.</summary>
public sealed class FaceImageTests
{
    private static byte[] Rgb24(int width, int height) =>
        Enumerable.Range(0, width * height * 3).Select(i => (byte)(i % 251 + 1)).ToArray();

    [Fact]
    public void The_pixels_width_and_height_are_those_given()
    {
        var source = Rgb24(4, 2);

        using var image = FaceImage.FromRgb24(source, 4, 2);

        Assert.Equal(4, image.Width);
        Assert.Equal(2, image.Height);
        Assert.Equal(source, image.Pixels.ToArray());
    }

    [Fact]
    public void The_image_owns_a_copy_so_later_changes_to_the_source_do_not_reach_it()
    {
        var source = Rgb24(2, 2);
        using var image = FaceImage.FromRgb24(source, 2, 2);

        Array.Clear(source);

        Assert.Equal(Rgb24(2, 2), image.Pixels.ToArray());
        Assert.NotSame(source, image.BufferForTests);
    }

    [Fact]
    public void A_decoder_can_hand_over_its_pinned_buffer_without_a_copy_and_dispose_erases_it()
    {
        var pinned = GC.AllocateArray<byte>(4 * 2 * 3, pinned: true);
        Rgb24(4, 2).CopyTo(pinned, 0);

        var image = FaceImage.TakeOwnershipOfPinned(pinned, 4, 2);

        Assert.Same(pinned, image.BufferForTests);
        Assert.Equal(Rgb24(4, 2), image.Pixels.ToArray());
        image.Dispose();
        Assert.All(pinned, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_handed_over_buffer_of_the_wrong_length_or_size_is_refused()
    {
        var pinned = GC.AllocateArray<byte>(10, pinned: true);

        Assert.Throws<ArgumentException>(() => FaceImage.TakeOwnershipOfPinned(pinned, 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaceImage.TakeOwnershipOfPinned(pinned, 0, 2));
    }

    [Fact]
    public void Dispose_overwrites_every_pixel_with_zero()
    {
        var image = FaceImage.FromRgb24(Rgb24(8, 8), 8, 8);
        var buffer = image.BufferForTests;
        Assert.Contains(buffer, b => b != 0);

        image.Dispose();

        Assert.Equal(8 * 8 * 3, buffer.Length);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void The_pixels_cannot_be_read_after_dispose_but_the_size_can()
    {
        var image = FaceImage.FromRgb24(Rgb24(3, 2), 3, 2);

        image.Dispose();

        Assert.Throws<ObjectDisposedException>(() => image.Pixels.Length);
        Assert.Equal(3, image.Width);
        Assert.Equal(2, image.Height);
    }

    [Fact]
    public void Disposing_twice_is_harmless()
    {
        var image = FaceImage.FromRgb24(Rgb24(1, 1), 1, 1);

        image.Dispose();
        image.Dispose();

        Assert.All(image.BufferForTests, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(0, 480)]
    [InlineData(640, 0)]
    [InlineData(-1, 480)]
    [InlineData(640, -5)]
    public void An_empty_size_is_refused_naming_the_size(int width, int height)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FaceImage.FromRgb24([], width, height));

        Assert.Contains("empty image", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{width}x{height}", error.Message, StringComparison.Ordinal);
        Assert.Equal(width <= 0 ? "width" : "height", error.ParamName);
    }

    [Theory]
    [InlineData(FaceImage.MaxDimension + 1, 1)]
    [InlineData(1, FaceImage.MaxDimension + 1)]
    [InlineData(int.MaxValue, int.MaxValue)]
    public void A_side_over_the_limit_is_refused_naming_the_limit(int width, int height)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FaceImage.FromRgb24([], width, height));

        Assert.Contains("image too large", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{width}x{height}", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 8192 pixels per side", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_pixels_are_refused_even_when_each_side_is_allowed()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FaceImage.FromRgb24([], 8192, 4097));

        Assert.Contains("image too large", error.Message, StringComparison.Ordinal);
        Assert.Contains("8192x4097 is 33562624 pixels", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 33554432", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(19)]
    [InlineData(0)]
    [InlineData(24)]
    public void A_buffer_of_the_wrong_length_is_refused_with_both_lengths(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => FaceImage.FromRgb24(new byte[length], 3, 2));

        Assert.Contains($"expected 18 bytes for 3x2 RGB24, got {length}", error.Message, StringComparison.Ordinal);
        Assert.Equal("pixels", error.ParamName);
    }

    [Fact]
    public void The_largest_allowed_size_is_accepted()
    {
        using var image = FaceImage.FromRgb24(new byte[FaceImage.MaxDimension * 3], FaceImage.MaxDimension, 1);

        Assert.Equal(FaceImage.MaxDimension, image.Width);
    }

    [Fact]
    public void ToString_shows_the_size_and_never_a_pixel_value()
    {
        var pixels = Enumerable.Repeat((byte)173, 2 * 2 * 3).ToArray();
        using var image = FaceImage.FromRgb24(pixels, 2, 2);

        var text = image.ToString();

        Assert.Equal("FaceImage 2x2 RGB24", text);
        Assert.DoesNotContain("173", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AD", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToString_says_when_the_image_was_disposed()
    {
        var image = FaceImage.FromRgb24(Rgb24(2, 1), 2, 1);

        image.Dispose();

        Assert.Equal("FaceImage 2x1 RGB24 (disposed)", image.ToString());
    }

    [Fact]
    public void Serializing_an_image_to_json_is_refused_with_the_reason()
    {
        using var image = FaceImage.FromRgb24(Rgb24(2, 2), 2, 2);

        var error = Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(image));

        AssertRefusalReason(error);
    }

    [Fact]
    public void Serializing_an_object_that_holds_an_image_is_refused_too()
    {
        using var image = FaceImage.FromRgb24(Rgb24(2, 2), 2, 2);

        var error = Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Enrollment("r-17", image)));

        AssertRefusalReason(error);
    }

    [Fact]
    public void Deserializing_an_image_from_json_is_refused_with_the_reason()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            JsonSerializer.Deserialize<FaceImage>("""{"Width":2,"Height":2,"Pixels":"AAAA"}"""));

        AssertRefusalReason(error);
    }

    [Fact]
    public void The_type_is_not_marked_serializable()
    {
        static bool MarkedSerializable(Type type) => type.GetCustomAttributes(inherit: false).OfType<SerializableAttribute>().Any();

        Assert.True(MarkedSerializable(typeof(SerializableProbe)));
        Assert.False(MarkedSerializable(typeof(FaceImage)));
    }

    private static void AssertRefusalReason(NotSupportedException error)
    {
        Assert.Contains("Face images are never serialized", error.Message, StringComparison.Ordinal);
        Assert.Contains("keep templates, not images", error.Message, StringComparison.Ordinal);
        Assert.Contains("GB/T 41819", error.Message, StringComparison.Ordinal);
    }

    private sealed record Enrollment(string Resident, FaceImage Image);

    [Serializable]
    private sealed class SerializableProbe;
}
