using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using FaceCompliance.Analyzers.Catalog;
using FaceCompliance.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    private readonly ConcurrentDictionary<ISymbol, bool> _interfacesWithObligations = new(SymbolEqualityComparer.Default);

    // Per property: the API its getter and its setter use (GetPropertyApi), so that the access of the many property
    // references that use none is not worked out.
    private readonly ConcurrentDictionary<ISymbol, (FacialApi? Get, FacialApi? Set)> _properties = new(ReferenceComparer.Instance);
    private readonly System.Func<ISymbol, FacialApi> _computeApi;
    private readonly System.Func<ISymbol, CheckDeclaration> _findCheck;
    private readonly System.Func<ISymbol, (FacialApi? Get, FacialApi? Set)> _computePropertyApis;

    private FacialModel(FacialSymbols symbols, FacialApiCatalog catalog, bool isActive)
    {
        Symbols = symbols;
        Catalog = catalog;
        IsActive = isActive;
        _computeApi = ComputeApi;
        _findCheck = symbol => FindCheckAttribute(symbol) ?? CheckDeclaration.None;
        _computePropertyApis = property => (GetApi((ISymbol?)((IPropertySymbol)property).GetMethod ?? property), GetApi((ISymbol?)((IPropertySymbol)property).SetMethod ?? property));
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

        var api = operation is IPropertyReferenceOperation reference ? GetPropertyApi(reference, (IPropertySymbol)target) : GetApi(target);
        return api is null ? null : new FacialUse(operation, target, api);
    }

    /// <summary>
    /// A property or indexer access uses the accessor it runs: the getter for a read, the setter for a write, both for
    /// <c>+=</c>, <c>++</c> or a <c>ref</c> argument; an accessor's own <c>[ProcessesFacialData]</c> applies only to it.
    /// </summary>
    private FacialApi? GetPropertyApi(IPropertyReferenceOperation reference, IPropertySymbol property)
    {
        // An accessor's answer includes its property's declarations (ComputeApi), so one lookup per property suffices.
        var (get, set) = _properties.GetOrAdd(property, _computePropertyApis);
        if (get is null && set is null)
        {
            return null;
        }

        var (reads, writes) = GetAccess(reference);
        var api = reads ? get : null;
        if (api is null && writes)
        {
            api = set;
        }

        return api;
    }

    private static (bool Reads, bool Writes) GetAccess(IOperation reference)
    {
        var parent = reference.Parent;
        while (parent is ITupleOperation)
        {
            // A deconstruction's targets: (a.P, b) = ...
            reference = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            ISimpleAssignmentOperation simple when simple.Target == reference => (false, true),
            IDeconstructionAssignmentOperation deconstruction when deconstruction.Target == reference => (false, true),
            ICompoundAssignmentOperation compound when compound.Target == reference => (true, true),
            ICoalesceAssignmentOperation coalesce when coalesce.Target == reference => (true, true),
            IIncrementOrDecrementOperation => (true, true),
            IArgumentOperation { Parameter.RefKind: RefKind.Out } => (false, true),
            IArgumentOperation { Parameter.RefKind: RefKind.Ref } => (true, true),
            _ => (true, false),
        };
    }

    public FacialApi? GetApi(ISymbol target)
    {
        var api = _apis.GetOrAdd(target, _computeApi);
        return ReferenceEquals(api, s_none) ? null : api;
    }

    /// <summary>
    /// The declarations governing the uses in a member, or in a lambda or local function (docs/semantics.md, "The use
    /// site and its declarations"): one that declares nothing of its own belongs to the member around it. An accessor
    /// that carries its own <c>[ProcessesFacialData]</c> or <c>[RequiresFacialConsent]</c> is its own site; other
    /// accessors belong to their property.
    /// </summary>
    public UseSite GetSite(ISymbol symbol)
    {
        while (symbol.IsLambdaOrLocalFunction() && !DeclaresOwnSite(symbol) && symbol.ContainingSymbol is { } outer)
        {
            symbol = outer;
        }

        var member = symbol is IMethodSymbol { AssociatedSymbol: IPropertySymbol } accessor
            && (Symbols.Has(accessor, Symbols.ProcessesFacialData) || Symbols.Has(accessor, Symbols.RequiresFacialConsent))
            ? symbol
            : SymbolExtensions.GetMember(symbol);
        return _sites.GetOrAdd(member, ComputeSite);
    }

    /// <summary>
    /// The declarations governing one use: those of the innermost lambda or local function around it that declares
    /// something of its own (a minimal-API handler declares its purpose on the lambda), else those of its member.
    /// </summary>
    public UseSite GetSite(IOperation use, ISymbol containingSymbol) => GetSite(use.Syntax, use.SemanticModel, containingSymbol);

    /// <inheritdoc cref="GetSite(IOperation, ISymbol)"/>
    /// <param name="useSyntax">The use.</param>
    /// <param name="semanticModel">The semantic model of its tree; without one, the member's declarations govern.</param>
    /// <param name="containingSymbol">The member whose body holds the use.</param>
    public UseSite GetSite(SyntaxNode useSyntax, SemanticModel? semanticModel, ISymbol containingSymbol)
    {
        if (semanticModel is not null && semanticModel.SyntaxTree == useSyntax.SyntaxTree)
        {
            // Only a lambda or local function written with attributes can declare anything: the others cost a parent walk.
            foreach (var node in useSyntax.Ancestors())
            {
                var function = node switch
                {
                    LambdaExpressionSyntax { AttributeLists.Count: > 0 } lambda => semanticModel.GetSymbolInfo(lambda).Symbol,
                    LocalFunctionStatementSyntax { AttributeLists.Count: > 0 } local => semanticModel.GetDeclaredSymbol(local),
                    _ => null,
                };
                if (function is not null && DeclaresOwnSite(function))
                {
                    return _sites.GetOrAdd(function, ComputeSite);
                }

                if (node is MemberDeclarationSyntax)
                {
                    break;
                }
            }
        }

        return GetSite(containingSymbol);
    }

    /// <summary>Lambdas and local functions belong to the member around them; accessors to their property or event.</summary>
    public static ISymbol GetUseSiteMember(ISymbol symbol)
    {
        while (symbol.IsLambdaOrLocalFunction() && symbol.ContainingSymbol is { } outer)
        {
            symbol = outer;
        }

        return SymbolExtensions.GetMember(symbol);
    }

    /// <summary>
    /// Whether a lambda or local function is a use site of its own: it declares a purpose or an alternative, or (a
    /// local function only, whose calls the rules see) moves obligations to its callers. A lambda's
    /// <c>[ProcessesFacialData]</c> or <c>[RequiresFacialConsent]</c> moves nothing: who invokes a delegate cannot be seen.
    /// </summary>
    private bool DeclaresOwnSite(ISymbol function)
        => !GetDeclaredPurposes(function).IsEmpty
            || Symbols.Has(function, Symbols.NonBiometricAlternative)
            || (function is IMethodSymbol { MethodKind: MethodKind.LocalFunction }
                && (Symbols.Has(function, Symbols.ProcessesFacialData) || Symbols.Has(function, Symbols.RequiresFacialConsent)));

    /// <summary>
    /// The next scope of the lookup: a lambda's or local function's member (or enclosing function); an accessor's
    /// property (an accessor that is its own site still sees its property's declarations before its type's); else the
    /// containing type.
    /// </summary>
    private static ISymbol? OuterScope(ISymbol scope)
        => scope.IsLambdaOrLocalFunction() && scope.ContainingSymbol is { } outer ? SymbolExtensions.GetMember(outer)
            : scope is IMethodSymbol { AssociatedSymbol: { } property } ? property
            : scope.ContainingType;

    public static ISymbol? GetTarget(IOperation operation)
    {
        // By kind first: this runs for every call, creation and property access of the compilation, for each rule.
        ISymbol? target = operation.Kind switch
        {
            OperationKind.Invocation => ((IInvocationOperation)operation).TargetMethod,
            OperationKind.ObjectCreation => ((IObjectCreationOperation)operation).Constructor,
            OperationKind.MethodReference => ((IMethodReferenceOperation)operation).Method,
            OperationKind.PropertyReference => ((IPropertyReferenceOperation)operation).Property,
            _ => null,
        };

        if (target is IMethodSymbol { ReducedFrom: { } unreduced })
        {
            target = unreduced;
        }

        return target?.OriginalDefinition;
    }

    /// <summary>
    /// What using <paramref name="target"/> obliges (docs/semantics.md, "Facial-data uses"); the nearest declaration
    /// wins: the member's own <c>[ProcessesFacialData]</c> (an accessor's, then its property's), then an API-list
    /// entry naming the member (<c>NotProcessing</c> ends the search), then its type's <c>[ProcessesFacialData]</c> or
    /// <c>T:</c> entry for the members <see cref="WholeTypeCoverage"/> covers, then <c>[RequiresFacialConsent]</c>.
    /// </summary>
    private FacialApi ComputeApi(ISymbol target)
    {
        var owner = target is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : target;
        if (GetDeclaredProcessing(target) is { } declared)
        {
            return new FacialApi(FacialApiKind.Processing, declared);
        }

        if (!Catalog.IsEmpty)
        {
            if (Catalog.TryMatchMember(owner, out var listed))
            {
                if (listed is { } method)
                {
                    return new FacialApi(FacialApiKind.Processing, method);
                }
            }
            else if (owner.ContainingType is { } type && Catalog.TryMatchType(type, out var typeMethod) && WholeTypeCoverage.Covers(owner))
            {
                return new FacialApi(FacialApiKind.Processing, typeMethod);
            }
        }

        if (Symbols.Has(target, Symbols.RequiresFacialConsent) || Symbols.Has(owner, Symbols.RequiresFacialConsent))
        {
            return new FacialApi(FacialApiKind.RequiresConsent, ProcessingMethod.Unspecified);
        }

        return s_none;
    }

    /// <summary>
    /// The method a member processes faces with by its source declarations, or null: its own
    /// <c>[ProcessesFacialData]</c> (for an accessor, the accessor's, then its property's), else its containing type's
    /// when <see cref="WholeTypeCoverage"/> covers the member and no API list names it <c>NotProcessing</c>. Uses
    /// (callers' obligations), wrappers (the member's own body) and FC0009 all decide by this one answer.
    /// </summary>
    public ProcessingMethod? GetDeclaredProcessing(ISymbol member)
        => FindDeclaredProcessing(member) is { } found ? ProcessingMethods.FromAttributeArgument(found.Attribute) : null;

    /// <summary>Whether the <c>[ProcessesFacialData]</c> that makes <paramref name="member"/> a facial-data API says <c>OffDevice = true</c> (FC0013).</summary>
    public bool IsDeclaredOffDevice(ISymbol member)
        => FindDeclaredProcessing(member) is { } found && found.Attribute.NamedArguments.Any(a => a.Key == "OffDevice" && a.Value.Value is true);

    /// <summary>
    /// Whether a use of <paramref name="target"/> sends facial data off the device: its own <c>[ProcessesFacialData]</c>
    /// says <c>OffDevice = true</c>, or, without one, its API-list line is marked <c>;OffDevice</c>. FC0013 judges the
    /// purpose by it; FC0018 asks a check of the Transfer scope before such a use.
    /// </summary>
    public bool SendsOffDevice(ISymbol target)
        => GetDeclaredProcessing(target) is not null ? IsDeclaredOffDevice(target) : Catalog.IsOffDevice(target);

    /// <summary>
    /// Whether a use of <paramref name="target"/> (an original definition) provides facial data to another processor
    /// (PIPL Art. 23): the <c>[ProcessesFacialData]</c> that makes it an API says <c>ProvidesToRecipient = true</c> or
    /// names a <c>RecipientId</c>, or, without one, its API-list line is marked <c>;Provision</c>.
    /// <paramref name="recipientId"/> is the recipient it names, or empty. FC0019 checks the declared recipient by it;
    /// a separate-consent check for <c>FacialConsentScopes.Provision</c> before such a use (FC0018) asks it too.
    /// </summary>
    public bool ProvidesToRecipient(ISymbol target, out string recipientId)
    {
        recipientId = "";
        if (FindDeclaredProcessing(target) is not { } declared)
        {
            return Catalog.IsProvision(target);
        }

        if (!IsProvision(declared.Attribute))
        {
            return false;
        }

        recipientId = RecipientIdOf(declared.Attribute);
        return true;
    }

    /// <summary>Whether a <c>[ProcessesFacialData]</c> says <c>ProvidesToRecipient = true</c> or names a <c>RecipientId</c>.</summary>
    public static bool IsProvision(AttributeData processesFacialData)
        => processesFacialData.NamedArguments.Any(a => a.Key == "ProvidesToRecipient" && a.Value.Value is true) || RecipientIdOf(processesFacialData).Length > 0;

    /// <summary>The trimmed <c>RecipientId</c> of a <c>[ProcessesFacialData]</c>, or empty.</summary>
    public static string RecipientIdOf(AttributeData processesFacialData)
        => processesFacialData.NamedArguments.FirstOrDefault(a => a.Key == "RecipientId").Value.Value is string id ? id.Trim() : "";

    /// <summary>
    /// The <c>Attributes</c> of the <c>[ProcessesFacialData]</c> that makes <paramref name="member"/> a facial-data API
    /// (FC0016): <see cref="Profiles.LawValues"/> flags, 0 when it names none.
    /// </summary>
    public int GetDeclaredAttributes(ISymbol member)
        => FindDeclaredProcessing(member) is { } found && found.Attribute.NamedArguments.FirstOrDefault(a => a.Key == "Attributes").Value.Value is int attributes ? attributes : 0;

    /// <summary><see cref="GetDeclaredProcessing"/> with the symbol the deciding attribute is on (messages name it).</summary>
    private (AttributeData Attribute, ISymbol Owner)? FindDeclaredProcessing(ISymbol member)
    {
        if (Symbols.ProcessesFacialData is null)
        {
            return null;
        }

        var owner = member is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : member;
        if (Symbols.Find(member, Symbols.ProcessesFacialData) is { } own)
        {
            return (own, member);
        }

        if (Symbols.Find(owner, Symbols.ProcessesFacialData) is { } property)
        {
            return (property, owner);
        }

        // A type-level attribute covers the members WholeTypeCoverage names, never a local function inside them.
        if (!member.IsLambdaOrLocalFunction() && owner.ContainingType is { } type && Symbols.Find(type, Symbols.ProcessesFacialData) is { } typeLevel
            && WholeTypeCoverage.Covers(owner) && !(Catalog.TryMatchMember(owner.OriginalDefinition, out var listed) && listed is null))
        {
            return (typeLevel, type);
        }

        return null;
    }

    private UseSite ComputeSite(ISymbol member)
    {
        ImmutableArray<ITypeSymbol> purposes = ImmutableArray<ITypeSymbol>.Empty;
        ISymbol? purposeOwner = null;
        AttributeData? alternative = null;
        ISymbol? alternativeOwner = null;
        AttributeData? wrapper = null;
        ISymbol? wrapperOwner = null;
        var requiresConsent = false;

        // Member first, then (for a lambda or local function) the functions and the member around it, then the containing types.
        for (var scope = member; scope is not null && scope.Kind != SymbolKind.Namespace; scope = OuterScope(scope))
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

            if (scope is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction })
            {
                continue;
            }

            // A member's own body is a wrapper's by the same answer its callers get (GetDeclaredProcessing): a
            // constructor of a [ProcessesFacialData] type is not covered, so its uses carry their own obligations.
            var processing = scope is INamedTypeSymbol
                ? (ReferenceEquals(scope, member) && Symbols.Find(scope, Symbols.ProcessesFacialData) is { } typeLevel ? (typeLevel, scope) : null)
                : FindDeclaredProcessing(scope);
            if (wrapper is null && processing is { } deciding)
            {
                (wrapper, wrapperOwner) = deciding;
            }

            requiresConsent |= scope is not INamedTypeSymbol && Symbols.Has(scope, Symbols.RequiresFacialConsent);
        }

        return new UseSite(member, purposes, purposeOwner, alternative, alternativeOwner,
            wrapper is null ? null : ProcessingMethods.FromAttributeArgument(wrapper), wrapperOwner, requiresConsent);
    }

    /// <summary>
    /// Whether an interface, or any of its members, carries <c>[ProcessesFacialData]</c> or <c>[RequiresFacialConsent]</c>:
    /// otherwise none of its members obliges anything (<see cref="GetDeclaredProcessing"/> reads only those), and a
    /// member that declares nothing cannot differ from what it implements there (FC0009).
    /// </summary>
    public bool InterfaceDeclaresObligations(INamedTypeSymbol @interface)
        => _interfacesWithObligations.GetOrAdd(@interface.OriginalDefinition, type =>
            DeclaresObligations(type) || ((INamedTypeSymbol)type).GetMembers().Any(DeclaresObligations));

    private bool DeclaresObligations(ISymbol symbol) => Symbols.Has(symbol, Symbols.ProcessesFacialData) || Symbols.Has(symbol, Symbols.RequiresFacialConsent);

    /// <summary>
    /// A declaration the lookup does not reach because declarations are not inherited: the nearest member that
    /// <paramref name="member"/> overrides or implements, or base type of one of its containing types, for which
    /// <paramref name="declares"/> holds; null when there is none. Messages name it, so that nobody wonders why it is ignored.
    /// </summary>
    public static ISymbol? FindNotInherited(ISymbol member, System.Func<ISymbol, bool> declares)
    {
        foreach (var (baseMember, _) in member.GetOverriddenOrImplementedMembers())
        {
            if (declares(baseMember))
            {
                return baseMember;
            }
        }

        for (var type = member as INamedTypeSymbol ?? member.ContainingType; type is not null; type = type.ContainingType)
        {
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (declares(baseType))
                {
                    return baseType;
                }
            }
        }

        return null;
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

        if (target is null || (Symbols.FacialConsentCheck is null && Symbols.FacialBasisCheck is null))
        {
            return null;
        }

        var original = (target is IMethodSymbol { ReducedFrom: { } unreduced } ? unreduced : target).OriginalDefinition;
        var declaration = _checks.GetOrAdd(original, _findCheck);
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

        var returnsTask = TryGetAwaitedType(returned, out var awaited);
        var result = returnsTask ? awaited : returned;
        var receipt = result is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : result;

        var purpose = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as ITypeSymbol : null;
        purpose ??= FirstPurpose((target as IMethodSymbol)?.TypeArguments ?? ImmutableArray<ITypeSymbol>.Empty)
            ?? FirstPurpose(target.ContainingType?.TypeArguments ?? ImmutableArray<ITypeSymbol>.Empty)
            ?? FirstPurpose((receipt as INamedTypeSymbol)?.TypeArguments ?? ImmutableArray<ITypeSymbol>.Empty);

        var shape = receipt?.SpecialType == SpecialType.System_Boolean ? ConsentCheckShape.Bool
            : !Symbols.IsReceiptType(receipt) ? ConsentCheckShape.Throws
            : !ReferenceEquals(receipt, result) || result!.NullableAnnotation == NullableAnnotation.Annotated ? ConsentCheckShape.NullableReceipt
            : ConsentCheckShape.Receipt;
        var scopes = attribute.NamedArguments.LastOrDefault(a => a.Key == "Scopes").Value.Value is int declaredScopes ? declaredScopes : 0;
        var guardianAware = attribute.NamedArguments.Any(a => a.Key == "GuardianAware" && a.Value.Value is true);
        return new ConsentCheck(target, shape, purpose, returnsTask, new CheckFacts(purpose, declaration.Kind, scopes, guardianAware));
    }

    /// <summary>
    /// The member's own <c>[FacialConsentCheck]</c> or <c>[FacialBasisCheck]</c>, else the one of the member it overrides or implements: calling
    /// the concrete implementation of a check is a check (FC0009 does not ask implementations to repeat it).
    /// </summary>
    private CheckDeclaration? FindCheckAttribute(ISymbol member)
    {
        if (Symbols.Find(member, Symbols.FacialConsentCheck) is { } own)
        {
            return new CheckDeclaration(own, ConsentCheckKind.Consent);
        }

        if (Symbols.Find(member, Symbols.FacialBasisCheck) is { } basis)
        {
            return new CheckDeclaration(basis, ConsentCheckKind.Basis);
        }

        foreach (var (baseMember, _) in member.GetOverriddenOrImplementedMembers())
        {
            if (FindCheckAttribute(baseMember.OriginalDefinition) is { } inherited)
            {
                return inherited;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is awaitable (a task), and the type <c>await</c> gives (void for <c>Task</c>).</summary>
    private static bool TryGetAwaitedType(ITypeSymbol? type, out ITypeSymbol? awaited)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(WellKnownMemberNames.GetAwaiter))
            {
                if (member is IMethodSymbol { IsStatic: false, Parameters.IsEmpty: true } getAwaiter)
                {
                    awaited = getAwaiter.ReturnType.GetMembers(WellKnownMemberNames.GetResult)
                        .OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.IsEmpty)?.ReturnType;
                    return true;
                }
            }
        }

        awaited = null;
        return false;
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
        public static readonly CheckDeclaration None = new(null, ConsentCheckKind.Consent);

        public CheckDeclaration(AttributeData? attribute, ConsentCheckKind kind)
        {
            Attribute = attribute;
            Kind = kind;
        }

        public AttributeData? Attribute { get; }

        public ConsentCheckKind Kind { get; }
    }
}
