namespace CommunityAccess.Faces;

/// <summary>Where a face is in an image, in pixels.</summary>
public readonly struct FaceRegion
{
    /// <summary>Creates a region.</summary>
    /// <param name="x">Left edge.</param>
    /// <param name="y">Top edge.</param>
    /// <param name="width">Width, at least 1.</param>
    /// <param name="height">Height, at least 1.</param>
    public FaceRegion(int x, int y, int width, int height)
    {
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }

    /// <summary>Left edge.</summary>
    public int X { get; }

    /// <summary>Top edge.</summary>
    public int Y { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height} at ({X},{Y})";
}
