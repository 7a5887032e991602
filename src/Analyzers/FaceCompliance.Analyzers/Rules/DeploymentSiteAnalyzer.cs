using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0015: where a purpose is deployed (Measures Art. 13; PIPL Art. 26). A site the profile prohibits (hotel room,
/// public bath, changing room, toilet) is reported whatever else is declared; a public-place purpose must serve the
/// profile's public-place kind (public safety) or cite the law that allows otherwise; and 1:N identification under a
/// public-place purpose of another kind is reported at the use, a cited law notwithstanding.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeploymentSiteAnalyzer : DiagnosticAnalyzer
{
    private static readonly JurisdictionProfile s_profile = JurisdictionProfiles.China;

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.DeploymentSiteNotAllowed,
        "Face recognition deployed where the law does not allow it",
        "{0} ({1})",
        RuleCategories.Purpose,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Face recognition devices may be installed in public places only where public safety needs them, unless a law provides otherwise, and never inside private spaces of public places: hotel rooms, public baths, changing rooms, toilets (Measures Art. 13). Images collected in public places serve public safety only (PIPL Art. 26), so 1:N identification there for another purpose is not allowed.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DeploymentSiteNotAllowed));

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
        var problem = DescribeSite(type.Name, purpose);
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, attribute.GetLocation(type, context.CancellationToken), problem, s_profile.Cite(RuleIdentifiers.DeploymentSiteNotAllowed)));
        }
    }

    /// <summary>Why the purpose's declared site is not allowed, or null.</summary>
    internal static string? DescribeSite(string name, PurposeDeclaration purpose)
    {
        var site = LawValues.Name(LawValues.SiteNames, purpose.Site);
        if (s_profile.IsProhibitedSite(purpose.Site))
        {
            return $"Purpose '{name}' is deployed in a private space (Site = FacialDeploymentSite.{site}), where no face recognition device may be installed whatever else is declared: "
                + "deploy it outside hotel rooms, public baths, changing rooms and toilets";
        }

        if (purpose.Site != LawValues.SitePublicPlace || purpose.Kind == s_profile.PublicPlaceKind)
        {
            return null;
        }

        var missingLaw = new List<string>();
        if (purpose.PublicPlaceLawZh.Length == 0)
        {
            missingLaw.Add("PublicPlaceLawZh");
        }

        if (purpose.PublicPlaceLawEn.Length == 0)
        {
            missingLaw.Add("PublicPlaceLawEn");
        }

        if (missingLaw.Count == 0)
        {
            return null;
        }

        var kind = LawValues.Name(LawValues.KindNames, purpose.Kind);
        var required = LawValues.Name(LawValues.KindNames, s_profile.PublicPlaceKind);
        return missingLaw.Count == 2
            ? $"Purpose '{name}' is deployed in a public place for a {kind} purpose and cites no law that allows it: declare Kind = FacialPurposeKind.{required} if it serves public safety, or name the law in PublicPlaceLawZh and PublicPlaceLawEn"
            : $"Purpose '{name}' is deployed in a public place for a {kind} purpose and cites the law that allows it in one language only (missing {missingLaw[0]}): the notice names it in both";
    }

    /// <summary>
    /// A 1:N use is reported when every declared purpose that allows 1:N is in a public place for another kind than
    /// the profile's. Purposes that do not allow 1:N are FC0005's, a site with no purpose FC0001's, a wrapper's uses its callers'.
    /// </summary>
    private static void AnalyzeUse(OperationAnalysisContext context, FacialModel model, FacialUse use)
    {
        if (use.Api.Kind != FacialApiKind.Processing || use.Api.Method != ProcessingMethod.Identification)
        {
            return;
        }

        var site = model.GetSite(use.Operation, context.ContainingSymbol);
        if (site.IsWrapper)
        {
            return;
        }

        var publicPlacePurposes = new List<string>();
        foreach (var purposeType in site.Purposes)
        {
            if (!ProcessingMethods.Allows(model.Symbols.GetPurposeMethod(purposeType), use.Api.Method))
            {
                continue;
            }

            if (Read(model, purposeType, context.CancellationToken) is not { Site: LawValues.SitePublicPlace } purpose || purpose.Kind == s_profile.PublicPlaceKind)
            {
                return;
            }

            publicPlacePurposes.Add($"'{purposeType.Name}' ({LawValues.Name(LawValues.KindNames, purpose.Kind)})");
        }

        if (publicPlacePurposes.Count > 0)
        {
            var required = LawValues.Name(LawValues.KindNames, s_profile.PublicPlaceKind);
            context.ReportDiagnostic(Diagnostic.Create(Rule, use.Operation.Syntax.GetLocation(),
                $"'{use.DisplayName}' identifies people (1:N) in a public place, but the purpose {string.Join(" and ", publicPlacePurposes)} is not {required}, and images collected in a public place serve public safety only, whatever law the purpose cites: "
                    + $"declare Kind = FacialPurposeKind.{required}, or verify the claimed person (1:1) instead",
                s_profile.Cite(RuleIdentifiers.DeploymentSiteNotAllowed)));
        }
    }

    private static PurposeDeclaration? Read(FacialModel model, ITypeSymbol purpose, CancellationToken cancellationToken)
        => purpose.OriginalDefinition is INamedTypeSymbol type && model.Symbols.Find(type, model.Symbols.FacialDataPurpose) is { } attribute
            ? DeclarationReader.ReadPurpose(type, attribute, cancellationToken)
            : null;
}
