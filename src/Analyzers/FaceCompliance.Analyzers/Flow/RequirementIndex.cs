using System.Collections.Generic;
using System.Collections.Immutable;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>
/// The consent requirements of one body, each one bit of <see cref="FlowState.Met"/>. Bit 0 is "any purpose": some
/// check holds (FC0006 rather than FC0002). The others are what the body's uses need, then one per purpose its checks
/// name (to say in FC0006 which purpose was checked). A use may need up to three: to be lawful (FC0002, FC0006), a
/// guardian-aware check (FC0017), a check of separate-consent scopes (FC0018). Bit 63 is never given out, so that a set with every bit,
/// <see cref="FlowState.Infeasible"/>, is no state; a requirement past the 62nd (besides "any purpose") gets no bit and is never met (fail closed).
/// </summary>
internal sealed class RequirementIndex
{
    public const ulong AnyPurposeBit = 1;

    private const int MaxRequirements = 63;

    private readonly FacialSymbols _symbols;
    private readonly List<ConsentRequirement> _requirements = new() { ConsentRequirement.AnyPurpose };
    private readonly Dictionary<CheckFacts, ulong> _metBy = new();

    public RequirementIndex(FacialSymbols symbols) => _symbols = symbols;

    /// <summary>Adds a requirement (once); call before the analysis asks <see cref="MetBy"/>.</summary>
    public void Add(ConsentRequirement requirement)
    {
        if (_requirements.Count < MaxRequirements && !_requirements.Contains(requirement))
        {
            _requirements.Add(requirement);
        }
    }

    /// <summary>The bit of a requirement; 0 when it got none.</summary>
    public ulong BitOf(ConsentRequirement requirement)
    {
        var index = _requirements.IndexOf(requirement);
        return index < 0 ? 0 : 1UL << index;
    }

    /// <summary>The requirements a check (or a receipt argument) with these facts meets.</summary>
    public ulong MetBy(CheckFacts check)
    {
        if (!_metBy.TryGetValue(check, out var bits))
        {
            for (var i = 0; i < _requirements.Count; i++)
            {
                if (_requirements[i].IsMetBy(check, _symbols))
                {
                    bits |= 1UL << i;
                }
            }

            _metBy[check] = bits;
        }

        return bits;
    }

    /// <summary>The purposes checked wherever <paramref name="met"/> holds: those whose one-purpose requirement is in it.</summary>
    public ImmutableArray<ITypeSymbol> PurposesIn(ulong met)
    {
        var builder = ImmutableArray.CreateBuilder<ITypeSymbol>();
        for (var i = 1; i < _requirements.Count; i++)
        {
            if ((met & (1UL << i)) != 0 && _requirements[i] is { AllowedMethod: null, Purposes.Length: 1, Kind: RequirementKind.Lawful } single)
            {
                builder.Add(single.Purposes[0]);
            }
        }

        return builder.ToImmutable();
    }
}
