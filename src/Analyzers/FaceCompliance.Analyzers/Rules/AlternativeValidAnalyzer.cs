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
/// checked for members of the declaring type; members inherited from a base type are checked by their attributes.
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

            // Declarations are checked once per type; bodies only where a facial-data use is met, so no type has to
            // wait for all its members (a symbol-start/end registration would make the driver track every type).
            var declarationsByType = new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<AlternativeDeclaration>>(SymbolEqualityComparer.Default);
            var reportedBodies = new ConcurrentDictionary<SyntaxReference, bool>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    foreach (var declaration in declarationsByType.GetOrAdd((INamedTypeSymbol)symbolContext.Symbol, type => FindDeclarations(model, type)))
                    {
                        if (DescribeDeclaration(model, declaration) is { } problem)
                        {
                            symbolContext.ReportDiagnostic(declaration.CreateDiagnostic(problem, symbolContext.CancellationToken));
                        }
                    }
                },
                SymbolKind.NamedType);
            start.RegisterFacialUseAction(model, (operationContext, use) =>
            {
                var member = FacialModel.GetUseSiteMember(operationContext.ContainingSymbol);
                if (member.ContainingType is not { } type)
                {
                    return;
                }

                foreach (var declaration in declarationsByType.GetOrAdd(type, t => FindDeclarations(model, t)))
                {
                    if (SymbolEqualityComparer.Default.Equals(declaration.Best, member) && DescribeDeclaration(model, declaration) is null
                        && declaration.Attribute.ApplicationSyntaxReference is { } syntax && reportedBodies.TryAdd(syntax, true))
                    {
                        operationContext.ReportDiagnostic(declaration.CreateDiagnostic("processes facial data itself", operationContext.CancellationToken));
                    }
                }
            });
        });
    }

    private static ImmutableArray<AlternativeDeclaration> FindDeclarations(FacialModel model, INamedTypeSymbol type)
    {
        var declarations = ImmutableArray.CreateBuilder<AlternativeDeclaration>();
        foreach (var owner in type.GetMembers().Prepend(type))
        {
            if (model.Symbols.Find(owner, model.Symbols.NonBiometricAlternative) is { } attribute)
            {
                var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                declarations.Add(new AlternativeDeclaration(owner, attribute, name, FindCandidates(type, name)));
            }
        }

        return declarations.ToImmutable();
    }

    private static ImmutableArray<ISymbol> FindCandidates(INamedTypeSymbol type, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            var members = current.GetMembers(name!).Where(m => m.Kind is SymbolKind.Method or SymbolKind.Property).ToImmutableArray();
            if (!members.IsEmpty)
            {
                return members;
            }
        }

        return ImmutableArray<ISymbol>.Empty;
    }

    /// <summary>What the declaration alone shows to be wrong (everything but the alternative's body), or null.</summary>
    private static string? DescribeDeclaration(FacialModel model, AlternativeDeclaration declaration)
    {
        if (declaration.Best is not { } best)
        {
            return $"does not exist in '{(declaration.Owner as INamedTypeSymbol ?? declaration.Owner.ContainingType).Name}' or its base types";
        }

        if (model.GetApi(best) is not null || model.Symbols.Has(best, model.Symbols.ProcessesFacialData) || !model.GetDeclaredPurposes(best).IsEmpty)
        {
            return "processes facial data itself";
        }

        if (model.Symbols.Has(best, model.Symbols.Obsolete))
        {
            return "is marked [Obsolete]";
        }

        var face = declaration.Owner.GetEffectiveAccessibility();
        var alternative = best.GetEffectiveAccessibility();
        return alternative < face
            ? $"is {alternative.Describe()}, less reachable than the face path '{declaration.Owner.Name}', which is {face.Describe()}"
            : null;
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

        public Diagnostic CreateDiagnostic(string problem, System.Threading.CancellationToken cancellationToken)
            => Diagnostic.Create(Rule, Attribute.GetLocation(Owner, cancellationToken), Name ?? "", problem);
    }
}
