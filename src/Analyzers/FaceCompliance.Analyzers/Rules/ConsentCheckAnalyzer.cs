using System.Collections.Concurrent;
using System.Collections.Immutable;
using FaceCompliance.Analyzers.Flow;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0002: consent for the use's purpose must be checked on every path before it (Art. 6, PIPL Art. 29).
/// FC0006: it was, but only for another purpose. The control-flow graph of a body is built only when a use is
/// met in it, once per body; bodies without a use cost one lookup per call (docs/benchmarks/analyzer-cost.md).
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var analyzedBodies = new ConcurrentDictionary<SyntaxNode, bool>();
            start.RegisterFacialUseAction(model, (operationContext, use) =>
            {
                var site = model.GetSite(operationContext.ContainingSymbol);
                var root = use.Operation;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                if (site.ConsentMovedToCallers || !analyzedBodies.TryAdd(root.Syntax, true) || CreateGraph(root, operationContext) is not { } graph)
                {
                    return;
                }

                foreach (var finding in ConsentFlowAnalysis.Run(model, site, graph, operationContext.CancellationToken))
                {
                    var location = finding.Use.Operation.Syntax.GetLocation();
                    operationContext.ReportDiagnostic(finding.CheckedInstead is null
                        ? Diagnostic.Create(MissingRule, location, finding.Use.DisplayName, finding.Needed)
                        : Diagnostic.Create(OtherPurposeRule, location, finding.Use.DisplayName, finding.Needed, finding.CheckedInstead));
                }
            });
        });
    }

    private static ControlFlowGraph? CreateGraph(IOperation root, OperationAnalysisContext context) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body, context.CancellationToken),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body, context.CancellationToken),
        IBlockOperation body => ControlFlowGraph.Create(body, context.CancellationToken),
        IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, context.CancellationToken),
        IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, context.CancellationToken),
        IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer, context.CancellationToken),
        _ => null,
    };
}
