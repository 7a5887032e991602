using System;
using System.Collections.Generic;
using FaceCompliance;

namespace CommunityAccess.Faces;

/// <summary>
/// <b>A stand-in, not a face recogniser.</b> It lets the sample run end to end, with no model files and no image
/// library, until the real ONNX detector and matcher land. What it really does:
/// <list type="bullet">
/// <item><see cref="DetectFaces"/> does not locate faces. It reports the whole frame as one face when the frame
/// has enough contrast to hold one, and no face for a blank frame. It expects a frame that is already a face crop,
/// as the gate camera's own detector delivers.</item>
/// <item><see cref="ExtractTemplate"/> shrinks the centre of the face to a 16x16 grayscale thumbnail, equalises its
/// brightness and normalises it to zero mean and unit length (256 values).</item>
/// <item><see cref="Verify"/> is the cosine similarity of two such thumbnails (a Pearson correlation of pixels).</item>
/// </list>
/// Such a comparison is fooled by pose, lighting and look-alikes and must never open a real gate. The attributes,
/// the interface and the way the gate calls it are what the sample shows, and they stay when the real matcher
/// replaces this class.
/// </summary>
public sealed class ThumbnailFaceEngine : IFaceEngine
{
    /// <summary>The thumbnail is <c>Side x Side</c> pixels.</summary>
    public const int Side = 16;

    // A blank or nearly uniform frame (a covered lens, a white wall) holds no face.
    private const double MinimumContrast = 8.0;

    // The outer 15 % of each side of a face crop is mostly background and hair.
    private const double Inset = 0.15;

    /// <inheritdoc/>
    [ProcessesFacialData(FacialProcessingMethod.Detection)]
    public IReadOnlyList<FaceRegion> DetectFaces(PhotoFrame image)
    {
        ArgumentNullException.ThrowIfNull(image);
        double sum = 0;
        double sumOfSquares = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                double luma = image.LumaAt(x, y);
                sum += luma;
                sumOfSquares += luma * luma;
            }
        }

        double count = (double)image.Width * image.Height;
        double mean = sum / count;
        double standardDeviation = Math.Sqrt(Math.Max(0, (sumOfSquares / count) - (mean * mean)));
        return standardDeviation < MinimumContrast
            ? Array.Empty<FaceRegion>()
            : new[] { new FaceRegion(0, 0, image.Width, image.Height) };
    }

    /// <inheritdoc/>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public ThumbnailTemplate ExtractTemplate(PhotoFrame image, FaceRegion face)
    {
        ArgumentNullException.ThrowIfNull(image);
        int left = face.X + (int)(face.Width * Inset);
        int top = face.Y + (int)(face.Height * Inset);
        int width = Math.Max(Side, face.Width - (2 * (int)(face.Width * Inset)));
        int height = Math.Max(Side, face.Height - (2 * (int)(face.Height * Inset)));
        left = Math.Clamp(left, 0, Math.Max(0, image.Width - width));
        top = Math.Clamp(top, 0, Math.Max(0, image.Height - height));
        width = Math.Min(width, image.Width - left);
        height = Math.Min(height, image.Height - top);

        // Area-average the crop down to Side x Side.
        Span<double> cells = stackalloc double[Side * Side];
        for (int row = 0; row < Side; row++)
        {
            int y0 = top + (row * height / Side);
            int y1 = Math.Max(y0 + 1, top + ((row + 1) * height / Side));
            for (int column = 0; column < Side; column++)
            {
                int x0 = left + (column * width / Side);
                int x1 = Math.Max(x0 + 1, left + ((column + 1) * width / Side));
                double sum = 0;
                for (int y = y0; y < y1; y++)
                {
                    for (int x = x0; x < x1; x++)
                    {
                        sum += image.LumaAt(x, y);
                    }
                }

                cells[(row * Side) + column] = sum / ((y1 - y0) * (x1 - x0));
            }
        }

        Equalise(cells);

        // Zero mean and unit length, so that a dot product is the cosine similarity.
        double mean = 0;
        foreach (double value in cells)
        {
            mean += value;
        }

        mean /= cells.Length;
        double norm = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] -= mean;
            norm += cells[i] * cells[i];
        }

        norm = Math.Sqrt(norm);
        float[] values = new float[cells.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = norm > 0 ? (float)(cells[i] / norm) : 0f;
        }

        return new ThumbnailTemplate(values);
    }

    /// <inheritdoc/>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceComparison Verify(ThumbnailTemplate enrolled, PhotoFrame probe)
    {
        ArgumentNullException.ThrowIfNull(enrolled);
        IReadOnlyList<FaceRegion> faces = DetectFaces(probe);
        if (faces.Count != 1)
        {
            return new FaceComparison(faceFound: false, similarity: 0);
        }

        ThumbnailTemplate live = ExtractTemplate(probe, faces[0]);
        if (live.Length != enrolled.Length)
        {
            throw new ArgumentException("The enrolled template was made by a different engine.", nameof(enrolled));
        }

        double dot = 0;
        ReadOnlySpan<float> a = enrolled.Values;
        ReadOnlySpan<float> b = live.Values;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return new FaceComparison(faceFound: true, similarity: Math.Clamp(dot, -1, 1));
    }

    // Replaces each cell by its rank among the cells (histogram equalisation), so that a darker or brighter
    // photo of the same face gives the same thumbnail.
    private static void Equalise(Span<double> cells)
    {
        double[] sorted = cells.ToArray();
        Array.Sort(sorted);
        for (int i = 0; i < cells.Length; i++)
        {
            int below = Array.BinarySearch(sorted, cells[i]);
            while (below > 0 && sorted[below - 1] == cells[i])
            {
                below--;
            }

            cells[i] = below;
        }
    }
}
