using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Notice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0011: the generator completes each <c>[FacialDataPurpose]</c> type with its id, notice, notice version and
/// retention members by adding a partial declaration, which it can only do when the type and every type that
/// contains it are declared <c>partial</c> and none of them is generic. Otherwise it generates nothing for the
/// purpose, and this rule says why.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PurposeExtensibleAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.PurposeNotExtensible,
        "Purpose type cannot be completed by the generator",
        "Purpose type '{0}' cannot be completed by the generator with its notice, notice version and retention: {1}",
        RuleCategories.Notice,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The source generator adds the notice people read (Measures Art. 5), its version and the retention period (Art. 8 §2) to each purpose type as a partial declaration. A purpose type, and every type it is nested in, must be declared 'partial' and must not be generic.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PurposeNotExtensible));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            // The generator's own test (DeclarationReader.ReadShape) decides, so the rule fires exactly when it skips the type.
            start.RegisterPurposeTypeAction(model, (symbolContext, type, _) =>
            {
                if (!type.Locations.IsEmpty && !DeclarationReader.ReadShape(type, symbolContext.CancellationToken).CanBeExtended)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(Rule, type.Locations[0],
                        type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
                        Describe(type, symbolContext.CancellationToken) ?? "it is generic or not declared partial"));
                }
            });
        });
    }

    /// <summary>What keeps the generator from extending <paramref name="type"/>, or null.</summary>
    private static string? Describe(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var notPartial = new List<string>();
        var generic = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var name = SymbolEqualityComparer.Default.Equals(current, type) ? "the type" : $"its containing type '{current.Name}'";
            if (!IsPartial(current, cancellationToken))
            {
                notPartial.Insert(0, $"'{current.Name}'");
            }

            if (!current.TypeParameters.IsEmpty)
            {
                generic.Insert(0, name);
            }
        }

        var problems = new List<string>();
        if (notPartial.Count > 0)
        {
            problems.Add(notPartial.Count == 1
                ? $"{notPartial[0]} is not declared partial; add 'partial' to its declaration"
                : $"{Join(notPartial)} are not declared partial; add 'partial' to their declarations");
        }

        if (generic.Count > 0)
        {
            problems.Add($"{Join(generic)} {(generic.Count == 1 ? "is" : "are")} generic; declare the purpose on a non-generic type that is not nested in a generic type");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string Join(List<string> names) => names.Count == 1
        ? names[0]
        : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }
}
