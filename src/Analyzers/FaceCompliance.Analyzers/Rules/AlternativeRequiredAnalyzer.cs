using System.Collections.Immutable;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>FC0003: a 1:1 or 1:N identity use needs a non-biometric alternative beside it (Art. 10).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AlternativeRequiredAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.AlternativeRequired,
        "Identity use of facial data without a non-biometric alternative",
        "'{0}' uses the face for {1}, but no non-biometric alternative is declared for {2}: add [NonBiometricAlternative(nameof(...))] to {3} (Measures, Article 10)",
        RuleCategories.Alternative,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Face recognition must not be the only way to verify identity where another way reaches the same purpose, and people who refuse must be offered a reasonable, convenient alternative (Measures, Article 10).",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.AlternativeRequired));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialUseAction(static (context, model, use) =>
        {
            if (use.Api.Kind != FacialApiKind.Processing || !ProcessingMethods.IsIdentity(use.Api.Method))
            {
                return;
            }

            var site = model.GetSite(use.Operation, context.ContainingSymbol);
            if (!site.IsWrapper && site.Alternative is null)
            {
                var verb = use.Api.Method == ProcessingMethod.Verification ? "1:1 verification" : "1:N identification";
                if (site.Member.IsDeclaredInHiddenCode(context.CancellationToken))
                {
                    // Razor markup compiles to a generated method (BuildRenderTree, ExecuteAsync) that no one can annotate.
                    context.ReportDiagnostic(Diagnostic.Create(Rule, use.Operation.Syntax.GetLocation(), use.DisplayName, verb,
                        $"the generated member '{site.Member.Name}'", PurposeRequiredAnalyzer.DescribeRazorType(site.Member, "[NonBiometricAlternative(nameof(...))]")));
                    return;
                }

                var notInherited = FacialModel.FindNotInherited(site.Member, s => model.Symbols.Has(s, model.Symbols.NonBiometricAlternative));
                context.ReportDiagnostic(Diagnostic.Create(Rule, use.Operation.Syntax.GetLocation(), use.DisplayName, verb, site.Member.Describe(),
                    PurposeRequiredAnalyzer.DescribeWhereToDeclare(site.Member)
                        + PurposeRequiredAnalyzer.DescribeNotInherited("[NonBiometricAlternative]", notInherited)));
            }
        });
    }
}
