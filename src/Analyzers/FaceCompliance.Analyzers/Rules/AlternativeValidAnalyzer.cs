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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            if (model.Symbols.NonBiometricAlternative is null)
            {
                return;
            }

            start.RegisterSymbolStartAction(typeStart => AnalyzeType(typeStart, model), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolStartAnalysisContext context, FacialModel model)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var declarations = new List<(ISymbol Owner, AttributeData Attribute, ImmutableArray<ISymbol> Candidates)>();
        foreach (var owner in type.GetMembers().Prepend(type))
        {
            if (model.Symbols.Find(owner, model.Symbols.NonBiometricAlternative) is { } attribute)
            {
                var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                declarations.Add((owner, attribute, FindCandidates(type, name)));
            }
        }

        if (declarations.Count == 0)
        {
            return;
        }

        var candidates = new HashSet<ISymbol>(declarations.SelectMany(d => d.Candidates), SymbolEqualityComparer.Default);
        var usingFace = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        context.RegisterOperationAction(
            operation =>
            {
                var member = FacialModel.GetUseSiteMember(operation.ContainingSymbol);
                if (candidates.Contains(member) && model.ClassifyUse(operation.Operation) is not null)
                {
                    usingFace.TryAdd(member, true);
                }
            },
            FacialModel.UseKinds);

        context.RegisterSymbolEndAction(end =>
        {
            foreach (var (owner, attribute, found) in declarations)
            {
                var problem = Describe(model, owner, found, usingFace);
                if (problem is not null)
                {
                    var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                    end.ReportDiagnostic(Diagnostic.Create(Rule, attribute.GetLocation(owner, end.CancellationToken), name ?? "", problem));
                }
            }
        });
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

    /// <summary>What is wrong with the best candidate, or null when it is a valid alternative.</summary>
    private static string? Describe(FacialModel model, ISymbol owner, ImmutableArray<ISymbol> candidates, ConcurrentDictionary<ISymbol, bool> usingFace)
    {
        if (candidates.IsEmpty)
        {
            return $"does not exist in '{(owner as INamedTypeSymbol ?? owner.ContainingType).Name}' or its base types";
        }

        var best = candidates.OrderByDescending(c => c.GetEffectiveAccessibility()).First();
        if (model.GetApi(best) is not null || model.Symbols.Has(best, model.Symbols.ProcessesFacialData) || !model.GetDeclaredPurposes(best).IsEmpty
            || usingFace.ContainsKey(best))
        {
            return "processes facial data itself";
        }

        if (model.Symbols.Has(best, model.Symbols.Obsolete))
        {
            return "is marked [Obsolete]";
        }

        var face = owner.GetEffectiveAccessibility();
        var alternative = best.GetEffectiveAccessibility();
        return alternative < face
            ? $"is {alternative.Describe()}, less reachable than the face path '{owner.Name}', which is {face.Describe()}"
            : null;
    }
}
