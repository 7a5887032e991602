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
using Microsoft.CodeAnalysis.Operations;

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
        if (use.Api.Kind != FacialApiKind.Processing || EstimatedAttributes(model, use) is not { } estimated)
        {
            return;
        }

        var site = model.GetSite(use.Operation, context.ContainingSymbol);
        var onRequest = use.Api.Method != ProcessingMethod.AttributeAnalysis;
        string? problem;
        if (site.IsWrapper && !ProcessingMethods.Allows(site.WrapperMethod!.Value, ProcessingMethod.AttributeAnalysis))
        {
            // An attribute API inside a wrapper of another method is FC0005's; attributes on request are not.
            problem = onRequest
                ? RequestedWithoutAttributeAnalysis(model, use, estimated, $"the [ProcessesFacialData] of {site.WrapperOwner!.Describe()}, whose callers carry the obligations, is {site.WrapperMethod}")
                : null;
        }
        else if (site.IsWrapper)
        {
            problem = estimated == 0 ? Unknown(use) : DescribeWrapper(model, site, use, estimated);
        }
        else if (!model.SiteAllows(site, ProcessingMethod.AttributeAnalysis))
        {
            // No purpose is FC0001's; an attribute API under purposes that allow no attribute analysis is FC0005's, but an
            // API of another method that estimates attributes on request is not, so it is reported here.
            problem = onRequest && !site.Purposes.IsEmpty
                ? RequestedWithoutAttributeAnalysis(model, use, estimated, "no declared purpose analyses attributes")
                : null;
        }
        else
        {
            problem = estimated == 0 ? Unknown(use) : DescribePurposes(model, site, use, estimated, context.CancellationToken);
        }

        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, use.Operation.Syntax.GetLocation(), problem, s_profile.Cite(RuleIdentifiers.SensitiveAttributes)));
        }
    }

    /// <summary>
    /// The attributes the use estimates, 0 when an attribute API names none, or null when it estimates none: an
    /// AttributeAnalysis API by its <c>[ProcessesFacialData(Attributes = ...)]</c> or its line's <c>;Attributes=</c>; an
    /// API of another method only by a line whose <c>;AttributesWhen=</c> argument the use passes.
    /// </summary>
    private static int? EstimatedAttributes(FacialModel model, FacialUse use)
    {
        if (model.GetDeclaredProcessing(use.Target) is not null)
        {
            return use.Api.Method == ProcessingMethod.AttributeAnalysis ? model.GetDeclaredAttributes(use.Target) : null;
        }

        var entry = model.Catalog.FindDecidingEntry(use.Target);
        if (entry?.AttributesWhen is { } parameter && !RequestsAttributes(use.Operation, parameter))
        {
            return null;
        }

        return use.Api.Method == ProcessingMethod.AttributeAnalysis || entry?.AttributesWhen is not null ? entry?.Attributes ?? 0 : null;
    }

    /// <summary>
    /// Whether the use passes an argument for <paramref name="parameter"/> that may request attributes: not when the
    /// argument is left out or is a constant <c>null</c> or <c>default</c>. A use that is not a call (a method group) and
    /// a method without such a parameter count as requesting (fail closed).
    /// </summary>
    private static bool RequestsAttributes(IOperation operation, string parameter)
    {
        if (operation is not IInvocationOperation invocation)
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name != parameter)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return false;
            }

            var value = argument.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return !(value is IDefaultValueOperation || value.ConstantValue is { HasValue: true, Value: null });
        }

        return true;
    }

    private static string RequestedWithoutAttributeAnalysis(FacialModel model, FacialUse use, int estimated, string why)
        => $"'{use.DisplayName}' may be asked for face attributes ({Names(estimated)}) through '{model.Catalog.FindDecidingEntry(use.Target)?.AttributesWhen}', but {why}: pass null or nothing for it, or use it under an AttributeAnalysis purpose that declares them";

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
            if (!ProcessingMethods.Allows(model.Symbols.GetPurposeMethod(purposeType), ProcessingMethod.AttributeAnalysis)
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
