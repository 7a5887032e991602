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
/// FC0110-FC0114: the EU AI Act's Article 5 bans, for purposes serving <c>EU-AIACT</c> (the assembly declares
/// <c>[assembly: OperatesIn(Jurisdiction.EU_AIACT)]</c> and the purpose's <c>Jurisdictions</c> do not narrow it away),
/// judged from the purpose's declarations by <see cref="AiActClassification"/>, which also writes the generated
/// classification statement; and FC0114, a 1:N purpose that does not say whether it is remote.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AiActAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor ScrapingRule = Ban(
        RuleIdentifiers.AiActUntargetedScraping,
        "Facial recognition database built by untargeted scraping",
        "Creating or expanding facial recognition databases through the untargeted scraping of facial images from the internet or CCTV footage is prohibited (AI Act Art. 5(1)(e), since 2025-02-02). A 1:1 or 1:N purpose declares where its images come from in ImageSource.");

    internal static readonly DiagnosticDescriptor EmotionRule = Ban(
        RuleIdentifiers.AiActEmotionAtWorkOrSchool,
        "Emotion recognition in a workplace or education institution",
        "Inferring emotions of a natural person in the areas of workplace and education institutions is prohibited, except where intended for medical or safety reasons (AI Act Art. 5(1)(f), since 2025-02-02). FaceCompliance counts the Expression attribute as emotion recognition.");

    internal static readonly DiagnosticDescriptor CategorisationRule = Ban(
        RuleIdentifiers.AiActSensitiveCategorisation,
        "Biometric categorisation by a sensitive attribute",
        "Biometric categorisation that deduces or infers race, political opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation is prohibited (AI Act Art. 5(1)(g), since 2025-02-02). FaceCompliance counts ethnicity as race.");

    internal static readonly DiagnosticDescriptor RealTimeRule = Ban(
        RuleIdentifiers.AiActRealTimeIdentification,
        "Real-time remote biometric identification for law enforcement",
        "Real-time remote biometric identification in publicly accessible spaces for law enforcement is prohibited except where strictly necessary for one of the objectives of Art. 5(1)(h)(i)-(iii), under national law and a prior authorisation (AI Act Art. 5(1)(h), 5(2)-(5), since 2025-02-02). The purpose names the objective in RealTimeException and the law and authorisation in RealTimeAuthorisation.");

    internal static readonly DiagnosticDescriptor IdentificationModeRule = new(
        RuleIdentifiers.AiActIdentificationModeRequired,
        "1:N purpose does not declare whether it is remote",
        "Purpose '{0}' serves EU-AIACT and identifies people 1:N, but does not declare IdentificationMode: declare NotRemote (the person takes part actively), PostRemote or RealTimeRemote, which decides whether it is high-risk remote biometric identification (Annex III 1(a))",
        RuleCategories.AiAct,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Whether a 1:N purpose is remote biometric identification (without the person's active involvement; AI Act Art. 3(41)) decides whether it is high-risk (Annex III 1(a)), needs Art. 12 logs and two-person confirmation (Art. 14(5)), and may be banned (Art. 5(1)(h)). The declaration says which.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.AiActIdentificationModeRequired));

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> s_bans = new[] { ScrapingRule, EmotionRule, CategorisationRule, RealTimeRule }
        .ToImmutableDictionary(d => d.Id);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(ScrapingRule, EmotionRule, CategorisationRule, RealTimeRule, IdentificationModeRule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var declared = JurisdictionDeclaredAnalyzer.DeclaredJurisdictions(start.Compilation.Assembly, model.Symbols.OperatesIn);
            if (!declared.Contains(LawValues.JurisdictionEUAiAct))
            {
                return;
            }

            // The law date (FaceComplianceLawDate) decides what applies: the bans from 2025-02-02, the high-risk duties
            // (which make the identification mode matter) from the Annex III date.
            var lawDate = ProfileContext.Create(start.Compilation, start.Options, model.Symbols).LawDate;
            var bansInForce = JurisdictionRequirementTable.AiActBansInForce.InForceOn(lawDate);
            var highRiskInForce = JurisdictionRequirementTable.AiActHighRiskInForce.InForceOn(lawDate);
            if (!bansInForce && !highRiskInForce)
            {
                return;
            }

            start.RegisterPurposeTypeAction(model, (symbolContext, type, attribute) =>
            {
                if (!AiActDeclaration.ServesAiAct(declared, JurisdictionDeclaredAnalyzer.PurposeJurisdictions(attribute)))
                {
                    return;
                }

                var purpose = DeclarationReader.ReadPurpose(type, attribute, symbolContext.CancellationToken);
                var classification = AiActDeclaration.Classify(purpose);
                var location = attribute.GetLocation(type, symbolContext.CancellationToken);
                foreach (var ban in bansInForce ? classification.Bans : [])
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(s_bans[ban.RuleId], location, type.Name, ban.Reason, ban.Article));
                }

                if (highRiskInForce && classification.Category == AiActCategory.Undetermined)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(IdentificationModeRule, location, type.Name));
                }
            });
        });
    }

    private static DiagnosticDescriptor Ban(string id, string title, string description) => new(
        id,
        title,
        "Purpose '{0}' serves EU-AIACT and is prohibited: {1} (AI Act {2})",
        RuleCategories.AiAct,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: description,
        helpLinkUri: RuleIdentifiers.GetHelpUri(id));
}
