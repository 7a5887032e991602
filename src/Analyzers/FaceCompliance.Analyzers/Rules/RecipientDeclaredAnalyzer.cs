using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0019: a use of an API that provides facial data to another processor (a <c>FacialDataApis.txt</c> line marked
/// <c>;Provision</c>, or <c>[ProcessesFacialData(ProvidesToRecipient = true)]</c> or <c>RecipientId = "..."</c>) needs
/// a purpose that declares a complete <c>[FacialDataRecipient]</c>, the one named when the API names one, so that
/// the notice lists the recipient (PIPL Art. 23). An incomplete, repeated or misplaced recipient declaration is
/// reported where it is written. Whether the separate consent to the provision is checked before the use is FC0018's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RecipientDeclaredAnalyzer : DiagnosticAnalyzer
{
    private const string Description = "Before providing personal information to another processor, a processor tells the person the recipient's name, contact, purpose, method and the categories provided, and obtains a separate consent (PIPL Art. 23). An API that provides face data to another processor may be used only under a purpose that declares the recipient completely, so that the notice lists it.";

    internal static readonly DiagnosticDescriptor UseRule = new(
        RuleIdentifiers.RecipientUndeclared,
        "Facial data provided to another processor without a declared recipient",
        "'{0}' provides facial data to another processor, but {1} ({2})",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RecipientUndeclared));

    internal static readonly DiagnosticDescriptor DeclarationRule = new(
        RuleIdentifiers.RecipientUndeclared,
        "Facial data provided to another processor without a declared recipient",
        "The [FacialDataRecipient] '{0}' on '{1}' {2} ({3})",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: Description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RecipientUndeclared));

    private static readonly string s_citation = JurisdictionProfiles.China.Cite(RuleIdentifiers.RecipientUndeclared);

    private static readonly string s_recipientAttributeName = RecipientDeclaration.AttributeName.Substring(RecipientDeclaration.AttributeName.LastIndexOf('.') + 1);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(UseRule, DeclarationRule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            start.RegisterFacialUseAction(model, (context, use) => AnalyzeUse(context, model, use));
            start.RegisterSymbolAction(symbolContext => AnalyzeDeclarations(symbolContext, model), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeUse(OperationAnalysisContext context, FacialModel model, FacialUse use)
    {
        if (use.Api.Kind != FacialApiKind.Processing || !model.ProvidesToRecipient(use.Target, out var recipientId))
        {
            return;
        }

        var site = model.GetSite(use.Operation, context.ContainingSymbol);
        var problem = site.IsWrapper
            ? DescribeWrapper(model, site, recipientId)
            : DescribePurposes(model, site, recipientId);
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(UseRule, use.Operation.Syntax.GetLocation(), use.DisplayName, problem, s_citation));
        }
    }

    /// <summary>
    /// A wrapper's callers carry its obligations, so they must see that it provides: its own <c>[ProcessesFacialData]</c>
    /// must say <c>ProvidesToRecipient = true</c>, and name the same recipient when the API it calls names one.
    /// </summary>
    private static string? DescribeWrapper(FacialModel model, UseSite site, string recipientId)
    {
        var owner = site.WrapperOwner!;
        var declared = model.Symbols.Find(owner, model.Symbols.ProcessesFacialData);
        if (declared is null || !FacialModel.IsProvision(declared))
        {
            return $"the [ProcessesFacialData] of {owner.Describe()}, whose callers carry the obligations, does not say so: add ProvidesToRecipient = true to it, so that its callers need a purpose that declares the recipient";
        }

        var wrapperRecipient = FacialModel.RecipientIdOf(declared);
        return recipientId.Length > 0 && wrapperRecipient != recipientId
            ? $"the [ProcessesFacialData] of {owner.Describe()}, whose callers carry the obligations, {(wrapperRecipient.Length == 0 ? "names no recipient" : $"names the recipient '{wrapperRecipient}'")}: add RecipientId = \"{recipientId}\" to it, the recipient the call provides to"
            : null;
    }

    /// <summary>Null when some purpose of the site declares the recipient completely; otherwise why none does. No purpose at all is FC0001's.</summary>
    private static string? DescribePurposes(FacialModel model, UseSite site, string recipientId)
    {
        if (site.Purposes.IsEmpty)
        {
            return null;
        }

        var reasons = new List<string>();
        foreach (var purpose in site.Purposes)
        {
            if (purpose.OriginalDefinition is not INamedTypeSymbol type || !model.Symbols.Has(type, model.Symbols.FacialDataPurpose))
            {
                reasons.Add($"'{purpose.Name}' declares no [FacialDataPurpose]");
                continue;
            }

            // The generator's own reading of the declarations, so the rule and the notice agree on what is declared.
            var recipients = DeclarationReader.ReadRecipients(type).Where(r => recipientId.Length == 0 || r.Id == recipientId).ToList();
            if (recipients.Any(r => r.IsComplete))
            {
                return null;
            }

            var wanted = recipientId.Length == 0 ? "[FacialDataRecipient]" : $"[FacialDataRecipient(\"{recipientId}\")]";
            reasons.Add(recipients.Count == 0
                ? $"the purpose '{purpose.Name}' declares no {wanted}"
                : $"the {wanted} of the purpose '{purpose.Name}' is incomplete (missing {string.Join(", ", recipients[0].MissingMembers())})");
        }

        return string.Join(" and ", reasons)
            + ": declare the recipient on the purpose with its NameZh, NameEn, Contact, PurposeZh, PurposeEn, Method and DataCategories, which the notice lists and a separate consent covers";
    }

    /// <summary>Reports each <c>[FacialDataRecipient]</c> of a type that is incomplete, repeats an id, or sits on a type that is no purpose.</summary>
    private static void AnalyzeDeclarations(SymbolAnalysisContext context, FacialModel model)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        bool? isPurpose = null;
        HashSet<string>? seen = null;
        foreach (var attribute in type.GetAttributes())
        {
            // By name, as DeclarationReader reads them for the notice: what the notice lists is what is checked. Its
            // full-name comparison formats the name; the simple name rules out every other attribute without that.
            if (attribute.AttributeClass?.Name != s_recipientAttributeName || !DeclarationReader.IsRecipient(attribute))
            {
                continue;
            }

            isPurpose ??= model.Symbols.Has(type, model.Symbols.FacialDataPurpose);
            seen ??= new HashSet<string>(System.StringComparer.Ordinal);

            var recipient = DeclarationReader.ReadRecipient(attribute);
            var problem = isPurpose != true
                ? "is on a type that declares no [FacialDataPurpose]: recipients are declared on the purpose whose notice lists them"
                : recipient.MissingMembers() is { Count: > 0 } missing
                    ? $"is incomplete: missing {string.Join(", ", missing)} (the notice tells people each recipient's name, contact, purpose, method and categories)"
                    : !seen.Add(recipient.Id)
                        ? "repeats an id of the same purpose: the code names each recipient by a unique id"
                        : null;
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DeclarationRule, attribute.GetLocation(type, context.CancellationToken), recipient.Id, type.Name, problem, s_citation));
            }
        }
    }
}
