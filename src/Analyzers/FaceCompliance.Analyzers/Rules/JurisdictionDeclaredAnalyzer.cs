using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0100: an assembly that declares purposes must say where it operates (<c>[assembly: OperatesIn(...)]</c>), so the
/// rules of each jurisdiction's profile can apply (JURISDICTIONS.md Part 2; generalises CN-ART2-SCOPE). An error by
/// default: the profile rules (FC0102) read only the declared jurisdictions.
/// FC0101: a purpose's <c>Jurisdictions</c> may narrow the assembly's, never add one it does not declare.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JurisdictionDeclaredAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.JurisdictionRequired,
        "Facial data processed and no jurisdiction declared",
        "Purpose '{0}' is declared, but the assembly declares no jurisdiction: add [assembly: OperatesIn(Jurisdiction.…)] for each jurisdiction where the application operates",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Which law applies depends on where the application operates: declare each jurisdiction once with [assembly: OperatesIn(jurisdiction)], with the parameters its profile needs. Purposes serve all of them unless they narrow them with FacialDataPurpose.Jurisdictions.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.JurisdictionRequired));

    internal static readonly DiagnosticDescriptor NotDeclaredRule = new(
        RuleIdentifiers.JurisdictionNotDeclared,
        "Purpose serves a jurisdiction the assembly does not declare",
        "Purpose '{0}' lists {1} in Jurisdictions, but the assembly declares no [assembly: OperatesIn] for it: a purpose may only narrow the assembly's jurisdictions",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "FacialDataPurpose.Jurisdictions narrows the jurisdictions the assembly declares with [assembly: OperatesIn]; it cannot add one, because the assembly-level declarations are what the notices, assessments and runtime are built from.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.JurisdictionNotDeclared));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, NotDeclaredRule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var declared = DeclaredJurisdictions(start.Compilation.Assembly, model.Symbols.OperatesIn);
            start.RegisterPurposeTypeAction(model, (symbolContext, type, purpose) =>
            {
                if (declared.Count == 0)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(Rule, purpose.GetLocation(type, symbolContext.CancellationToken), type.Name));
                }

                var undeclared = PurposeJurisdictions(purpose).Where(j => !declared.Contains(j)).Distinct().ToList();
                if (undeclared.Count > 0)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(NotDeclaredRule, purpose.GetLocation(type, symbolContext.CancellationToken),
                        type.Name, string.Join(", ", undeclared.Select(Name))));
                }
            });
        });
    }

    /// <summary>The <c>LawValues.Jurisdiction*</c> values of the assembly's <c>[OperatesIn]</c> attributes.</summary>
    internal static HashSet<int> DeclaredJurisdictions(IAssemblySymbol assembly, INamedTypeSymbol? operatesIn)
    {
        var declared = new HashSet<int>();
        if (operatesIn is null)
        {
            return declared;
        }

        foreach (var attribute in assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, operatesIn)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int jurisdiction)
            {
                declared.Add(jurisdiction);
            }
        }

        return declared;
    }

    /// <summary>The values of the purpose's <c>Jurisdictions</c> array; empty when it does not narrow.</summary>
    internal static IEnumerable<int> PurposeJurisdictions(AttributeData purpose)
    {
        foreach (var argument in purpose.NamedArguments)
        {
            if (argument.Key == "Jurisdictions" && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            {
                foreach (var value in argument.Value.Values)
                {
                    if (value.Value is int jurisdiction)
                    {
                        yield return jurisdiction;
                    }
                }
            }
        }
    }

    private static string Name(int jurisdiction)
        => jurisdiction >= 0 && jurisdiction < LawValues.JurisdictionIds.Length
            ? LawValues.JurisdictionIds[jurisdiction]
            : jurisdiction.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
