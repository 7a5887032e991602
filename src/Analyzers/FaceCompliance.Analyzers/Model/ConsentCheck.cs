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

/// <summary>A call or property read of a <c>[FacialConsentCheck]</c> member, with the purpose it checks (null: every purpose).</summary>
internal sealed class ConsentCheck
{
    public ConsentCheck(ISymbol member, ConsentCheckShape shape, ITypeSymbol? purpose, bool returnsTask)
    {
        Member = member;
        Shape = shape;
        Purpose = purpose;
        ReturnsTask = returnsTask;
    }

    /// <summary>The member called or read, as the code names it.</summary>
    public ISymbol Member { get; }

    public ConsentCheckShape Shape { get; }

    public ITypeSymbol? Purpose { get; }

    /// <summary>The check returns a task (or another awaitable): it checks nothing until the call itself is awaited.</summary>
    public bool ReturnsTask { get; }

    public string DisplayName => Member.ContainingType is { } type ? type.Name + "." + Member.Name : Member.Name;
}
