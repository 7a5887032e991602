using System.Collections.Immutable;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0012: a user-defined operator or conversion that processes facial data (its own <c>[ProcessesFacialData]</c>, or
/// its type's for an operator that takes or returns facial data) or requires consent. The rules check calls, object
/// creations, method groups and property accesses; <c>a + b</c> or <c>(Template)frame</c> is none of them, so such an
/// operator would process faces unchecked wherever it is written. Reported at its declaration (fail closed).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OperatorProcessingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.OperatorProcessesFacialData,
        "Operator or conversion processes facial data",
        "'{0}' {1}, but the facial-data rules do not check where an operator or conversion is used: make it a named method",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Purpose, consent and alternative are checked at calls, object creations, method groups and property accesses. An operator or conversion runs wherever an expression applies it, so one that processes facial data or requires consent would escape every rule; a named method does not.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.OperatorProcessesFacialData));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            if (!model.Symbols.HasDeclarations)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, model), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, FacialModel model)
    {
        if (context.Symbol is not IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } method)
        {
            return;
        }

        var what = model.GetDeclaredProcessing(method) is { } processes ? $"processes facial data ({processes})"
            : model.Symbols.Has(method, model.Symbols.RequiresFacialConsent) ? "requires facial-data consent"
            : null;
        if (what is not null)
        {
            var name = method.MethodKind == MethodKind.Conversion
                ? $"{method.ContainingType.Name}.{(method.Name == WellKnownMemberNames.ImplicitConversionName ? "implicit" : "explicit")} operator {method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}"
                : $"{method.ContainingType.Name}.operator {SyntaxFacts.GetText(SyntaxFacts.GetOperatorKind(method.Name))}";
            context.ReportDiagnostic(Diagnostic.Create(Rule, method.Locations[0], name, what));
        }
    }
}
