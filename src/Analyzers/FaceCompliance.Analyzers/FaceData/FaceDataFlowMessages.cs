using System.Collections.Immutable;
using System.Linq;

namespace FaceCompliance.Analyzers.FaceData;

/// <summary>How FC0013 and FC0014 name the face data that reaches a sink.</summary>
internal static class FaceDataFlowMessages
{
    /// <summary>
    /// <c>face data ('template')</c> (<paramref name="noun"/> and the face data as written where it became face data), with
    /// the sink inside the own method when the hit is a call of one.
    /// </summary>
    public static string Describe(string noun, ImmutableArray<FaceDataOrigin> faces, FaceDataHit hit)
    {
        var names = string.Join("', '", faces.Select(f => f.Description).Distinct().Take(3));
        return hit.Via is null
            ? $"{noun} ('{names}')"
            : $"{noun} ('{names}', through '{hit.SinkName}' inside it)";
    }
}
