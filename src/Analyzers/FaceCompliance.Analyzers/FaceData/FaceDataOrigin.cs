using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.FaceData;

/// <summary>What a piece of face data is (FC0014 is about images only).</summary>
internal enum FaceDataKind
{
    /// <summary>A FaceImage, the buffer it was made from, its pixels and their copies.</summary>
    Image,

    /// <summary>A FaceTemplate, the values it was made from or holds, and their copies.</summary>
    Template,

    /// <summary>The result of a processing API.</summary>
    Result,
}

/// <summary>Where a value's face data comes from: face data itself, or (resolved later) a parameter or a field.</summary>
internal enum FaceDataSource
{
    Face,
    Parameter,
    Field,
}

/// <summary>One origin of a value's face data.</summary>
internal sealed class FaceDataOrigin : IEquatable<FaceDataOrigin>
{
    public FaceDataOrigin(FaceDataSource source, FaceDataKind kind, string description, ISymbol? symbol)
    {
        Source = source;
        Kind = kind;
        Description = description;
        Symbol = symbol;
    }

    public FaceDataSource Source { get; }

    public FaceDataKind Kind { get; }

    /// <summary>The face data as written where it became face data (<c>template</c>, <c>frame</c>, <c>engine.Extract(frame)</c>).</summary>
    public string Description { get; }

    /// <summary>The parameter or field (or property) for the sources resolved later.</summary>
    public ISymbol? Symbol { get; }

    public static FaceDataOrigin Face(FaceDataKind kind, string description) => new(FaceDataSource.Face, kind, description, null);

    public bool Equals(FaceDataOrigin? other)
        => other is not null && Source == other.Source && Kind == other.Kind
            && string.Equals(Description, other.Description, StringComparison.Ordinal)
            && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

    public override bool Equals(object? obj) => Equals(obj as FaceDataOrigin);

    public override int GetHashCode() => ((int)Source * 31 + (int)Kind) * 31 + StringComparer.Ordinal.GetHashCode(Description);
}

/// <summary>A value's origins: a small set, empty for a value that is not face data.</summary>
internal static class Taint
{
    // A value rarely has more than a few origins; past this many the rest add nothing to a message or a decision.
    private const int MaxOrigins = 8;

    public static ImmutableArray<FaceDataOrigin> Union(ImmutableArray<FaceDataOrigin> left, ImmutableArray<FaceDataOrigin> right)
    {
        if (right.IsDefaultOrEmpty)
        {
            return left.IsDefault ? ImmutableArray<FaceDataOrigin>.Empty : left;
        }

        if (left.IsDefaultOrEmpty)
        {
            return right;
        }

        var builder = left.ToBuilder();
        foreach (var origin in right)
        {
            if (builder.Count < MaxOrigins && !builder.Contains(origin))
            {
                builder.Add(origin);
            }
        }

        return builder.Count == left.Length ? left : builder.ToImmutable();
    }

    public static bool HasFace(ImmutableArray<FaceDataOrigin> origins)
    {
        foreach (var origin in origins)
        {
            if (origin.Source == FaceDataSource.Face)
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<FaceDataOrigin> Faces(ImmutableArray<FaceDataOrigin> origins, Func<FaceDataOrigin, bool>? filter = null)
    {
        foreach (var origin in origins)
        {
            if (origin.Source == FaceDataSource.Face && (filter is null || filter(origin)))
            {
                yield return origin;
            }
        }
    }
}
