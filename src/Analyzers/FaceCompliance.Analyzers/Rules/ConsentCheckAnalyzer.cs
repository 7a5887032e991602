using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using FaceCompliance.Analyzers.Flow;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0002: consent for the use's purpose must be checked on every path before it (Art. 6, PIPL Art. 29).
/// FC0006: it was, but only for another purpose. FC0017: under a purpose that may involve minors, no guardian-aware
/// check holds on every path. FC0018: a use that needs a separate consent (a transfer off the device) has no check of
/// that scope on every path. One flow analysis per body answers all four. The control-flow graph of a body is built only when a use is
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
        "{0}, but no {1} check for {2} holds on every path before it{3} (Measures, Article 6; PIPL, Article 29)",
        RuleCategories.Consent,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Processing facial information on the basis of consent needs the person's separate consent (Measures Art. 6; PIPL Art. 29); on another legal basis, a grant of that basis (PIPL Art. 13). Call a [FacialConsentCheck] member for the purpose (a [FacialBasisCheck] member for a purpose whose LegalBasis is not Consent) on every path before the call, or pass a consent receipt, or move the obligation to callers with [RequiresFacialConsent].",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ConsentCheckRequired));

    internal static readonly DiagnosticDescriptor OtherPurposeRule = new(
        RuleIdentifiers.ConsentForOtherPurpose,
        "Consent checked for a different purpose",
        "{0} and needs {1} for {2}, but on some path before it {1} was checked only for {3}{4} (Measures, Article 6)",
        RuleCategories.Consent,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Consent is given for a purpose; consent to one purpose does not cover another (Measures Art. 6; PIPL Art. 14).",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ConsentForOtherPurpose));

    internal static readonly DiagnosticDescriptor GuardianRule = new(
        RuleIdentifiers.GuardianConsentRequired,
        "Purpose that may involve minors used without a guardian-aware consent check",
        "{0} under a purpose that may involve people under 14, but no guardian-aware consent check for {1} holds on every path before it{2} (" + JurisdictionProfiles.China.Cite(RuleIdentifiers.GuardianConsentRequired) + ")",
        RuleCategories.Consent,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Processing the face information of a person under 14 needs the consent of a parent or other guardian (Measures Art. 7; PIPL Arts. 28, 31). Under a purpose declared MayInvolveMinors, check consent on every path with a [FacialConsentCheck(GuardianAware = true)] member: one that knows the person's age band, requires the guardian's consent under 14 and refuses a person whose age is not known.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GuardianConsentRequired));

    internal static readonly DiagnosticDescriptor ScopeRule = new(
        RuleIdentifiers.SeparateConsentScopeRequired,
        "Separate consent not checked",
        "{0} {1}, which needs the person's separate consent ({2}), but no consent check for {3} that verifies it holds on every path before it{4} (" + JurisdictionProfiles.China.Cite(RuleIdentifiers.SeparateConsentScopeRequired) + ")",
        RuleCategories.Consent,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Sending face information off the device, or providing it to another processor, needs the person's separate consent to that, beyond the consent to the purpose (Measures Art. 8 §1; PIPL Arts. 23, 29, 39). Check it on every path before the call with a [FacialConsentCheck(Scopes = ...)] member that really verifies the scope (Transfer, Provision).",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SeparateConsentScopeRequired));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(MissingRule, OtherPurposeRule, GuardianRule, ScopeRule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            // Findings not yet reported, per analysed body, by the syntax of their use.
            var bodies = new ConcurrentDictionary<SyntaxNode, ConcurrentDictionary<SyntaxNode, ImmutableArray<ConsentFinding>>>();
            start.RegisterFacialUseAction(model, (operationContext, use) =>
            {
                var site = model.GetSite(operationContext.ContainingSymbol);
                var root = use.Operation;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                if (site.IsWrapper)
                {
                    return;
                }

                if (!bodies.TryGetValue(root.Syntax, out var pending))
                {
                    var findings = CreateGraph(root, operationContext) is { } graph
                        ? ConsentFlowAnalysis.Run(model, site, graph, operationContext.CancellationToken)
                        : Enumerable.Empty<ConsentFinding>();
                    var bySyntax = new ConcurrentDictionary<SyntaxNode, ImmutableArray<ConsentFinding>>(findings.GroupBy(f => f.Use.Operation.Syntax)
                        .Select(g => new KeyValuePair<SyntaxNode, ImmutableArray<ConsentFinding>>(g.Key, g.OrderBy(f => f.Kind).ToImmutableArray())));
                    if (bodies.TryAdd(root.Syntax, bySyntax))
                    {
                        ReportOrphans(operationContext, model, root, bySyntax);
                    }

                    pending = bodies[root.Syntax];
                }

                // Each use reports its own finding from its own action, so that the diagnostic is local to it (the IDE
                // computes it for the use's span, and code fixes are offered there).
                if (pending.TryRemove(use.Operation.Syntax, out var found))
                {
                    Report(operationContext, found);
                }
            });
        });
    }

    /// <summary>
    /// Findings at uses that exist only in the control-flow graph (a <c>foreach</c> over a processing enumerator),
    /// which no operation action meets: reported by the action that analysed the body.
    /// </summary>
    private static void ReportOrphans(OperationAnalysisContext context, FacialModel model, IOperation root, ConcurrentDictionary<SyntaxNode, ImmutableArray<ConsentFinding>> pending)
    {
        if (pending.IsEmpty)
        {
            // No finding in the body (the common case): no walk for uses.
            return;
        }

        var useSyntax = new HashSet<SyntaxNode>(root.DescendantsAndSelf().Where(o => model.ClassifyUse(o) is not null).Select(o => o.Syntax));
        foreach (var syntax in pending.Keys.Where(s => !useSyntax.Contains(s)).ToList())
        {
            if (pending.TryRemove(syntax, out var found))
            {
                Report(context, found);
            }
        }
    }

    private static void Report(OperationAnalysisContext context, ImmutableArray<ConsentFinding> findings)
    {
        foreach (var finding in findings)
        {
            context.ReportDiagnostic(Describe(finding));
        }
    }

    private static Diagnostic Describe(ConsentFinding finding)
    {
        var location = finding.Use.Operation.Syntax.GetLocation();
        var reason = finding.Reason is null ? string.Empty : ": " + finding.Reason;
        var name = $"'{finding.Use.DisplayName}'";
        switch (finding.Kind)
        {
            case ConsentFindingKind.NoGuardian:
                var what = finding.Use.Api.Kind == FacialApiKind.RequiresConsent ? " needs consent" : " processes facial data";
                return Diagnostic.Create(GuardianRule, location, name + what, finding.Needed, reason);
            case ConsentFindingKind.MissingScopes:
                var demand = finding.Demand!;
                return Diagnostic.Create(ScopeRule, location, name, demand.Action, ConsentScopeDemands.Names(demand.Scopes), finding.Needed, reason);
        }

        var subject = finding.Use.Api.Kind == FacialApiKind.RequiresConsent
            ? name + " is marked [RequiresFacialConsent]"
            : name + " processes facial data";
        return finding.CheckedInstead is null
            ? Diagnostic.Create(MissingRule, location, subject, finding.NeedsBasisCheck ? "basis" : "consent", finding.Needed, reason)
            : Diagnostic.Create(OtherPurposeRule, location, subject, finding.NeedsBasisCheck ? "a legal basis" : "consent", finding.Needed, finding.CheckedInstead, reason);
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
