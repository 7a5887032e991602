using System.Collections.Immutable;
using FaceCompliance.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0100: an assembly that declares purposes must say where it operates (<c>[assembly: OperatesIn(...)]</c>), so the
/// rules of each jurisdiction's profile can apply (JURISDICTIONS.md Part 2; generalises CN-ART2-SCOPE). Not enabled
/// by default yet: existing projects declare no jurisdiction, and China stays their implicit profile until the
/// profile rules read the declarations.
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
        isEnabledByDefault: false,
        description: "Which law applies depends on where the application operates: declare each jurisdiction once with [assembly: OperatesIn(jurisdiction)], with the parameters its profile needs. Purposes serve all of them unless they narrow them with FacialDataPurpose.Jurisdictions.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.JurisdictionRequired));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            if (model.Symbols.Has(start.Compilation.Assembly, model.Symbols.OperatesIn))
            {
                return;
            }

            start.RegisterPurposeTypeAction(model, static (symbolContext, type, purpose) =>
                symbolContext.ReportDiagnostic(Diagnostic.Create(Rule, purpose.GetLocation(type, symbolContext.CancellationToken), type.Name)));
        });
    }
}
