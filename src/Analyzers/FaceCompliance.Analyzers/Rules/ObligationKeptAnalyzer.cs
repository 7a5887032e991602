using System.Collections.Generic;
using System.Collections.Immutable;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0009: an override or interface implementation must carry the same obligations as the member it overrides
/// or implements (ILLink's IL2046 for RequiresUnreferencedCode), or calls through one of them escape the rules.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ObligationKeptAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.ObligationDropped,
        "Override or implementation does not keep the facial-data obligation of its base",
        "'{0}' {1} '{2}', which it {3}: calls through one of them escape the facial-data rules",
        RuleCategories.Consent,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The analyzers see the attributes of the member a call names. An override or implementation that drops or adds [ProcessesFacialData] or [RequiresFacialConsent] lets calls through the base or the derived member process facial data unchecked.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ObligationDropped));

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

            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, model), SymbolKind.Method, SymbolKind.Property);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, FacialModel model)
    {
        var member = context.Symbol;
        if (member is IMethodSymbol { MethodKind: not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation) })
        {
            return;
        }

        (ProcessingMethod? Processes, bool RequiresConsent)? mine = null;
        foreach (var (baseMember, relation) in member.GetOverriddenOrImplementedMembers())
        {
            mine ??= Describe(model, member);
            var theirs = Describe(model, baseMember);
            if (mine.Value.Processes != theirs.Processes)
            {
                var text = theirs.Processes is { } method
                    ? $"does not declare [ProcessesFacialData({method})] like"
                    : $"declares [ProcessesFacialData({mine.Value.Processes})] unlike";
                Report(context, member, text, baseMember, relation);
                return;
            }

            if (mine.Value.RequiresConsent != theirs.RequiresConsent)
            {
                Report(context, member, theirs.RequiresConsent ? "does not declare [RequiresFacialConsent] like" : "declares [RequiresFacialConsent] unlike",
                    baseMember, relation);
                return;
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, ISymbol member, string text, ISymbol baseMember, string relation)
        => context.ReportDiagnostic(Diagnostic.Create(Rule, member.Locations[0], member.ContainingType.Name + "." + member.Name, text,
            baseMember.ContainingType.Name + "." + baseMember.Name, relation));

    private static (ProcessingMethod? Processes, bool RequiresConsent) Describe(FacialModel model, ISymbol member)
    {
        var processes = model.Symbols.Find(member, model.Symbols.ProcessesFacialData);
        for (var type = member.ContainingType; processes is null && type is not null; type = type.ContainingType)
        {
            processes = model.Symbols.Find(type, model.Symbols.ProcessesFacialData);
        }

        return (processes is null ? null : ProcessingMethods.FromAttributeArgument(processes), model.Symbols.Has(member, model.Symbols.RequiresFacialConsent));
    }
}
