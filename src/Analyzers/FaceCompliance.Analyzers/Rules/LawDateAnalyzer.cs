using System.Collections.Immutable;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0103: the MSBuild property <c>FaceComplianceLawDate</c>, the date the jurisdiction profiles are evaluated at, is
/// set but is not a <c>yyyy-MM-dd</c> date. Unset, the profiles are evaluated at <see cref="LawDate.Default"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LawDateAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.LawDateInvalid,
        "FaceComplianceLawDate is not a date",
        "FaceComplianceLawDate '{0}' is not a date in the form yyyy-MM-dd (for example 2026-12-01); the jurisdiction profiles cannot be evaluated at it",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The law's evaluation date decides which rows of each jurisdiction profile are in force. It comes from the MSBuild property FaceComplianceLawDate, never from the clock, so builds stay deterministic. Unset, FaceCompliance uses the fixed date it ships with.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.LawDateInvalid),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(static compilationContext =>
        {
            if (compilationContext.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(LawDate.BuildProperty, out var text)
                && !LawDate.TryParse(text, out _))
            {
                compilationContext.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, text));
            }
        });
    }
}
