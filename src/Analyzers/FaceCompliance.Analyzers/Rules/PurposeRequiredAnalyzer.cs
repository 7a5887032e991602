using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>FC0001: a use needs a declared purpose (Art. 4). FC0005: the use's method must stay within it (Art. 4-5).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PurposeRequiredAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The use's processing method, for the code fix to offer only purposes that allow it.</summary>
    internal const string MethodProperty = "Method";

    internal static readonly DiagnosticDescriptor PurposeRule = new(
        RuleIdentifiers.PurposeRequired,
        "Facial data processed without a declared purpose",
        "'{0}' processes facial data, but no purpose is declared for {1}: add [UsesFacialData<TPurpose>] to {2} (Measures, Article 4)",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Facial information may be processed only for a specific purpose with sufficient necessity (Measures, Article 4). Declare the purpose where it is processed.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PurposeRequired));

    internal static readonly DiagnosticDescriptor MethodRule = new(
        RuleIdentifiers.MethodExceedsPurpose,
        "Processing method exceeds the declared purpose",
        "'{0}' performs {1}, which exceeds {2} (Measures, Articles 4 and 5)",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "People are told the processing method of each purpose (Measures Art. 5); a call must not process more than that, such as 1:N identification under a 1:1 verification purpose.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.MethodExceedsPurpose));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(PurposeRule, MethodRule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialUseAction(static (context, model, use) =>
        {
            if (use.Api.Kind != FacialApiKind.Processing)
            {
                return;
            }

            var site = model.GetSite(context.ContainingSymbol);
            var location = use.Operation.Syntax.GetLocation();
            if (site.WrapperMethod is { } wrapperMethod)
            {
                if (!ProcessingMethods.Allows(wrapperMethod, use.Api.Method))
                {
                    context.ReportDiagnostic(Diagnostic.Create(MethodRule, location, use.DisplayName, use.Api.Method,
                        $"the {wrapperMethod} declared by '{site.Member.Name}' with [ProcessesFacialData]"));
                }

                return;
            }

            if (site.Purposes.IsEmpty)
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(MethodProperty, use.Api.Method.ToString());
                if (site.Member.IsTopLevelStatements())
                {
                    // '<Main>$' cannot carry an attribute; the Program type the compiler generates for it can, through a partial declaration.
                    context.ReportDiagnostic(Diagnostic.Create(PurposeRule, location, properties, use.DisplayName,
                        "the top-level statements", $"a 'partial class {site.Member.ContainingType.Name}' declaration after them"));
                    return;
                }

                if (site.Member.IsDeclaredInHiddenCode(context.CancellationToken))
                {
                    // Razor markup compiles to a generated method (BuildRenderTree, ExecuteAsync) that no one can annotate.
                    context.ReportDiagnostic(Diagnostic.Create(PurposeRule, location, properties, use.DisplayName,
                        $"the generated member '{site.Member.Name}'",
                        $"its type '{site.Member.ContainingType.Name}' (in a Razor file: @attribute [UsesFacialData<TPurpose>])"));
                    return;
                }

                // Fields and events cannot carry [UsesFacialData]: name their type.
                var declareOn = site.Member.Kind is SymbolKind.Field or SymbolKind.Event ? site.Member.ContainingType : site.Member;
                context.ReportDiagnostic(Diagnostic.Create(PurposeRule, location, properties, use.DisplayName, $"'{declareOn.Name}'", "it or its type"));
            }
            else if (!model.SiteAllows(site, use.Api.Method))
            {
                var declared = string.Join(", ", site.Purposes.Select(p => $"'{p.Name}' ({model.Symbols.GetPurposeMethod(p)})"));
                context.ReportDiagnostic(Diagnostic.Create(MethodRule, location, use.DisplayName, use.Api.Method, "the declared purpose " + declared));
            }
        });
    }
}
