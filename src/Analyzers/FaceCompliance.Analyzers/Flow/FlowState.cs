using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>
/// What one value proves: the requirements met where it is true and where it is false. For a value that is not a
/// <c>bool</c> or <c>bool?</c>, "true" is "not null" and "false" is "null". <see cref="FlowState.Infeasible"/> on a
/// side says the value is never so (the constant <c>true</c> is never false).
/// </summary>
internal readonly struct ValueFacts : IEquatable<ValueFacts>
{
    public static readonly ValueFacts None = new(0, 0);

    public ValueFacts(ulong whenTrue, ulong whenFalse)
    {
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public ulong WhenTrue { get; }

    public ulong WhenFalse { get; }

    public ValueFacts Swap() => new(WhenFalse, WhenTrue);

    public ValueFacts Meet(ValueFacts other) => new(WhenTrue & other.WhenTrue, WhenFalse & other.WhenFalse);

    public bool Equals(ValueFacts other) => WhenTrue == other.WhenTrue && WhenFalse == other.WhenFalse;

    public override bool Equals(object? obj) => obj is ValueFacts other && Equals(other);

    public override int GetHashCode() => WhenTrue.GetHashCode() ^ (WhenFalse.GetHashCode() * 31);
}

/// <summary>
/// The state of the must-analysis at one point: the requirements met on every path to it (<see cref="Met"/>, bits of
/// a <see cref="RequirementIndex"/>), and what the locals and the graph's flow captures prove when tested
/// (<c>var ok = Has(); if (ok)</c>, <c>TryGetReceipt() ?? throw</c>). Meet is intersection; <see cref="Unreached"/>
/// is the top element: code no path has reached (yet), or after a <c>throw</c> or <c>[DoesNotReturn]</c> call.
/// </summary>
internal sealed class FlowState : IEquatable<FlowState>
{
    /// <summary>Every bit: as requirements met, "this cannot happen".</summary>
    public const ulong Infeasible = ulong.MaxValue;

    private static readonly ImmutableDictionary<object, ValueFacts> s_noValues = ImmutableDictionary.Create<object, ValueFacts>(ValueKeyComparer.Instance);

    public static readonly FlowState Unreached = new(Infeasible, s_noValues);

    public static readonly FlowState Start = new(0, s_noValues);

    private FlowState(ulong met, ImmutableDictionary<object, ValueFacts> values)
    {
        Met = met;
        Values = values;
    }

    public ulong Met { get; }

    /// <summary>Keyed by <see cref="ILocalSymbol"/> or <see cref="CaptureId"/>; a missing key proves nothing.</summary>
    public ImmutableDictionary<object, ValueFacts> Values { get; }

    public bool IsUnreached => Met == Infeasible;

    public static FlowState Meet(FlowState a, FlowState b)
    {
        if (a.IsUnreached || ReferenceEquals(a, b))
        {
            return b;
        }

        if (b.IsUnreached)
        {
            return a;
        }

        var values = a.Values;
        foreach (var pair in a.Values)
        {
            values = b.Values.TryGetValue(pair.Key, out var other) ? Set(values, pair.Key, pair.Value.Meet(other)) : values.Remove(pair.Key);
        }

        return new FlowState(a.Met & b.Met, values);
    }

    /// <summary>This state with more requirements met; <see cref="Infeasible"/> makes it unreached.</summary>
    public FlowState With(ulong met)
    {
        if (IsUnreached || (Met | met) == Met)
        {
            return this;
        }

        return (Met | met) == Infeasible ? Unreached : new FlowState(Met | met, Values);
    }

    public FlowState WithValue(object key, ValueFacts facts) => IsUnreached ? this : new FlowState(Met, Set(Values, key, facts));

    /// <summary>The requirements met only: where the values of locals cannot be followed (a handler, a lambda's body).</summary>
    public FlowState WithoutValues() => IsUnreached || Values.IsEmpty ? this : new FlowState(Met, s_noValues);

    public ValueFacts GetValue(object key) => Values.TryGetValue(key, out var facts) ? facts : ValueFacts.None;

    public bool Equals(FlowState? other)
    {
        if (other is null || other.Met != Met || other.Values.Count != Values.Count)
        {
            return false;
        }

        foreach (var pair in Values)
        {
            if (!other.Values.TryGetValue(pair.Key, out var facts) || !facts.Equals(pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as FlowState);

    public override int GetHashCode() => Met.GetHashCode() ^ Values.Count;

    private static ImmutableDictionary<object, ValueFacts> Set(ImmutableDictionary<object, ValueFacts> values, object key, ValueFacts facts)
        => facts.Equals(ValueFacts.None) ? values.Remove(key) : values.SetItem(key, facts);

    private sealed class ValueKeyComparer : IEqualityComparer<object>
    {
        public static readonly ValueKeyComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is ISymbol symbol ? SymbolEqualityComparer.Default.Equals(symbol, y as ISymbol) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}
