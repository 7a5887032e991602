using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Model;

internal enum ConsentCheckShape
{
    /// <summary>Throws when consent is missing: consent holds once it returns.</summary>
    Throws,

    /// <summary>Returns a receipt (and throws or returns null when consent is missing): consent holds once it returns.</summary>
    Receipt,

    /// <summary>Returns <c>true</c> only when consent is given: consent holds where the value was true.</summary>
    Bool,
}

/// <summary>A call or property read of a <c>[FacialConsentCheck]</c> member, with the purpose it checks (null: every purpose).</summary>
internal sealed class ConsentCheck
{
    public ConsentCheck(ConsentCheckShape shape, ITypeSymbol? purpose)
    {
        Shape = shape;
        Purpose = purpose;
    }

    public ConsentCheckShape Shape { get; }

    public ITypeSymbol? Purpose { get; }
}
