using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>
/// The lattice of the consent must-analysis: a set of purposes, as bits, whose consent was checked on every
/// path. Meet is intersection (AND). <see cref="Unreached"/> is the top element (every fact holds) of code
/// that no path has reached yet, or that no path can reach after a <c>[DoesNotReturn]</c> call.
/// </summary>
internal sealed class ConsentState
{
    public const ulong Empty = 0;

    /// <summary>Consent holds for every purpose (a check whose purpose cannot be determined).</summary>
    public const ulong AnyPurpose = 1UL << 63;

    public const ulong Unreached = ulong.MaxValue;

    private const int MaxPurposes = 63;

    private readonly List<ITypeSymbol> _purposes = new();

    /// <summary>The bit of a purpose; a purpose past the 63rd in one body gets none and is never proven.</summary>
    public ulong BitOf(ITypeSymbol? purpose)
    {
        if (purpose is null)
        {
            return AnyPurpose;
        }

        for (var i = 0; i < _purposes.Count; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(_purposes[i], purpose))
            {
                return 1UL << i;
            }
        }

        if (_purposes.Count == MaxPurposes)
        {
            return Empty;
        }

        _purposes.Add(purpose);
        return 1UL << (_purposes.Count - 1);
    }

    public ulong BitsOf(IEnumerable<ITypeSymbol> purposes)
    {
        var bits = Empty;
        foreach (var purpose in purposes)
        {
            bits |= BitOf(purpose);
        }

        return bits;
    }

    public IEnumerable<string> NamesOf(ulong state)
    {
        for (var i = 0; i < _purposes.Count; i++)
        {
            if ((state & (1UL << i)) != 0)
            {
                yield return "'" + _purposes[i].Name + "'";
            }
        }
    }
}
