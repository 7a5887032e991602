using System;

namespace CommunityAccess.Faces;

/// <summary>
/// The numbers derived from one face that a matcher compares (人脸特征). Sensitive personal information: the gate
/// keeps templates only in memory on the device and deletes them when consent is withdrawn.
/// </summary>
public sealed class ThumbnailTemplate
{
    private readonly float[] values;

    /// <summary>Wraps a template vector.</summary>
    /// <param name="values">The vector; the template keeps its own copy.</param>
    public ThumbnailTemplate(ReadOnlySpan<float> values) => this.values = values.ToArray();

    /// <summary>The template vector.</summary>
    public ReadOnlySpan<float> Values => values;

    /// <summary>The number of values.</summary>
    public int Length => values.Length;
}
