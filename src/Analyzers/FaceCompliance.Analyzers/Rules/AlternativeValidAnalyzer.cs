using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0004: the member named by <c>[NonBiometricAlternative]</c> must exist, must not process facial data itself,
/// and must be as reachable as the face path (Art. 10: a reasonable and convenient alternative). Bodies are
/// checked wherever the alternative is declared in source, in the declaring type or a base type; a member compiled
/// into a referenced assembly is checked by its attributes. Members every type has from <c>object</c> are no alternative.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AlternativeValidAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.AlternativeInvalid,
        "The non-biometric alternative is missing, uses the face, or is harder to reach",
        "The non-biometric alternative '{0}' {1} (Measures, Article 10)",
        RuleCategories.Alternative,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "People who do not agree to face verification must be offered another reasonable and convenient way (Measures Art. 10): the named member must exist, must not process facial data, and must be at least as accessible as the face path.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.AlternativeInvalid));

    private const string ProcessesFacialDataItself = "processes facial data itself";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            if (model.Symbols.NonBiometricAlternative is null)
            {
                return;
            }

            // Declarations are checked where the driver meets the type or member that carries them (a lambda's where a
            // use is met in it): asking each symbol for its own attributes costs no list of a type's members. Whether an
            // alternative's body uses faces is known only when a use is met in it, which may come before or after the
            // declaration that names it is checked, in a derived type: both sides are recorded, and whichever comes
            // second reports, so no type has to wait for all others (a symbol-start/end registration would make the
            // driver track every type).
            var bodies = new AlternativeBodies();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    // An extension block's members are declared again, implicitly, as static methods of the class around it.
                    var owner = symbolContext.Symbol;
                    if (!owner.IsImplicitlyDeclared && model.Symbols.Find(owner, model.Symbols.NonBiometricAlternative) is { } attribute)
                    {
                        Check(model, CreateDeclaration(owner, attribute), bodies, symbolContext.ReportDiagnostic, symbolContext.CancellationToken);
                    }
                },
                SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);
            start.RegisterFacialUseAction(model, (operationContext, use) =>
            {
                var site = model.GetSite(use.Operation, operationContext.ContainingSymbol);
                if (site.Member.IsLambdaOrLocalFunction() && SymbolEqualityComparer.Default.Equals(site.AlternativeOwner, site.Member))
                {
                    // Lambdas and local functions are no members of a type: their declarations are checked where they use faces.
                    Check(model, CreateDeclaration(site.Member, site.Alternative!), bodies, operationContext.ReportDiagnostic, operationContext.CancellationToken);
                }

                foreach (var declaration in bodies.AddUse(FacialModel.GetUseSiteMember(operationContext.ContainingSymbol)))
                {
                    if (DescribeDeclaration(model, declaration) is null)
                    {
                        bodies.Report(declaration, ProcessesFacialDataItself, operationContext.ReportDiagnostic, operationContext.CancellationToken);
                    }
                }
            });
        });
    }

    private static void Check(FacialModel model, AlternativeDeclaration declaration, AlternativeBodies bodies, System.Action<Diagnostic> report,
        System.Threading.CancellationToken cancellationToken)
    {
        if (DescribeDeclaration(model, declaration) is { } problem)
        {
            bodies.Report(declaration, problem, report, cancellationToken);
        }
        else if (bodies.AddDeclaration(declaration))
        {
            bodies.Report(declaration, ProcessesFacialDataItself, report, cancellationToken);
        }
    }

    private static AlternativeDeclaration CreateDeclaration(ISymbol owner, AttributeData attribute)
    {
        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var type = owner as INamedTypeSymbol ?? owner.ContainingType;
        return new AlternativeDeclaration(owner, attribute, name, FindCandidates(type, name));
    }

    /// <summary>The methods and properties of that name in the type or its nearest base type that has some; for an extension block, in the block, then in the class that declares it.</summary>
    private static ImmutableArray<ISymbol> FindCandidates(INamedTypeSymbol type, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var searched = type.IsExtension && type.ContainingType is { } declaring ? new[] { type, declaring } : new[] { type };
        foreach (var start in searched)
        {
            for (var current = start; current is not null; current = current.BaseType)
            {
                var members = current.GetMembers(name!).Where(m => m.Kind is SymbolKind.Method or SymbolKind.Property && !m.IsImplicitlyDeclared).ToImmutableArray();
                if (!members.IsEmpty)
                {
                    return members;
                }
            }
        }

        return ImmutableArray<ISymbol>.Empty;
    }

    /// <summary>What the declaration alone shows to be wrong (everything but the alternative's body), or null.</summary>
    private static string? DescribeDeclaration(FacialModel model, AlternativeDeclaration declaration)
    {
        if (declaration.Best is not { } best)
        {
            return $"does not exist in '{(declaration.Owner as INamedTypeSymbol ?? declaration.Owner.ContainingType).GetWrittenName()}' or its base types";
        }

        if (model.GetApi(best.OriginalDefinition) is not null || model.Symbols.Has(best, model.Symbols.ProcessesFacialData) || !model.GetDeclaredPurposes(best).IsEmpty)
        {
            return ProcessesFacialDataItself;
        }

        if (GetObjectMember(best) is { } objectMember)
        {
            return $"is 'object.{objectMember.Name}', which every type has: name a member that reaches the purpose without a face";
        }

        if (model.Symbols.Has(best, model.Symbols.Obsolete))
        {
            return "is marked [Obsolete]";
        }

        var face = declaration.Owner.GetEffectiveAccessibility();
        var alternative = best.GetEffectiveAccessibility();
        return alternative < face
            ? $"is {alternative.Describe()}, less reachable than the face path ({declaration.Owner.Describe()}), which is {face.Describe()}"
            : null;
    }

    /// <summary>The member of <c>object</c> that <paramref name="member"/> is or overrides (<c>ToString</c>, <c>Equals</c>, <c>GetHashCode</c>, ...), or null.</summary>
    private static IMethodSymbol? GetObjectMember(ISymbol member)
    {
        for (var method = member as IMethodSymbol; method is not null; method = method.OverriddenMethod)
        {
            if (method.ContainingType.SpecialType == SpecialType.System_Object)
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>One <c>[NonBiometricAlternative]</c>: where it is, what it names, and the most accessible member of that name.</summary>
    private sealed class AlternativeDeclaration
    {
        public AlternativeDeclaration(ISymbol owner, AttributeData attribute, string? name, ImmutableArray<ISymbol> candidates)
        {
            Owner = owner;
            Attribute = attribute;
            Name = name;
            Best = candidates.IsEmpty ? null : candidates.OrderByDescending(c => c.GetEffectiveAccessibility()).First();
        }

        public ISymbol Owner { get; }

        public AttributeData Attribute { get; }

        public string? Name { get; }

        public ISymbol? Best { get; }
    }

    /// <summary>
    /// The meeting point of declarations and facial-data uses, per compilation: which source members use faces,
    /// which declarations name them, and which attributes were reported (once each).
    /// </summary>
    private sealed class AlternativeBodies
    {
        private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<AlternativeDeclaration>> _declarationsByAlternative = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _membersWithUses = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<Location, bool> _reported = new();

        /// <summary>Records a declaration whose alternative exists; true when a use in its body was met already.</summary>
        public bool AddDeclaration(AlternativeDeclaration declaration)
        {
            // A member of a generic base type is met as a constructed member; its body is the original definition's.
            var alternative = declaration.Best!.OriginalDefinition;
            _declarationsByAlternative.GetOrAdd(alternative, _ => new ConcurrentQueue<AlternativeDeclaration>()).Enqueue(declaration);
            return _membersWithUses.ContainsKey(alternative);
        }

        /// <summary>Records a member that makes a facial-data use; returns the declarations met so far that name it.</summary>
        public IEnumerable<AlternativeDeclaration> AddUse(ISymbol member)
        {
            _membersWithUses.TryAdd(member, true);
            return _declarationsByAlternative.TryGetValue(member, out var declarations) ? declarations : Enumerable.Empty<AlternativeDeclaration>();
        }

        /// <summary>Reports the declaration once, however many uses and checks meet it.</summary>
        public void Report(AlternativeDeclaration declaration, string problem, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var location = declaration.Attribute.GetLocation(declaration.Owner, cancellationToken);
            if (_reported.TryAdd(location, true))
            {
                report(Diagnostic.Create(Rule, location, declaration.Name ?? "", problem));
            }
        }
    }
}
