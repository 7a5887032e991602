using System;

namespace FaceCompliance;

/// <summary>
/// A face template (人脸特征): the numbers a face recognition model derives from a face, which identify it. What the
/// runtime stores instead of images (GB/T 41819), always encrypted (Measures Art. 14).
/// </summary>
public sealed class FaceTemplate
{
    /// <summary>The longest template accepted.</summary>
    public const int MaxDimension = 4096;

    private readonly float[] _values;

    /// <summary>Copies a template.</summary>
    /// <exception cref="ArgumentException">The template is empty, longer than <see cref="MaxDimension"/>, all zeros, or holds a NaN or infinite value.</exception>
    public FaceTemplate(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty || values.Length > MaxDimension)
        {
            throw new ArgumentException($"A face template has 1 to {MaxDimension} values; this one has {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"A face template holds finite numbers only; value {i} is {values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}.", nameof(values));
            }
        }

        if (System.Numerics.Tensors.TensorPrimitives.SumOfSquares(values) == 0)
        {
            throw new ArgumentException("A face template of only zeros has no direction and cannot be compared.", nameof(values));
        }

        _values = values.ToArray();
    }

    /// <summary>The values.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>How many values it has.</summary>
    public int Dimension => _values.Length;

    /// <summary>
    /// The cosine similarity with another template of the same dimension, from -1 to 1. Internal: applications compare
    /// faces through one 1:1 API that returns a <see cref="FaceVerification"/> (docs/runtime.md).
    /// </summary>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    internal float CosineSimilarity(FaceTemplate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Dimension != Dimension)
        {
            throw new ArgumentException($"Templates of {Dimension} and {other.Dimension} values cannot be compared.", nameof(other));
        }

        return System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(_values, other._values);
    }

    /// <inheritdoc/>
    public override string ToString() => $"face template ({Dimension} values)";
}
