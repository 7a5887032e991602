using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
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
/// Wrappers and <c>[RequiresFacialConsent]</c> members move the rules to their callers; a <c>[RequiresFacialConsent]</c>
/// member that declares no purpose is still analysed for the calls that need a named purpose, which its callers cannot know.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConsentCheckAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor MissingRule = new(
        RuleIdentifiers.ConsentCheckRequired,
        "Facial data processed without a consent check on every path",
        "{0}, but no consent check for {1} holds on every path before it{2} (Measures, Article 6; PIPL, Article 29)",
        RuleCategories.Consent,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Processing facial information on the basis of consent needs the person's separate consent (Measures Art. 6; PIPL Art. 29). Call a [FacialConsentCheck] member for the purpose on every path before the call, or pass a consent receipt, or move the obligation to callers with [RequiresFacialConsent].",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ConsentCheckRequired));

    internal static readonly DiagnosticDescriptor OtherPurposeRule = new(
        RuleIdentifiers.ConsentForOtherPurpose,
        "Consent checked for a different purpose",
        "{0} and needs consent for {1}, but on some path before it consent was checked only for {2}{3} (Measures, Article 6)",
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
            // Findings not yet reported, per analysed body, by the syntax of their use.
            var bodies = new ConcurrentDictionary<SyntaxNode, ConcurrentDictionary<SyntaxNode, ConsentFinding>>();
            start.RegisterFacialUseAction(model, (operationContext, use) =>
            {
                var site = model.GetSite(operationContext.ContainingSymbol);
                var root = use.Operation;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                if (site.IsWrapper || (site.RequiresConsent && !site.Purposes.IsEmpty))
                {
                    return;
                }

                if (!bodies.TryGetValue(root.Syntax, out var pending))
                {
                    var findings = CreateGraph(root, operationContext) is { } graph
                        ? ConsentFlowAnalysis.Run(model, site, graph, operationContext.CancellationToken)
                        : Enumerable.Empty<ConsentFinding>();
                    var bySyntax = new ConcurrentDictionary<SyntaxNode, ConsentFinding>(findings.Select(f => new KeyValuePair<SyntaxNode, ConsentFinding>(f.Use.Operation.Syntax, f)));
                    if (bodies.TryAdd(root.Syntax, bySyntax))
                    {
                        ReportOrphans(operationContext, model, root, bySyntax);
                    }

                    pending = bodies[root.Syntax];
                }

                // Each use reports its own finding from its own action, so that the diagnostic is local to it (the IDE
                // computes it for the use's span, and code fixes are offered there).
                if (pending.TryRemove(use.Operation.Syntax, out var finding))
                {
                    Report(operationContext, finding);
                }
            });
        });
    }

    /// <summary>
    /// Findings at uses that exist only in the control-flow graph (a <c>foreach</c> over a processing enumerator),
    /// which no operation action meets: reported by the action that analysed the body.
    /// </summary>
    private static void ReportOrphans(OperationAnalysisContext context, FacialModel model, IOperation root, ConcurrentDictionary<SyntaxNode, ConsentFinding> pending)
    {
        var useSyntax = new HashSet<SyntaxNode>(root.DescendantsAndSelf().Where(o => model.ClassifyUse(o) is not null).Select(o => o.Syntax));
        foreach (var syntax in pending.Keys.Where(s => !useSyntax.Contains(s)).ToList())
        {
            if (pending.TryRemove(syntax, out var finding))
            {
                Report(context, finding);
            }
        }
    }

    private static void Report(OperationAnalysisContext context, ConsentFinding finding)
    {
        var location = finding.Use.Operation.Syntax.GetLocation();
        var subject = finding.Use.Api.Kind == FacialApiKind.RequiresConsent
            ? $"'{finding.Use.DisplayName}' is marked [RequiresFacialConsent]"
            : $"'{finding.Use.DisplayName}' processes facial data";
        var reason = finding.Reason is null ? string.Empty : ": " + finding.Reason;
        context.ReportDiagnostic(finding.CheckedInstead is null
            ? Diagnostic.Create(MissingRule, location, subject, finding.Needed, reason)
            : Diagnostic.Create(OtherPurposeRule, location, subject, finding.Needed, finding.CheckedInstead, reason));
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
