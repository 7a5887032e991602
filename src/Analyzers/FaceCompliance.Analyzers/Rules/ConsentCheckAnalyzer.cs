using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FaceCompliance.Analyzers.Flow;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0002: consent for the use's purpose must be checked on every path before it (Art. 6, PIPL Art. 29).
/// FC0006: it was, but only for another purpose. Uses are only collected while walking a body; the control-flow
/// graph is built at the end of the body, and only when it holds a use (as CA1416 does).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsentCheckAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor MissingRule = new(
        RuleIdentifiers.ConsentCheckRequired,
        "Facial data processed without a consent check on every path",
        "'{0}' processes facial data without a consent check for {1} on every path before it (Measures, Article 6; PIPL, Article 29)",
        RuleCategories.Consent,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Processing facial information on the basis of consent needs the person's separate consent (Measures Art. 6; PIPL Art. 29). Call a [FacialConsentCheck] member for the purpose on every path before the call, or pass a consent receipt, or move the obligation to callers with [RequiresFacialConsent].",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ConsentCheckRequired));

    internal static readonly DiagnosticDescriptor OtherPurposeRule = new(
        RuleIdentifiers.ConsentForOtherPurpose,
        "Consent checked for a different purpose",
        "'{0}' needs consent for {1}, but consent was checked only for {2} (Measures, Article 6)",
        RuleCategories.Consent,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Consent is given for a purpose; consent to one purpose does not cover another (Measures Art. 6; PIPL Art. 14).",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ConsentForOtherPurpose));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(MissingRule, OtherPurposeRule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) => start.RegisterOperationBlockStartAction(block =>
        {
            var site = model.GetSite(block.OwningSymbol);
            if (site.ConsentMovedToCallers)
            {
                return;
            }

            var holdsUse = 0;
            block.RegisterOperationAction(
                operation =>
                {
                    if (Volatile.Read(ref holdsUse) == 0 && model.ClassifyUse(operation.Operation) is not null)
                    {
                        Volatile.Write(ref holdsUse, 1);
                    }
                },
                FacialModel.UseKinds);
            block.RegisterOperationBlockEndAction(end =>
            {
                if (Volatile.Read(ref holdsUse) == 0)
                {
                    return;
                }

                var roots = new HashSet<IOperation>();
                foreach (var operationBlock in end.OperationBlocks)
                {
                    var root = operationBlock;
                    while (root.Parent is not null)
                    {
                        root = root.Parent;
                    }

                    if (!HasControlFlowGraph(root) || !roots.Add(root))
                    {
                        continue;
                    }

                    foreach (var finding in ConsentFlowAnalysis.Run(model, site, end.GetControlFlowGraph(operationBlock), end.CancellationToken))
                    {
                        var location = finding.Use.Operation.Syntax.GetLocation();
                        end.ReportDiagnostic(finding.CheckedInstead is null
                            ? Diagnostic.Create(MissingRule, location, finding.Use.DisplayName, finding.Needed)
                            : Diagnostic.Create(OtherPurposeRule, location, finding.Use.DisplayName, finding.Needed, finding.CheckedInstead));
                    }
                }
            });
        }));
    }

    private static bool HasControlFlowGraph(IOperation root) => root.Kind is OperationKind.Block or OperationKind.MethodBody
        or OperationKind.ConstructorBody or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;
}
