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
        if (member is IMethodSymbol { MethodKind: not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation or MethodKind.PropertyGet or MethodKind.PropertySet) })
        {
            return;
        }

        (ProcessingMethod? Processes, bool RequiresConsent)? mine = null;

        // A member that declares nothing differs only from base members that declare something: interfaces none of
        // whose members declares anything are not searched for the members it implements.
        foreach (var (baseMember, relation) in member.GetOverriddenOrImplementedMembers(SearchInterface))
        {
            mine ??= Describe(model, member);
            var theirs = Describe(model, baseMember);
            if (mine.Value.Processes != theirs.Processes)
            {
                var text = theirs.Processes is { } method ? $"does not declare [ProcessesFacialData({method})] like"
                    : IsInSource(baseMember) ? $"declares [ProcessesFacialData({mine.Value.Processes})] unlike"
                    : $"processes facial data ({mine.Value.Processes}), which cannot be declared on the referenced";
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

        bool SearchInterface(INamedTypeSymbol @interface)
        {
            mine ??= Describe(model, member);
            return mine.Value.Processes is not null || mine.Value.RequiresConsent || model.InterfaceDeclaresObligations(@interface);
        }
    }

    private static bool IsInSource(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(SymbolAnalysisContext context, ISymbol member, string text, ISymbol baseMember, string relation)
        => context.ReportDiagnostic(Diagnostic.Create(Rule, member.Locations[0], DisplayName(member), text, DisplayName(baseMember), relation));

    private static string DisplayName(ISymbol member) => member is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } accessor
        ? $"{property.ContainingType.Name}.{property.Name}.{(accessor.MethodKind == MethodKind.PropertyGet ? "get" : "set")}"
        : member.ContainingType.Name + "." + member.Name;

    /// <summary>
    /// What callers of <paramref name="member"/> must do. An accessor is compared by its own attributes (its property's
    /// are compared at the property); a method or property by the one answer the uses get
    /// (<see cref="FacialModel.GetDeclaredProcessing"/>: its own attribute, or its type's for the members that covers).
    /// </summary>
    private static (ProcessingMethod? Processes, bool RequiresConsent) Describe(FacialModel model, ISymbol member)
    {
        if (member is IMethodSymbol { AssociatedSymbol: not null })
        {
            var own = model.Symbols.Find(member, model.Symbols.ProcessesFacialData);
            return (own is null ? null : ProcessingMethods.FromAttributeArgument(own), model.Symbols.Has(member, model.Symbols.RequiresFacialConsent));
        }

        return (model.GetDeclaredProcessing(member), model.Symbols.Has(member, model.Symbols.RequiresFacialConsent));
    }
}
