using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Model;

/// <summary>
/// The declarations that govern the uses inside one member: its purposes and non-biometric alternative
/// (nearest declaration wins, member first, then containing types) and whether it moved obligations to its callers.
/// </summary>
internal sealed class UseSite
{
    public UseSite(ISymbol member, ImmutableArray<ITypeSymbol> purposes, ISymbol? purposeOwner, AttributeData? alternative, ISymbol? alternativeOwner,
        ProcessingMethod? wrapperMethod, ISymbol? wrapperOwner, bool requiresConsent)
    {
        Member = member;
        Purposes = purposes;
        PurposeOwner = purposeOwner;
        Alternative = alternative;
        AlternativeOwner = alternativeOwner;
        WrapperMethod = wrapperMethod;
        WrapperOwner = wrapperOwner;
        RequiresConsent = requiresConsent;
    }

    /// <summary>
    /// The member whose body holds the uses (lambdas and local functions belong to it), or a lambda or local function
    /// that declares something of its own (<see cref="FacialModel.GetSite(IOperation, ISymbol)"/>).
    /// </summary>
    public ISymbol Member { get; }

    public ImmutableArray<ITypeSymbol> Purposes { get; }

    /// <summary>The member or type that declared <see cref="Purposes"/>.</summary>
    public ISymbol? PurposeOwner { get; }

    public AttributeData? Alternative { get; }

    public ISymbol? AlternativeOwner { get; }

    /// <summary>The method of the site's <c>[ProcessesFacialData]</c> (its own or a containing type's): a wrapper whose callers carry the obligations.</summary>
    public ProcessingMethod? WrapperMethod { get; }

    /// <summary>The member, local function or type that declared <see cref="WrapperMethod"/>.</summary>
    public ISymbol? WrapperOwner { get; }

    /// <summary>The member (or the local function, or a function around it up to the member) carries <c>[RequiresFacialConsent]</c>: its callers check consent.</summary>
    public bool RequiresConsent { get; }

    public bool IsWrapper => WrapperMethod.HasValue;

    public bool ConsentMovedToCallers => IsWrapper || RequiresConsent;
}
