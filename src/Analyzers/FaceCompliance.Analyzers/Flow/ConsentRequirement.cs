using System;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Flow;

/// <summary>Which question a <see cref="ConsentRequirement"/> asks of the checks before a use.</summary>
internal enum RequirementKind
{
    /// <summary>A check that makes the use lawful: consent for a purpose based on consent, a basis check for one based on another legal basis (FC0002, FC0006).</summary>
    Lawful,

    /// <summary>As <see cref="Lawful"/>, and a consent check for a purpose that may involve minors is guardian-aware (FC0017).</summary>
    Guardian,

    /// <summary>A consent check for one of the purposes that verifies the separate-consent scopes in <see cref="ConsentRequirement.Scopes"/> (FC0018).</summary>
    Scopes,
}

/// <summary>
/// What one use needs of the checks before it: a check for one of some purposes, for any purpose, or for a purpose
/// whose method allows the use's method; of the right kind (consent or legal basis), guardian-aware, or verifying
/// separate-consent scopes (docs/semantics.md, "Flow analysis").
/// </summary>
internal sealed class ConsentRequirement : IEquatable<ConsentRequirement>
{
    public static readonly ConsentRequirement AnyPurpose = new(ImmutableArray<ITypeSymbol>.Empty, null, RequirementKind.Lawful, 0);

    private ConsentRequirement(ImmutableArray<ITypeSymbol> purposes, ProcessingMethod? allowedMethod, RequirementKind kind, int scopes)
    {
        Purposes = purposes;
        AllowedMethod = allowedMethod;
        Kind = kind;
        Scopes = scopes;
    }

    /// <summary>The purposes that meet it; empty with no <see cref="AllowedMethod"/>: every purpose.</summary>
    public ImmutableArray<ITypeSymbol> Purposes { get; }

    /// <summary>Set when, besides <see cref="Purposes"/>, any purpose whose method allows this one meets it, declared at the use site or not.</summary>
    public ProcessingMethod? AllowedMethod { get; }

    public RequirementKind Kind { get; }

    /// <summary>For <see cref="RequirementKind.Scopes"/>: the <c>LawValues.Scope*</c> flags the check must verify.</summary>
    public int Scopes { get; }

    public static ConsentRequirement OneOf(ImmutableArray<ITypeSymbol> purposes) => purposes.IsEmpty ? AnyPurpose : new(purposes, null, RequirementKind.Lawful, 0);

    /// <summary>
    /// What a use needs to be lawful. A processing use: one of the site's purposes that allow its method; when no declared purpose
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
        return allowing.IsEmpty ? new ConsentRequirement(site.Purposes, use.Api.Method, RequirementKind.Lawful, 0) : OneOf(allowing);
    }

    /// <summary>
    /// This requirement, and that a consent check for a purpose that may involve minors be guardian-aware; null when
    /// none of <see cref="Purposes"/> is based on consent and may involve minors (nothing more to ask).
    /// </summary>
    public ConsentRequirement? WithGuardian(FacialSymbols symbols)
        => Purposes.Any(p => symbols.PurposeMayInvolveMinors(p) && IsConsentBased(p, symbols))
            ? new ConsentRequirement(Purposes, AllowedMethod, RequirementKind.Guardian, 0)
            : null;

    /// <summary>A consent check for one of these purposes that verifies the separate-consent <paramref name="scopes"/> (<c>LawValues.Scope*</c> flags).</summary>
    public ConsentRequirement WithScopes(int scopes) => new(Purposes, AllowedMethod, RequirementKind.Scopes, scopes);

    /// <summary>Whether checking the purposes takes a <c>[FacialBasisCheck]</c>: every named purpose declares a legal basis other than consent.</summary>
    public bool NeedsBasisCheck(FacialSymbols symbols) => Kind != RequirementKind.Scopes && !Purposes.IsEmpty && Purposes.All(p => !IsConsentBased(p, symbols));

    public bool IsMetBy(CheckFacts check, FacialSymbols symbols)
    {
        if (Kind == RequirementKind.Scopes)
        {
            // A separate consent is the person's, whatever basis the purpose's processing rests on.
            return check.Kind == ConsentCheckKind.Consent && (check.Scopes & Scopes) == Scopes && (check.Purpose is null || IsPurposeMetBy(check.Purpose, symbols));
        }

        if (Purposes.IsEmpty && AllowedMethod is null)
        {
            // Any check, but not one of the wrong kind for its own purpose: that proves nothing (its note says why).
            return check.Purpose is null || Fits(check.Purpose, check.Kind, symbols);
        }

        var lawful = check.Purpose is null
            ? AllowedMethod is not null || Purposes.Any(p => Fits(p, check.Kind, symbols))
            : IsPurposeMetBy(check.Purpose, symbols) && Fits(check.Purpose, check.Kind, symbols);
        return lawful && (Kind != RequirementKind.Guardian
            || check.Kind == ConsentCheckKind.Basis
            || check.GuardianAware
            || (check.Purpose is not null && !symbols.PurposeMayInvolveMinors(check.Purpose)));
    }

    private bool IsPurposeMetBy(ITypeSymbol purpose, FacialSymbols symbols)
        => (Purposes.IsEmpty && AllowedMethod is null)
            || Purposes.Contains(purpose, SymbolEqualityComparer.Default)
            || (AllowedMethod is { } method && ProcessingMethods.Allows(symbols.GetPurposeMethod(purpose), method));

    /// <summary>A consent check fits a purpose based on consent, a basis check one based on another legal basis.</summary>
    private static bool Fits(ITypeSymbol purpose, ConsentCheckKind kind, FacialSymbols symbols) => IsConsentBased(purpose, symbols) == (kind == ConsentCheckKind.Consent);

    public static bool IsConsentBased(ITypeSymbol purpose, FacialSymbols symbols) => symbols.GetPurposeLegalBasis(purpose) == LawValues.BasisConsent;

    public bool Equals(ConsentRequirement? other) => other is not null && AllowedMethod == other.AllowedMethod && Kind == other.Kind && Scopes == other.Scopes
        && Purposes.Length == other.Purposes.Length && Purposes.All(p => other.Purposes.Contains(p, SymbolEqualityComparer.Default));

    public override bool Equals(object? obj) => Equals(obj as ConsentRequirement);

    public override int GetHashCode() => (AllowedMethod?.GetHashCode() ?? 0) ^ Purposes.Length ^ ((int)Kind << 4) ^ (Scopes << 8);

    /// <summary>As the messages name it: "'CommunityEntry' or 'StaffAttendance'", "any purpose", "'CommunityEntry' or a purpose that allows Identification".</summary>
    public override string ToString() => Purposes.IsEmpty && AllowedMethod is null
        ? "any purpose"
        : string.Join(" or ", Purposes.Select(p => "'" + p.Name + "'").Concat(AllowedMethod is { } method ? new[] { "a purpose that allows " + method } : Array.Empty<string>()));
}
