using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0016: what an attribute-analysis purpose estimates from a face. The purpose declares its attributes from a closed
/// list, none of them one the profile prohibits (ethnicity, race, religion, health, political opinion, sexual
/// orientation); every attribute an API of its uses estimates (its catalog line's <c>;Attributes=</c>, or its
/// <c>[ProcessesFacialData(Attributes = ...)]</c>) must be among them, so the notice's list is the whole list.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SensitiveAttributesAnalyzer : DiagnosticAnalyzer
{
    private static readonly JurisdictionProfile s_profile = JurisdictionProfiles.China;

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.SensitiveAttributes,
        "Face attributes estimated that are undeclared or prohibited",
        "{0} ({1})",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "People must be told exactly what is estimated from their face, and no purpose may estimate ethnicity, race, religion, health, political opinion or sexual orientation from it (the 2023 draft Measures; EU AI Act Art. 5(1)(g)). An AttributeAnalysis purpose declares its attributes from a closed list, and every attribute an API of its uses estimates must be declared.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SensitiveAttributes));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            start.RegisterPurposeTypeAction(model, AnalyzePurpose);
            start.RegisterFacialUseAction(model, (operationContext, use) => AnalyzeUse(operationContext, model, use));
        });
    }

    private static void AnalyzePurpose(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute)
    {
        var purpose = DeclarationReader.ReadPurpose(type, attribute, context.CancellationToken);
        string? problem = null;
        var prohibited = s_profile.ProhibitedAttributesIn(purpose.Attributes);
        if (prohibited != 0)
        {
            problem = $"Purpose '{type.Name}' declares that it estimates {Names(prohibited)} from faces, which no purpose may: remove {(IsSingleFlag(prohibited) ? "it" : "them")} from Attributes and use no API that estimates {(IsSingleFlag(prohibited) ? "it" : "them")}";
        }
        else if (purpose.Method == (int)ProcessingMethod.AttributeAnalysis && purpose.Attributes == 0)
        {
            problem = $"Purpose '{type.Name}' analyses face attributes but does not say which: declare them in Attributes (e.g. Attributes = FacialAttributes.AgeBand | FacialAttributes.Gender), which the notice lists";
        }

        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, attribute.GetLocation(type, context.CancellationToken), problem, s_profile.Cite(RuleIdentifiers.SensitiveAttributes)));
        }
    }

    private static void AnalyzeUse(OperationAnalysisContext context, FacialModel model, FacialUse use)
    {
        if (use.Api.Kind != FacialApiKind.Processing || use.Api.Method != ProcessingMethod.AttributeAnalysis)
        {
            return;
        }

        var site = model.GetSite(use.Operation, context.ContainingSymbol);
        if (site.IsWrapper ? !ProcessingMethods.Allows(site.WrapperMethod!.Value, use.Api.Method) : !model.SiteAllows(site, use.Api.Method))
        {
            return; // no purpose (FC0001), or none (or a wrapper) whose method allows attribute analysis (FC0005)
        }

        var estimated = model.GetDeclaredProcessing(use.Target) is not null ? model.GetDeclaredAttributes(use.Target) : model.Catalog.GetAttributes(use.Target);
        var problem = estimated == 0
            ? Unknown(use)
            : site.IsWrapper ? DescribeWrapper(model, site, use, estimated) : DescribePurposes(model, site, use, estimated, context.CancellationToken);
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, use.Operation.Syntax.GetLocation(), problem, s_profile.Cite(RuleIdentifiers.SensitiveAttributes)));
        }
    }

    /// <summary>An attribute API that names no attributes: what it estimates cannot be told, so the use fails closed.</summary>
    private static string Unknown(FacialUse use)
        => $"'{use.DisplayName}' analyses face attributes but does not say which, so the attributes the notice lists cannot be checked: name them in its FacialDataApis.txt line (;AttributeAnalysis;Attributes=AgeBand,Gender) or in its [ProcessesFacialData(Attributes = ...)]";

    /// <summary>A wrapper's callers are judged by its own declaration, so that must name what the APIs inside it estimate.</summary>
    private static string? DescribeWrapper(FacialModel model, UseSite site, FacialUse use, int estimated)
    {
        var missing = estimated & ~model.GetDeclaredAttributes(site.WrapperOwner!);
        return missing == 0
            ? null
            : $"'{use.DisplayName}' estimates {Names(missing)}, but the [ProcessesFacialData] of {site.WrapperOwner!.Describe()}, whose callers carry the obligations, does not name {(IsSingleFlag(missing) ? "it" : "them")}: add {Names(missing, " | ", "FacialAttributes.")} to its Attributes";
    }

    /// <summary>
    /// Null when some declared purpose that allows attribute analysis declares every estimated attribute; purposes that do
    /// not allow it are FC0005's, a site with no purpose FC0001's.
    /// </summary>
    private static string? DescribePurposes(FacialModel model, UseSite site, FacialUse use, int estimated, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var purposeType in site.Purposes)
        {
            if (!ProcessingMethods.Allows(model.Symbols.GetPurposeMethod(purposeType), use.Api.Method)
                || purposeType.OriginalDefinition is not INamedTypeSymbol type
                || model.Symbols.Find(type, model.Symbols.FacialDataPurpose) is not { } attribute)
            {
                continue;
            }

            var missing = estimated & ~DeclarationReader.ReadPurpose(type, attribute, cancellationToken).Attributes;
            if (missing == 0)
            {
                return null;
            }

            reasons.Add($"the purpose '{purposeType.Name}' does not declare {Names(missing)}");
        }

        if (reasons.Count == 0)
        {
            return null;
        }

        var prohibited = s_profile.ProhibitedAttributesIn(estimated);
        var fix = prohibited != 0
            ? $"no purpose may estimate {Names(prohibited)}: use another API"
            : $"add {Names(estimated, " | ", "FacialAttributes.")} to the purpose's Attributes, which the notice lists, or use an API that estimates less";
        return $"'{use.DisplayName}' estimates {Names(estimated)} from the face, but {string.Join(" and ", reasons)}: {fix}";
    }

    private static bool IsSingleFlag(int flags) => (flags & (flags - 1)) == 0;

    private static string Names(int flags, string separator = ", ", string prefix = "")
        => string.Join(separator, LawValues.FlagNames(flags, LawValues.Attributes).Select(name => prefix + name));
}
