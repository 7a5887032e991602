using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using FaceCompliance.Analyzers.Catalog;
using FaceCompliance.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FaceCompliance.Analyzers.Model;

/// <summary>
/// Everything the rules need to know about one compilation, resolved once and cached per symbol, so that the
/// per-operation work is a dictionary lookup (analyzer cost, docs/benchmarks/analyzer-cost.md).
/// </summary>
internal sealed class FacialModel
{
    public static readonly ImmutableArray<OperationKind> UseKinds = ImmutableArray.Create(
        OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.MethodReference, OperationKind.PropertyReference);

    private static readonly FacialApi s_none = new((FacialApiKind)(-1), ProcessingMethod.Unspecified);

    private static readonly ConditionalWeakTable<Compilation, FacialModel> s_models = new();

    // Keyed by reference: the compiler hands out one symbol object per original definition, and reference hashing is
    // the cheapest lookup on the path every call of the compilation takes. A second object for the same symbol only
    // costs a second classification with the same result.
    private readonly ConcurrentDictionary<ISymbol, FacialApi> _apis = new(ReferenceComparer.Instance);
    private readonly ConcurrentDictionary<ISymbol, UseSite> _sites = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, CheckDeclaration> _checks = new(SymbolEqualityComparer.Default);

    private FacialModel(FacialSymbols symbols, FacialApiCatalog catalog, bool isActive)
    {
        Symbols = symbols;
        Catalog = catalog;
        IsActive = isActive;
    }

    public FacialSymbols Symbols { get; }

    public FacialApiCatalog Catalog { get; }

    /// <summary>
    /// False when nothing in the compilation can process facial data: no catalogued SDK or API list, and no source
    /// that names FaceCompliance or an assembly built on it (<see cref="FacialCodeReach"/>). The analyzers then register nothing.
    /// </summary>
    public bool IsActive { get; }

    /// <summary>
    /// The model of a compilation, shared by every FaceCompliance analyzer so that each referenced symbol is
    /// classified once, not once per rule. A compilation belongs to one project, so its additional files (the API
    /// lists) are the same for every analyzer that asks.
    /// </summary>
    public static FacialModel Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        => s_models.GetValue(compilation, c =>
        {
            var symbols = FacialSymbols.Create(c);
            var catalog = FacialApiCatalog.Create(c, options, cancellationToken);
            return new FacialModel(symbols, catalog, !catalog.IsEmpty || symbols.HasDeclarations && FacialCodeReach.InSource(c, symbols, cancellationToken));
        });

    /// <summary>The facial-data use an operation makes, or null.</summary>
    public FacialUse? ClassifyUse(IOperation operation)
    {
        var target = GetTarget(operation);
        if (target is null || operation.Parent is INameOfOperation)
        {
            return null;
        }

        var api = GetApi(target);
        return api is null ? null : new FacialUse(operation, target, api);
    }

    public FacialApi? GetApi(ISymbol target)
    {
        var api = _apis.GetOrAdd(target, ComputeApi);
        return ReferenceEquals(api, s_none) ? null : api;
    }

    /// <summary>The declarations governing the member that contains a use.</summary>
    public UseSite GetSite(ISymbol containingSymbol) => _sites.GetOrAdd(GetUseSiteMember(containingSymbol), ComputeSite);

    /// <summary>Lambdas and local functions belong to the member around them; accessors to their property or event.</summary>
    public static ISymbol GetUseSiteMember(ISymbol symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && symbol.ContainingSymbol is { } outer)
        {
            symbol = outer;
        }

        return symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;
    }

    public static ISymbol? GetTarget(IOperation operation)
    {
        ISymbol? target = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            IMethodReferenceOperation reference => reference.Method,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        if (target is IMethodSymbol { ReducedFrom: { } unreduced })
        {
            target = unreduced;
        }

        return target?.OriginalDefinition;
    }

    private FacialApi ComputeApi(ISymbol target)
    {
        var owner = target is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : target;
        var processes = Symbols.Find(target, Symbols.ProcessesFacialData) ?? Symbols.Find(owner, Symbols.ProcessesFacialData);
        for (var type = target.ContainingType; processes is null && type is not null; type = type.ContainingType)
        {
            processes = Symbols.Find(type, Symbols.ProcessesFacialData);
        }

        if (processes is not null)
        {
            return new FacialApi(FacialApiKind.Processing, ProcessingMethods.FromAttributeArgument(processes));
        }

        if (Catalog.TryMatch(target, out var method))
        {
            return new FacialApi(FacialApiKind.Processing, method);
        }

        if (Symbols.Has(target, Symbols.RequiresFacialConsent) || Symbols.Has(owner, Symbols.RequiresFacialConsent))
        {
            return new FacialApi(FacialApiKind.RequiresConsent, ProcessingMethod.Unspecified);
        }

        return s_none;
    }

    private UseSite ComputeSite(ISymbol member)
    {
        ImmutableArray<ITypeSymbol> purposes = ImmutableArray<ITypeSymbol>.Empty;
        ISymbol? purposeOwner = null;
        AttributeData? alternative = null;
        ISymbol? alternativeOwner = null;

        for (ISymbol? scope = member; scope is not null && scope.Kind != SymbolKind.Namespace; scope = scope.ContainingType)
        {
            if (purposeOwner is null)
            {
                var declared = GetDeclaredPurposes(scope);
                if (!declared.IsEmpty)
                {
                    purposes = declared;
                    purposeOwner = scope;
                }
            }

            if (alternative is null && Symbols.Find(scope, Symbols.NonBiometricAlternative) is { } found)
            {
                alternative = found;
                alternativeOwner = scope;
            }
        }

        var wrapper = Symbols.Find(member, Symbols.ProcessesFacialData);
        for (var type = member as INamedTypeSymbol ?? member.ContainingType; wrapper is null && type is not null; type = type.ContainingType)
        {
            wrapper = Symbols.Find(type, Symbols.ProcessesFacialData);
        }

        return new UseSite(member, purposes, purposeOwner, alternative, alternativeOwner,
            wrapper is null ? null : ProcessingMethods.FromAttributeArgument(wrapper),
            Symbols.Has(member, Symbols.RequiresFacialConsent));
    }

    public ImmutableArray<ITypeSymbol> GetDeclaredPurposes(ISymbol scope)
    {
        if (Symbols.UsesFacialData is null)
        {
            return ImmutableArray<ITypeSymbol>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<ITypeSymbol>();
        foreach (var attribute in scope.GetAttributes())
        {
            if (attribute.AttributeClass is { TypeArguments.Length: 1 } attributeClass
                && SymbolEqualityComparer.Default.Equals(attributeClass.OriginalDefinition, Symbols.UsesFacialData))
            {
                builder.Add(attributeClass.TypeArguments[0]);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Whether some purpose of the site allows the use's method (docs/semantics.md, FC0005).</summary>
    public bool SiteAllows(UseSite site, ProcessingMethod useMethod)
    {
        foreach (var purpose in site.Purposes)
        {
            if (ProcessingMethods.Allows(Symbols.GetPurposeMethod(purpose), useMethod))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The consent check an operation performs, or null (docs/semantics.md, "Consent checks").</summary>
    public ConsentCheck? GetConsentCheck(IOperation operation)
    {
        ISymbol? target = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        if (target is null || Symbols.FacialConsentCheck is null)
        {
            return null;
        }

        var original = (target is IMethodSymbol { ReducedFrom: { } unreduced } ? unreduced : target).OriginalDefinition;
        var declaration = _checks.GetOrAdd(original, symbol => new CheckDeclaration(Symbols.Find(symbol, Symbols.FacialConsentCheck)));
        if (declaration.Attribute is not { } attribute)
        {
            return null;
        }

        var returned = target switch
        {
            IMethodSymbol method => method.ReturnType,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        var purpose = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as ITypeSymbol : null;
        purpose ??= FirstPurpose((target as IMethodSymbol)?.TypeArguments ?? ImmutableArray<ITypeSymbol>.Empty)
            ?? FirstPurpose(target.ContainingType?.TypeArguments ?? ImmutableArray<ITypeSymbol>.Empty)
            ?? FirstPurpose((returned as INamedTypeSymbol)?.TypeArguments ?? ImmutableArray<ITypeSymbol>.Empty);

        var shape = returned?.SpecialType == SpecialType.System_Boolean ? ConsentCheckShape.Bool
            : Symbols.IsReceiptType(returned) ? ConsentCheckShape.Receipt
            : ConsentCheckShape.Throws;
        return new ConsentCheck(shape, purpose);
    }

    /// <summary>The purposes a receipt type proves consent for: its purpose type arguments; empty means every purpose.</summary>
    public ImmutableArray<ITypeSymbol> GetReceiptPurposes(ITypeSymbol receiptType)
    {
        var builder = ImmutableArray.CreateBuilder<ITypeSymbol>();
        if (receiptType is INamedTypeSymbol named)
        {
            foreach (var argument in named.TypeArguments)
            {
                if (Symbols.IsPurposeType(argument))
                {
                    builder.Add(argument);
                }
            }
        }

        return builder.ToImmutable();
    }

    private ITypeSymbol? FirstPurpose(ImmutableArray<ITypeSymbol> types)
    {
        foreach (var type in types)
        {
            if (Symbols.IsPurposeType(type))
            {
                return type;
            }
        }

        return null;
    }

    private sealed class CheckDeclaration
    {
        public CheckDeclaration(AttributeData? attribute) => Attribute = attribute;

        public AttributeData? Attribute { get; }
    }
}
