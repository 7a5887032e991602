using System;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>
/// The consent one use needs: a check for one of some purposes, for any purpose, or for a purpose whose method
/// allows the use's method (docs/semantics.md, "Flow analysis").
/// </summary>
internal sealed class ConsentRequirement : IEquatable<ConsentRequirement>
{
    public static readonly ConsentRequirement AnyPurpose = new(ImmutableArray<ITypeSymbol>.Empty, null);

    private ConsentRequirement(ImmutableArray<ITypeSymbol> purposes, ProcessingMethod? allowedMethod)
    {
        Purposes = purposes;
        AllowedMethod = allowedMethod;
    }

    /// <summary>The purposes that meet it; empty with no <see cref="AllowedMethod"/>: every purpose.</summary>
    public ImmutableArray<ITypeSymbol> Purposes { get; }

    /// <summary>Set when, besides <see cref="Purposes"/>, any purpose whose method allows this one meets it, declared at the use site or not.</summary>
    public ProcessingMethod? AllowedMethod { get; }

    public static ConsentRequirement OneOf(ImmutableArray<ITypeSymbol> purposes) => purposes.IsEmpty ? AnyPurpose : new(purposes, null);

    /// <summary>
    /// What a use needs. A processing use: one of the site's purposes that allow its method; when no declared purpose
    /// allows it (FC0005 reports that), one of the declared purposes or any purpose that allows the method, so that the
    /// consent rules neither repeat FC0005 nor push the check towards a purpose that cannot allow the use; any purpose
    /// when none is declared (FC0001). A <c>[RequiresFacialConsent]</c> call: one of the callee's purposes, or when it
    /// declares none (a layer serving its callers), one of the caller's.
    /// </summary>
    public static ConsentRequirement For(FacialUse use, UseSite site, FacialModel model)
    {
        if (use.Api.Kind == FacialApiKind.RequiresConsent)
        {
            var callee = model.GetSite(use.Target).Purposes;
            return OneOf(callee.IsEmpty ? site.Purposes : callee);
        }

        if (site.Purposes.IsEmpty)
        {
            return AnyPurpose;
        }

        var allowing = site.Purposes.Where(p => ProcessingMethods.Allows(model.Symbols.GetPurposeMethod(p), use.Api.Method)).ToImmutableArray();
        return allowing.IsEmpty ? new ConsentRequirement(site.Purposes, use.Api.Method) : OneOf(allowing);
    }

    public bool IsMetBy(ITypeSymbol purpose, FacialSymbols symbols)
        => (Purposes.IsEmpty && AllowedMethod is null)
            || Purposes.Contains(purpose, SymbolEqualityComparer.Default)
            || (AllowedMethod is { } method && ProcessingMethods.Allows(symbols.GetPurposeMethod(purpose), method));

    public bool Equals(ConsentRequirement? other) => other is not null && AllowedMethod == other.AllowedMethod
        && Purposes.Length == other.Purposes.Length && Purposes.All(p => other.Purposes.Contains(p, SymbolEqualityComparer.Default));

    public override bool Equals(object? obj) => Equals(obj as ConsentRequirement);

    public override int GetHashCode() => (AllowedMethod?.GetHashCode() ?? 0) ^ Purposes.Length;

    /// <summary>As the messages name it: "'CommunityEntry' or 'StaffAttendance'", "any purpose", "'CommunityEntry' or a purpose that allows Identification".</summary>
    public override string ToString() => Purposes.IsEmpty && AllowedMethod is null
        ? "any purpose"
        : string.Join(" or ", Purposes.Select(p => "'" + p.Name + "'").Concat(AllowedMethod is { } method ? new[] { "a purpose that allows " + method } : Array.Empty<string>()));
}
