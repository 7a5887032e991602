using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// The US state biometric laws' compile-time duties, per purpose over the jurisdictions it serves (the assembly's
/// <c>[OperatesIn]</c>, narrowed by the purpose's <c>Jurisdictions</c>), from the profile table:
/// FC0130: a public written retention and destruction policy before collection (BIPA §15(a); C.R.S. 6-1-1314(2));
/// FC0131: no sale, lease, trade or profit (BIPA §15(c); CUBI (c)(1); Colorado);
/// FC0132: disclosure only on the grounds every served profile lists (BIPA §15(d); CUBI (c)(1); Colorado).
/// A project that declares none of these jurisdictions gets none of these reports.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UsBiometricLawAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor PolicyRule = new(
        RuleIdentifiers.PublicRetentionPolicyRequired,
        "No public retention and destruction policy declared",
        "Purpose '{0}' serves {1}, whose law requires a public written retention and destruction policy before collection ({2}), but [assembly: OperatesIn(Jurisdiction.{3})] {4}: set PublicRetentionPolicyUrl to the absolute http(s) address where the generated policy is published",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Illinois BIPA §15(a) (and Colorado C.R.S. 6-1-1314(2)) require a written policy, available to the public, with a retention schedule and guidelines for permanently destroying biometric data, in place before collection. The build fails until the OperatesIn declaration of each such jurisdiction says where that policy is published.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PublicRetentionPolicyRequired));

    internal static readonly DiagnosticDescriptor ForProfitRule = new(
        RuleIdentifiers.BiometricDataForProfit,
        "Biometric data sold, leased, traded or provided for profit",
        "The [FacialDataRecipient] '{0}' on '{1}' is declared ForProfit, but the purpose serves {2}, which forbids selling, leasing, trading or otherwise profiting from biometric data ({3})",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Illinois BIPA §15(c) forbids selling, leasing, trading or otherwise profiting from biometric identifiers or information; Texas CUBI (c)(1) and Colorado forbid selling or leasing them. A recipient declared ForProfit on a purpose serving one of them fails the build; there is no exemption to declare.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.BiometricDataForProfit));

    internal static readonly DiagnosticDescriptor DisclosureRule = new(
        RuleIdentifiers.DisclosureBasisNotAllowed,
        "Biometric data disclosed on a ground the law does not list",
        "The [FacialDataRecipient] '{0}' on '{1}' declares the disclosure ground {2}, but the jurisdictions the purpose serves allow only {3} ({4}): set DisclosureBasis to one of them, or do not disclose",
        RuleCategories.Jurisdiction,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Illinois BIPA §15(d), Texas CUBI (c)(1) and Colorado C.R.S. 6-1-1314 allow disclosing biometric data only on the grounds they list. A purpose serving several of them may use only a ground all of them list (the intersection). Each recipient of such a purpose must declare its DisclosureBasis.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DisclosureBasisNotAllowed));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(PolicyRule, ForProfitRule, DisclosureRule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            var policyUrls = PolicyUrls(start.Compilation.Assembly, model.Symbols.OperatesIn);
            if (policyUrls.Count == 0)
            {
                return;
            }

            start.RegisterPurposeTypeAction(model, (symbolContext, type, purpose) =>
            {
                var profiles = ServedProfiles(policyUrls.Keys, purpose);
                if (profiles.Count == 0)
                {
                    return;
                }

                var location = purpose.GetLocation(type, symbolContext.CancellationToken);
                foreach (var profile in profiles)
                {
                    if (profile.RequiresPublicPolicy is { Value: true } policy)
                    {
                        var jurisdiction = Array.IndexOf(LawValues.JurisdictionIds, profile.Id);
                        var url = policyUrls[jurisdiction];
                        if (!IsPublicAddress(url))
                        {
                            symbolContext.ReportDiagnostic(Diagnostic.Create(PolicyRule, location, type.Name, profile.Id, Cite(policy.Rule, policy.Evidence),
                                LawValues.JurisdictionIds[jurisdiction].Replace('-', '_'),
                                string.IsNullOrWhiteSpace(url) ? "gives no PublicRetentionPolicyUrl" : $"gives '{url}', which is not an absolute http(s) address"));
                        }
                    }
                }

                var merged = ProfileMerge.Merge(profiles);
                var banners = profiles.Where(profile => profile.Bans.Any(ban => IsSaleBan(ban.Rule))).ToList();
                foreach (var attribute in type.GetAttributes().Where(DeclarationReader.IsRecipient))
                {
                    var recipient = DeclarationReader.ReadRecipient(attribute);
                    var recipientLocation = attribute.GetLocation(type, symbolContext.CancellationToken);
                    if (recipient.ForProfit && banners.Count > 0)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(ForProfitRule, recipientLocation, recipient.Id, type.Name,
                            string.Join(", ", banners.Select(profile => profile.Id)),
                            string.Join("; ", banners.Select(profile => profile.Bans.First(ban => IsSaleBan(ban.Rule))).Select(ban => Cite(ban.Rule, ban.Evidence)))));
                    }

                    if (merged.AllowedDisclosureBases is { } allowed && !allowed.Any(basis => (int)basis.Value == recipient.DisclosureBasis))
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DisclosureRule, recipientLocation, recipient.Id, type.Name,
                            LawValues.Name(LawValues.DisclosureBasisNames, recipient.DisclosureBasis),
                            allowed.Count == 0 ? "no ground at all" : string.Join(", ", allowed.Select(basis => LawValues.Name(LawValues.DisclosureBasisNames, (int)basis.Value))),
                            string.Join("; ", allowed.SelectMany(basis => basis.Sources).Select(source => source.ProfileId + " " + source.Rule).Distinct()
                                .DefaultIfEmpty(string.Join(", ", profiles.Where(p => p.AllowedDisclosureBases is not null).Select(p => p.Id))))));
                    }
                }
            });
        });
    }

    /// <summary>
    /// The profiles a purpose serves: the assembly's declared jurisdictions, narrowed by the purpose's
    /// <c>Jurisdictions</c> (an undeclared one there is FC0101's and ignored here).
    /// </summary>
    internal static List<JurisdictionRequirements> ServedProfiles(IEnumerable<int> declared, AttributeData purpose)
    {
        var declaredSet = new HashSet<int>(declared);
        var narrowed = JurisdictionDeclaredAnalyzer.PurposeJurisdictions(purpose).Where(declaredSet.Contains).ToList();
        return (narrowed.Count > 0 ? narrowed : declaredSet.ToList())
            .Distinct()
            .Where(j => j >= 0 && j < LawValues.JurisdictionIds.Length)
            .OrderBy(j => j)
            .Select(j => JurisdictionRequirementTable.Find(LawValues.JurisdictionIds[j]))
            .Where(profile => profile is not null)
            .Select(profile => profile!)
            .ToList();
    }

    /// <summary>Each declared jurisdiction with its <c>PublicRetentionPolicyUrl</c> (null when not set).</summary>
    private static Dictionary<int, string?> PolicyUrls(IAssemblySymbol assembly, INamedTypeSymbol? operatesIn)
    {
        var urls = new Dictionary<int, string?>();
        if (operatesIn is null)
        {
            return urls;
        }

        foreach (var attribute in assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, operatesIn)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int jurisdiction)
            {
                var url = attribute.NamedArguments.LastOrDefault(a => a.Key == "PublicRetentionPolicyUrl").Value.Value as string;
                urls[jurisdiction] = urls.TryGetValue(jurisdiction, out var earlier) && IsPublicAddress(earlier) ? earlier : url;
            }
        }

        return urls;
    }

    internal static bool IsPublicAddress(string? url)
        => !string.IsNullOrWhiteSpace(url)
            && Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The profile rows that ban selling biometric data: BIPA §15(c), CUBI (c)(1), Colorado's prohibitions.</summary>
    private static bool IsSaleBan(string rule) => rule is "IL-15C-NOPROFIT" or "TX-C1-NOSALE" or "CO-PROHIBIT";

    private static string Cite(string rule, string evidence) => $"JURISDICTIONS.md {rule}; {evidence}";
}
