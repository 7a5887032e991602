using FaceCompliance.Analyzers.Internals;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Model;

internal enum FacialApiKind
{
    /// <summary>Processes facial data: needs purpose, consent and, for identity methods, an alternative.</summary>
    Processing,

    /// <summary>Marked <c>[RequiresFacialConsent]</c>: the caller must check consent for the callee's purpose.</summary>
    RequiresConsent,
}

/// <summary>What a referenced member obliges its user to do.</summary>
internal sealed class FacialApi
{
    public FacialApi(FacialApiKind kind, ProcessingMethod method)
    {
        Kind = kind;
        Method = method;
    }

    public FacialApiKind Kind { get; }

    public ProcessingMethod Method { get; }
}

/// <summary>One facial-data use: an operation on a <see cref="FacialApi"/>.</summary>
internal sealed class FacialUse
{
    public FacialUse(IOperation operation, ISymbol target, FacialApi api)
    {
        Operation = operation;
        Target = target;
        Api = api;
    }

    public IOperation Operation { get; }

    /// <summary>The member used (original definition, reduced extension methods unreduced).</summary>
    public ISymbol Target { get; }

    public FacialApi Api { get; }

    /// <summary>
    /// The member used, as messages name it: <c>Type.Member</c>, <c>new Type</c>, <c>Type.operator +</c>; an extension-block member by the
    /// class that declares it (<c>FrameExtensions.Check</c>, as a classic extension method); a local function by its name.
    /// </summary>
    public string DisplayName => Target.ContainingType is { } type && Target.Kind != SymbolKind.NamedType && !Target.IsLambdaOrLocalFunction()
        ? (Target is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "new " + type.GetWrittenName() : type.GetWrittenName() + "." + Target.GetWrittenName())
        : Target.Name;
}
