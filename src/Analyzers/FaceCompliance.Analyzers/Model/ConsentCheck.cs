using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Model;

/// <summary>What the result of a consent check says (for a task-returning check: the awaited result).</summary>
internal enum ConsentCheckShape
{
    /// <summary>Throws when consent is missing: consent holds once it returns.</summary>
    Throws,

    /// <summary>Returns a receipt (and throws when consent is missing): consent holds once it returns.</summary>
    Receipt,

    /// <summary>Returns a nullable receipt: consent holds where the result is known not to be null.</summary>
    NullableReceipt,

    /// <summary>Returns <c>true</c> (<c>bool</c> or <c>bool?</c>) only when consent is given: consent holds where the value was true.</summary>
    Bool,
}

/// <summary>What a check verifies: the person's consent, or a grant of another legal basis (PIPL Art. 13 §1).</summary>
internal enum ConsentCheckKind
{
    /// <summary>A <c>[FacialConsentCheck]</c>: the person's (or guardian's) separate consent.</summary>
    Consent,

    /// <summary>A <c>[FacialBasisCheck]</c>: a signed grant of the purpose's legal basis other than consent.</summary>
    Basis,
}

/// <summary>
/// A call or property read of a <c>[FacialConsentCheck]</c> or <c>[FacialBasisCheck]</c> member, with the purpose it
/// checks (null: every purpose) and what else it verifies (separate-consent scopes, a guardian's consent under 14).
/// </summary>
internal sealed class ConsentCheck
{
    public ConsentCheck(ISymbol member, ConsentCheckShape shape, ITypeSymbol? purpose, bool returnsTask, CheckFacts facts)
    {
        Member = member;
        Shape = shape;
        Purpose = purpose;
        ReturnsTask = returnsTask;
        Facts = facts;
    }

    /// <summary>What the check establishes where it holds.</summary>
    public CheckFacts Facts { get; }

    public ConsentCheckKind Kind => Facts.Kind;

    /// <summary>The member called or read, as the code names it.</summary>
    public ISymbol Member { get; }

    public ConsentCheckShape Shape { get; }

    public ITypeSymbol? Purpose { get; }

    /// <summary>The check returns a task (or another awaitable): it checks nothing until the call itself is awaited.</summary>
    public bool ReturnsTask { get; }

    public string DisplayName => Member.ContainingType is { } type ? type.Name + "." + Member.Name : Member.Name;
}

/// <summary>
/// What one check, or a receipt argument, establishes where it holds: the purpose (null: every purpose), whether it is
/// a consent or a basis check, the separate-consent scopes it verifies (<c>LawValues.Scope*</c> flags) and whether it
/// requires a guardian's consent under 14 and refuses an unknown age. Equal facts meet the same requirements.
/// </summary>
internal readonly struct CheckFacts : System.IEquatable<CheckFacts>
{
    public CheckFacts(ITypeSymbol? purpose, ConsentCheckKind kind, int scopes, bool guardianAware)
    {
        Purpose = purpose;
        Kind = kind;
        Scopes = scopes;
        GuardianAware = guardianAware;
    }

    public ITypeSymbol? Purpose { get; }

    public ConsentCheckKind Kind { get; }

    public int Scopes { get; }

    public bool GuardianAware { get; }

    /// <summary>A consent receipt passed to a use: consent for the purpose, no scopes, not known to be guardian-aware.</summary>
    public static CheckFacts Receipt(ITypeSymbol? purpose) => new(purpose, ConsentCheckKind.Consent, 0, false);

    public bool Equals(CheckFacts other) => SymbolEqualityComparer.Default.Equals(Purpose, other.Purpose)
        && Kind == other.Kind && Scopes == other.Scopes && GuardianAware == other.GuardianAware;

    public override bool Equals(object? obj) => obj is CheckFacts other && Equals(other);

    public override int GetHashCode() => (Purpose is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(Purpose)) ^ ((int)Kind << 8) ^ (Scopes << 12) ^ (GuardianAware ? 1 : 0);
}
