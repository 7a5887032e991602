using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Internals;

/// <summary>Object identity for symbol caches on hot paths (see <c>FacialModel</c>); never for deciding equality of symbols.</summary>
internal sealed class ReferenceComparer : IEqualityComparer<ISymbol>
{
    public static readonly ReferenceComparer Instance = new();

    public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
