using System.Globalization;

namespace FaceCompliance.Vision;

/// <summary>One result of a 1:N search: a gallery entry and its cosine similarity with the probe.</summary>
/// <param name="Id">The entry's id, as given to <see cref="FaceGallery.Add(string, System.ReadOnlySpan{float})"/>.</param>
/// <param name="Similarity">The cosine similarity, from −1 to 1 (approximate for <see cref="GalleryPrecision.Int8"/>).</param>
internal readonly record struct GalleryMatch(string Id, float Similarity)
{
    /// <summary>The id and similarity, for logs.</summary>
    /// <returns>For example <c>resident-42: 0.8731</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id}: {Similarity:F4}");
}

/// <summary>How a 1:N search computes similarities.</summary>
public enum GalleryPrecision
{
    /// <summary>Exact fp32 dot products of the normalised templates.</summary>
    Float32 = 0,

    /// <summary>
    /// Dot products of the int8 copy (symmetric, one scale per template and per probe), a quarter of the memory
    /// traffic; scores and sometimes the order of near-equal candidates differ slightly from <see cref="Float32"/>.
    /// Needs a matcher created with this precision or <see cref="Int8"/> (it keeps the int8 copy).
    /// </summary>
    Int8 = 1,

    /// <summary>
    /// The int8 scan picks candidates (4 per result wanted, at least 32), then exact fp32
    /// scores rank them: the result equals <see cref="Float32"/>'s unless a true top-k entry was not among the candidates.
    /// Needs a matcher created with this precision or <see cref="Int8"/> (it keeps the int8 copy).
    /// </summary>
    Int8Rescored = 2,
}
