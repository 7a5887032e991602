using System.Collections.Generic;
using System.Collections.Immutable;
using FaceCompliance.Analyzers.Internals;
using FaceCompliance.Analyzers.Model;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Rules;

/// <summary>
/// FC0008: a purpose must say everything the notice needs (Art. 5): descriptions, necessity and impact in zh-CN
/// and en, a method, and a bounded retention (Art. 8 §2); a verification or identification purpose also names
/// its non-biometric alternative (Art. 10), and a purpose deployed in a public place the collection area its sign
/// shows (Art. 13), a purpose that may involve minors the special rules for them (Art. 7; PIPL Art. 31 §2), and a
/// purpose based on another legal basis than consent the duty or law it relies on (PIPL Art. 13), and a purpose that
/// transfers face information abroad a mechanism of PIPL Art. 38, server storage, and the foreign recipient and its
/// country (PIPL Art. 39). A <c>[UsesFacialData&lt;T&gt;]</c> whose T is no purpose is reported too (on a lambda or local
/// function by <see cref="PurposeRequiredAnalyzer"/>, where it uses faces).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PurposeCompleteAnalyzer : DiagnosticAnalyzer
{
    public const string MaxRetentionDaysOption = "max_retention_days";
    public const int DefaultMaxRetentionDays = 3650;

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.PurposeIncomplete,
        "Purpose declaration incomplete",
        "Purpose '{0}' is incomplete: {1} (Measures, {2})",
        RuleCategories.Notice,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "People must be told the purpose, method, retention period, necessity and impact of processing (Measures Art. 5), and face information is kept no longer than the purpose needs (Art. 8 §2). Where face recognition verifies or identifies people, the notice names the way to do without it (Art. 10); in a public place, a sign shows the collection area (Art. 13); face information sent to a server names its recipient (Art. 8 §1); a purpose that may involve people under 14 states the special rules for their information (PIPL Art. 31 §2); a purpose based on a legal basis other than consent names the duty or law relied on (PIPL Art. 13); a purpose that transfers face information abroad stores it on a server, names a mechanism of PIPL Art. 38 and the foreign recipient and its country (PIPL Art. 39).",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.PurposeIncomplete));

    private static readonly string[] s_requiredTexts =
    {
        "DescriptionZh", "DescriptionEn", "NecessityZh", "NecessityEn", "ImpactZh", "ImpactEn",
    };

    private static readonly string[] s_alternativeTexts = { "AlternativeZh", "AlternativeEn" };

    private static readonly string[] s_collectionAreaTexts = { "CollectionAreaZh", "CollectionAreaEn" };

    private static readonly string[] s_transferRecipientTexts = { "TransferRecipientZh", "TransferRecipientEn" };

    private static readonly string[] s_minorsRulesTexts = { "MinorsRulesZh", "MinorsRulesEn" };

    private static readonly string[] s_legalBasisLawTexts = { "LegalBasisLawZh", "LegalBasisLawEn" };

    private static readonly string[] s_transferAbroadTexts = { "TransferAbroadRecipientZh", "TransferAbroadRecipientEn", "TransferAbroadCountryZh", "TransferAbroadCountryEn" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterFacialModelAction(static (start, model) =>
        {
            if (model.Symbols.FacialDataPurpose is null)
            {
                return;
            }

            start.RegisterPurposeTypeAction(model, AnalyzePurpose);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    // Most symbols have no attribute: no reporting delegate is made for them.
                    if (!symbolContext.Symbol.GetAttributes().IsEmpty)
                    {
                        AnalyzePurposeReferences(model, symbolContext.Symbol, symbolContext.ReportDiagnostic, symbolContext.CancellationToken);
                    }
                },
                SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property);
        });
    }

    private static void AnalyzePurpose(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData purpose)
    {
        var location = purpose.GetLocation(type, context.CancellationToken);
        var maxDays = context.Options.GetInt32Option(RuleIdentifiers.PurposeIncomplete, MaxRetentionDaysOption, location.SourceTree, DefaultMaxRetentionDays);
        var problems = new List<string>();
        var articles = new SortedSet<int>();
        var method = ProcessingMethods.FromAttributeArgument(purpose);
        if (method == ProcessingMethod.Unspecified)
        {
            problems.Add("the method is unspecified");
            articles.Add(5);
        }

        var named = new Dictionary<string, TypedConstant>();
        foreach (var argument in purpose.NamedArguments)
        {
            named[argument.Key] = argument.Value;
        }

        if (Missing(named, s_requiredTexts) is { } missing)
        {
            problems.Add("missing " + missing);
            articles.Add(5);
        }

        var days = named.TryGetValue("RetentionDays", out var retention) && retention.Value is int declared ? declared : 0;
        if (days < 1 || days > maxDays)
        {
            problems.Add($"RetentionDays must be between 1 and {maxDays} (is {days})");
            articles.Add(8);
        }

        if (method is ProcessingMethod.Verification or ProcessingMethod.Identification && Missing(named, s_alternativeTexts) is { } alternative)
        {
            problems.Add($"missing {alternative} ({(method == ProcessingMethod.Verification ? "a verification" : "an identification")} purpose's notice names the non-biometric alternative)");
            articles.Add(10);
        }

        if (named.TryGetValue("Site", out var site) && site.Value is Profiles.LawValues.SitePublicPlace)
        {
            if (Missing(named, s_collectionAreaTexts) is { } area)
            {
                problems.Add($"missing {area} (the sign of a purpose in a public place names the collection area)");
                articles.Add(13);
            }

            if (!ProcessorDeclaresNoticeLocation(type.ContainingAssembly))
            {
                problems.Add("the processor declares no NoticeLocation (the sign of a purpose in a public place says where to read the full rules)");
                articles.Add(13);
            }
        }

        if (named.TryGetValue("Storage", out var storage) && storage.Value is 1 && Missing(named, s_transferRecipientTexts) is { } recipient)
        {
            problems.Add($"missing {recipient} (a purpose that stores on a server sends face information off the device, and its notice names the recipient)");
            articles.Add(8);
        }

        if (named.TryGetValue("MayInvolveMinors", out var minors) && minors.Value is true && Missing(named, s_minorsRulesTexts) is { } minorsRules)
        {
            problems.Add($"missing {minorsRules} (a purpose that may involve people under 14 states the special rules for their information, PIPL Art. 31 §2, in its notice)");
            articles.Add(7);
        }

        var basis = named.TryGetValue("LegalBasis", out var declaredBasis) && declaredBasis.Value is int value ? value : LawValues.BasisConsent;
        if (System.Array.IndexOf(JurisdictionProfiles.China.LegalBases, basis) < 0)
        {
            problems.Add($"LegalBasis {basis} is none of the legal bases of PIPL Art. 13");
            articles.Add(5);
        }
        else if (basis != LawValues.BasisConsent && Missing(named, s_legalBasisLawTexts) is { } law)
        {
            problems.Add($"missing {law} (a purpose whose legal basis is {LawValues.Name(LawValues.BasisNames, basis)}, not consent, names the duty or law it relies on, PIPL Art. 13, in its notice)");
            articles.Add(5);
        }

        AnalyzeTransferAbroad(named, problems, articles);
        if (problems.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, type.Name, string.Join("; ", problems), Articles(articles)));
        }
    }

    /// <summary>
    /// A purpose that declares a transfer abroad (PIPL Art. 38) names one of the law's mechanisms, stores on a server
    /// (the data leaves the device: Measures Art. 8 §1) and names the foreign recipient and its country (PIPL Art. 39).
    /// </summary>
    private static void AnalyzeTransferAbroad(Dictionary<string, TypedConstant> named, List<string> problems, SortedSet<int> articles)
    {
        var mechanism = named.TryGetValue("TransferAbroad", out var declared) && declared.Value is int value ? value : LawValues.CrossBorderNone;
        if (mechanism == LawValues.CrossBorderNone)
        {
            return;
        }

        if (!LawValues.IsCrossBorderMechanism(mechanism))
        {
            problems.Add($"TransferAbroad {mechanism} is none of the mechanisms of PIPL Art. 38 (SecurityAssessment, Certification, StandardContract, LawOrTreaty)");
            articles.Add(8);
        }

        if (!(named.TryGetValue("Storage", out var storage) && storage.Value is 1))
        {
            problems.Add("a purpose that transfers face information abroad sends it off the device: declare Storage = Server (PIPL Art. 38)");
            articles.Add(8);
        }

        if (Missing(named, s_transferAbroadTexts) is { } missing)
        {
            problems.Add($"missing {missing} (a purpose that transfers face information abroad names the foreign recipient and its country in its notice, PIPL Art. 39)");
            articles.Add(8);
        }
    }

    /// <summary>
    /// Whether the assembly's [assembly: FacialDataProcessor] declares a non-empty NoticeLocation; true when it declares
    /// no processor at all (FC0007 reports that).
    /// </summary>
    private static bool ProcessorDeclaresNoticeLocation(IAssemblySymbol assembly)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "FacialDataProcessorAttribute" } processor && processor.ContainingNamespace?.ToDisplayString() == "FaceCompliance")
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "NoticeLocation" && argument.Value.Value is string location && !string.IsNullOrWhiteSpace(location))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return true;
    }

    /// <summary>The properties among <paramref name="properties"/> that are missing, empty or white space, comma-separated; null when none is.</summary>
    private static string? Missing(Dictionary<string, TypedConstant> named, string[] properties)
    {
        var missing = new List<string>();
        foreach (var property in properties)
        {
            if (!named.TryGetValue(property, out var value) || string.IsNullOrWhiteSpace(value.Value as string))
            {
                missing.Add(property);
            }
        }

        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    /// <summary>"Article 5", "Articles 5 and 8", "Articles 5, 8 and 10".</summary>
    private static string Articles(SortedSet<int> articles)
    {
        var numbers = new List<string>();
        foreach (var article in articles)
        {
            numbers.Add(article.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return numbers.Count == 1
            ? "Article " + numbers[0]
            : "Articles " + string.Join(", ", numbers.GetRange(0, numbers.Count - 1)) + " and " + numbers[numbers.Count - 1];
    }

    /// <summary>
    /// Reports each <c>[UsesFacialData&lt;T&gt;]</c> of <paramref name="symbol"/> whose T is no purpose. Lambdas and local
    /// functions are no symbols to symbol actions: <see cref="PurposeRequiredAnalyzer"/> checks theirs where they use
    /// faces, so that no analyzer adds an action for them.
    /// </summary>
    internal static void AnalyzePurposeReferences(FacialModel model, ISymbol symbol, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        if (model.Symbols.UsesFacialData is null)
        {
            return;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { TypeArguments.Length: 1 } attributeClass
                && SymbolEqualityComparer.Default.Equals(attributeClass.OriginalDefinition, model.Symbols.UsesFacialData)
                && attributeClass.TypeArguments[0] is { TypeKind: not TypeKind.Error } purpose
                && !model.Symbols.IsPurposeType(purpose))
            {
                report(Diagnostic.Create(Rule, attribute.GetLocation(symbol, cancellationToken), purpose.Name,
                    "the type has no [FacialDataPurpose] declaration", "Articles 5 and 8"));
            }
        }
    }
}
