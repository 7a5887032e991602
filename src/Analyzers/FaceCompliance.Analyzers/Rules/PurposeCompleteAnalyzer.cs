using System.Collections.Generic;
using System.Collections.Immutable;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0008: a purpose must say everything the notice needs (Art. 5): descriptions, necessity and impact in zh-CN
/// and en, a method, and a bounded retention (Art. 8 §2). A <c>[UsesFacialData&lt;T&gt;]</c> whose T is no purpose
/// is reported too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PurposeCompleteAnalyzer : DiagnosticAnalyzer
{
    public const string MaxRetentionDaysOption = "max_retention_days";
    public const int DefaultMaxRetentionDays = 3650;

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.PurposeIncomplete,
        "Purpose declaration incomplete",
        "Purpose '{0}' is incomplete: {1} (Measures, Articles 5 and 8)",
        RuleCategories.Notice,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "People must be told the purpose, method, retention period, necessity and impact of processing (Measures Art. 5), and face information is kept no longer than the purpose needs (Art. 8 §2).",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PurposeIncomplete));

    private static readonly string[] s_requiredTexts =
    {
        "DescriptionZh", "DescriptionEn", "NecessityZh", "NecessityEn", "ImpactZh", "ImpactEn",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            if (model.Symbols.FacialDataPurpose is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzePurpose(symbolContext, model), SymbolKind.NamedType);
            start.RegisterSymbolAction(symbolContext => AnalyzePurposeReferences(symbolContext, model),
                SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property);
        });
    }

    private static void AnalyzePurpose(SymbolAnalysisContext context, FacialModel model)
    {
        if (model.Symbols.Find(context.Symbol, model.Symbols.FacialDataPurpose) is not { } purpose)
        {
            return;
        }

        var location = purpose.GetLocation(context.Symbol, context.CancellationToken);
        var maxDays = context.Options.GetInt32Option(RuleIdentifiers.PurposeIncomplete, MaxRetentionDaysOption, location.SourceTree, DefaultMaxRetentionDays);
        var problems = new List<string>();
        if (ProcessingMethods.FromAttributeArgument(purpose) == ProcessingMethod.Unspecified)
        {
            problems.Add("the method is unspecified");
        }

        var named = new Dictionary<string, TypedConstant>();
        foreach (var argument in purpose.NamedArguments)
        {
            named[argument.Key] = argument.Value;
        }

        var missing = new List<string>();
        foreach (var property in s_requiredTexts)
        {
            if (!named.TryGetValue(property, out var value) || string.IsNullOrWhiteSpace(value.Value as string))
            {
                missing.Add(property);
            }
        }

        if (missing.Count > 0)
        {
            problems.Add("missing " + string.Join(", ", missing));
        }

        var days = named.TryGetValue("RetentionDays", out var retention) && retention.Value is int declared ? declared : 0;
        if (days < 1 || days > maxDays)
        {
            problems.Add($"RetentionDays must be between 1 and {maxDays} (is {days})");
        }

        if (problems.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, context.Symbol.Name, string.Join("; ", problems)));
        }
    }

    private static void AnalyzePurposeReferences(SymbolAnalysisContext context, FacialModel model)
    {
        if (model.Symbols.UsesFacialData is null)
        {
            return;
        }

        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { TypeArguments.Length: 1 } attributeClass
                && SymbolEqualityComparer.Default.Equals(attributeClass.OriginalDefinition, model.Symbols.UsesFacialData)
                && attributeClass.TypeArguments[0] is { TypeKind: not TypeKind.Error } purpose
                && !model.Symbols.IsPurposeType(purpose))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, attribute.GetLocation(context.Symbol, context.CancellationToken), purpose.Name,
                    "the type has no [FacialDataPurpose] declaration"));
            }
        }
    }
}
