using System.Collections.Immutable;
using System.Linq;

namespace FaceCompliance.Analyzers.FaceData;

/// <summary>How FC0013 and FC0014 name the face data that reaches a sink.</summary>
internal static class FaceDataFlowMessages
{
    /// <summary><c>face data ('template')</c>, with the sink inside the own method when the hit is a call of one.</summary>
    public static string Describe(ImmutableArray<FaceDataOrigin> faces, FaceDataHit hit)
    {
        var names = string.Join("', '", faces.Select(f => f.Description).Distinct().Take(3));
        return hit.Via is null
            ? $"face data ('{names}')"
            : $"face data ('{names}', through '{hit.SinkName}' inside it)";
    }
}
