using System.Collections.Immutable;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// For each purpose that serves the EU (<c>[assembly: OperatesIn(Jurisdiction.EU)]</c>, not narrowed away by the
/// purpose's <c>Jurisdictions</c>), whatever its method (1:1 verification too: Recital 51, EU-1TO1-SPECIAL):
/// FC0120, an element of the GDPR Art. 13 notice that no other rule checks is not declared (the supervisory authority,
/// 13(2)(d); whether providing the data is required and the consequences, 13(2)(e)); FC0121, the purpose's legal
/// basis is not consent, while the EU profile models explicit consent (Art. 9(2)(a)) as the only condition.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GdprNoticeAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor NoticeElementRule = new(
        RuleIdentifiers.GdprNoticeElementMissing,
        "GDPR Article 13 notice element not declared",
        "Purpose '{0}' serves the EU but does not declare what its GDPR Article 13 notice needs: {1}",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "At collection, a controller gives the information of GDPR Art. 13: among it the right to complain to a supervisory authority (13(2)(d)) and whether providing the data is a statutory or contractual requirement, whether the person must provide it and what happens if not (13(2)(e)). The generated Art. 13 notice takes them from OperatesIn(Jurisdiction.EU).SupervisoryAuthority and the purpose's ProvisionRequirementEn.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GdprNoticeElementMissing));

    internal static readonly DiagnosticDescriptor ExplicitConsentRule = new(
        RuleIdentifiers.GdprExplicitConsentRequired,
        "EU purpose not based on explicit consent",
        "Purpose '{0}' serves the EU with the legal basis {1}, but face data for recognition is special-category data (GDPR Article 9(1)) and the EU profile models explicit consent (Article 9(2)(a)) only: declare LegalBasis = FacialLegalBasis.Consent or narrow the purpose's Jurisdictions",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Processing biometric data to identify a person is prohibited unless an Art. 9(2) condition applies (GDPR Art. 9(1)); 1:1 verification is treated the same (Recital 51). The toolkit enforces explicit consent with withdrawal (Art. 9(2)(a), Art. 7(3)); other conditions (national law under Art. 9(4), for example) are not modelled, so an EU purpose with another basis fails the build.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GdprExplicitConsentRequired));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NoticeElementRule, ExplicitConsentRule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var operatesIn = DeclarationReader.ReadOperatesIn(start.Compilation.Assembly.GetAttributes());
            if (!operatesIn.Declares(LawValues.JurisdictionEU))
            {
                return;
            }

            start.RegisterPurposeTypeAction(model, (symbolContext, type, attribute) =>
            {
                var purpose = DeclarationReader.ReadPurpose(type, attribute, symbolContext.CancellationToken);
                if (!operatesIn.Serves(purpose, LawValues.JurisdictionEU))
                {
                    return;
                }

                var location = attribute.GetLocation(type, symbolContext.CancellationToken);
                var missing = GdprNotice.MissingElements(operatesIn, purpose);
                if (missing.Count > 0)
                {
                    symbolContext.ReportDiagnostic(Diagnostic.Create(NoticeElementRule, location, type.Name, string.Join(", ", missing)));
                }

                if (purpose.LegalBasis != LawValues.BasisConsent)
                {
                    var name = purpose.LegalBasis >= 0 && purpose.LegalBasis < LawValues.BasisNames.Length
                        ? LawValues.BasisNames[purpose.LegalBasis]
                        : purpose.LegalBasis.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    symbolContext.ReportDiagnostic(Diagnostic.Create(ExplicitConsentRule, location, type.Name, name));
                }
            });
        });
    }
}
