using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// No claim of a generated notice can be false while the build passes. For each purpose kind (processing method), a
/// program whose three purposes make every claim the notice can make (on-device storage, no face images kept, a
/// guardian's consent for children; a transfer and a provision to a named recipient, each with its own consent; a
/// legal basis other than consent; for attribute analysis, the attributes estimated; a public-safety site) builds with
/// no diagnostic, and its generated notice states those claims. Each mutation makes one claim false in the code, and
/// the build fails with the rule that guards the claim, at the line that breaks it.
/// </summary>
public sealed class NoticeClaimTests
{
    private static readonly string[] s_methods = { "Detection", "Liveness", "AttributeAnalysis", "Verification", "Identification" };

    /// <summary>
    /// The claim each mutation falsifies, the notice sentence that makes it (for images, by its absence: a notice that
    /// does not say face images are kept says that only what the other elements name is kept), and the rule that must
    /// fail the build.
    /// </summary>
    private static readonly (string Claim, string Sentence, string Rule)[] s_claims =
    {
        ("storage: a network sink", "is never sent out over the internet", "FC0013"),
        ("storage: a cloud API", "is never sent out over the internet", "FC0013"),
        ("images: a file", "!We keep your face images themselves", "FC0014"),
        ("site: not for public safety", "where public safety needs them", "FC0015"),
        ("attributes: one more estimated", "to estimate age band", "FC0016"),
        ("minors: no guardian", "only with the prior consent of a parent or other guardian", "FC0017"),
        ("transfer: no separate consent", "we check that consent before every transfer", "FC0018"),
        ("recipients: none declared", "Other processors we provide your face information to", "FC0019"),
        ("basis: consent instead", "without asking for your consent", "FC0002"),
        ("images: kept without separate consent", "we check it before each image is kept", "FC0014"),
    };

    public static TheoryData<string> Methods() => new(s_methods);

    public static TheoryData<string, string> Mutations()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in s_methods)
        {
            foreach (var (claim, _, _) in s_claims.Where(c => method == "AttributeAnalysis" || !c.Claim.StartsWith("attributes", StringComparison.Ordinal)))
            {
                data.Add(method, claim);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task The_compliant_program_builds_clean_and_its_notices_make_every_claim(string method)
    {
        await new AnalyzerTest(Program(method, mutation: null)).WithoutPrelude().RunAsync();

        var sources = GeneratedNotices.Sources(false, Program(method, mutation: null));
        var notices = string.Join("\n", sources);
        var local = Assert.Single(sources, s => s.Contains("partial class Local", StringComparison.Ordinal));
        foreach (var (claim, sentence, _) in s_claims.Where(c => method == "AttributeAnalysis" || !c.Claim.StartsWith("attributes", StringComparison.Ordinal)))
        {
            // A claim made by the absence of a sentence is the on-device purpose's (the archive keeps images).
            var absent = sentence.StartsWith('!');
            Assert.True((absent ? local : notices).Contains(sentence.TrimStart('!'), StringComparison.Ordinal) != absent, $"{method}: the notice does not make the claim '{claim}' ('{sentence}').");
        }
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public Task A_mutation_that_makes_a_claim_false_fails_the_build(string method, string claim)
        => new AnalyzerTest(Program(method, claim)).WithoutPrelude().RunAsync();

    /// <summary>
    /// The program for <paramref name="method"/>; <paramref name="mutation"/> (a claim of <see cref="s_claims"/>) changes
    /// one line to contradict it, and marks where its rule must report.
    /// </summary>
    private static string Program(string method, string? mutation)
    {
        string Mark(string claim, string code) => mutation == claim ? $"{{|{s_claims.Single(c => c.Claim == claim).Rule}:{code}|}}" : code;
        string When(string claim, string original, string mutated) => mutation == claim ? mutated : original;

        var attributes = method == "AttributeAnalysis" ? ", Attributes = FacialAttributes.AgeBand" : "";
        var apiAttributes = method == "AttributeAnalysis" ? ", Attributes = FacialAttributes.AgeBand" : "";
        var processAttributes = method == "AttributeAnalysis" ? When("attributes: one more estimated", apiAttributes, ", Attributes = FacialAttributes.AgeBand | FacialAttributes.Gender") : "";

        // A use that several mutations report: marked with the rule of the mutation that applies, if any.
        string Use(string code, params (string Claim, string Rule)[] reports)
            => reports.FirstOrDefault(r => r.Claim == mutation && r.Rule.Length > 0) is ({ } _, { } rule) ? $"{{|{rule}:{code}|}}" : code;
        var kind = When("site: not for public safety", "FacialPurposeKind.PublicSafety", "FacialPurposeKind.General");
        var siteAtDeclaration = mutation == "site: not for public safety" ? "{|FC0015:" : "";
        var siteEnd = mutation == "site: not for public safety" ? "|}" : "";
        var recipient = When("recipients: none declared", """
            [FacialDataRecipient("hq", NameZh = "集团总部", NameEn = "Group headquarters", Contact = "privacy@group.example",
                PurposeZh = "集团门禁统一核验", PurposeEn = "Group-wide gate checks", Method = FacialProcessingMethod.{{method}},
                DataCategories = FacialDataCategories.FaceTemplate)]
            """, "");

        return $$"""
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;
            using FaceCompliance;

            [assembly: FacialDataProcessor("阳光花园物业服务有限公司", "privacy@sunny-gardens.example", NoticeLocation = "https://example.com/face-rules")]

            [{{siteAtDeclaration}}FacialDataPurpose(FacialProcessingMethod.{{method}},
                DescriptionZh = "小区入口", DescriptionEn = "The estate entrance", NecessityZh = "安全", NecessityEn = "Safety",
                ImpactZh = "仅在设备内", ImpactEn = "On the device only", RetentionDays = 30,
                AlternativeZh = "刷卡", AlternativeEn = "Tap a card", MayInvolveMinors = true,
                MinorsRulesZh = "儿童须监护人同意", MinorsRulesEn = "Children need a guardian's consent",
                Site = FacialDeploymentSite.PublicPlace, Kind = {{kind}},
                CollectionAreaZh = "东门", CollectionAreaEn = "the east gate"{{attributes}}){{siteEnd}}]
            public sealed partial class Local { }

            {{recipient.Replace("{{method}}", method, StringComparison.Ordinal)}}
            [FacialDataPurpose(FacialProcessingMethod.{{method}},
                DescriptionZh = "集团核验", DescriptionEn = "Group checks", NecessityZh = "统一门禁", NecessityEn = "One gate system",
                ImpactZh = "传至集团", ImpactEn = "Sent to the group", RetentionDays = 30,
                AlternativeZh = "刷卡", AlternativeEn = "Tap a card", Storage = FacialDataStorage.Server,
                TransferRecipientZh = "集团云（上海）", TransferRecipientEn = "The group cloud (Shanghai)"{{attributes}})]
            public sealed partial class Shared { }

            [FacialDataPurpose(FacialProcessingMethod.{{method}}, LegalBasis = FacialLegalBasis.LegalDuty,
                LegalBasisLawZh = "《消防法》第十六条", LegalBasisLawEn = "Fire Protection Law, Art. 16",
                DescriptionZh = "疏散", DescriptionEn = "Evacuation", NecessityZh = "消防", NecessityEn = "Fire safety",
                ImpactZh = "仅在演练时", ImpactEn = "During drills only", RetentionDays = 1,
                AlternativeZh = "人工点名", AlternativeEn = "A roll call"{{attributes}})]
            public sealed partial class Duty { }

            [FacialDataPurpose(FacialProcessingMethod.{{method}},
                DescriptionZh = "登记照片", DescriptionEn = "Enrolment photos", NecessityZh = "人工复核", NecessityEn = "Manual review",
                ImpactZh = "照片留存于设备", ImpactEn = "Photos stay on the device", RetentionDays = 30,
                AlternativeZh = "刷卡", AlternativeEn = "Tap a card", RetainsImages = true{{attributes}})]
            public sealed partial class Archive { }

            public interface IEngine
            {
                [ProcessesFacialData(FacialProcessingMethod.{{method}}{{processAttributes}})] bool Process(FaceImage image);
                [ProcessesFacialData(FacialProcessingMethod.{{method}}, OffDevice = true{{apiAttributes}})] bool ProcessInTheCloud(FaceImage image);
                [ProcessesFacialData(FacialProcessingMethod.{{method}}, ProvidesToRecipient = true{{apiAttributes}})] bool Provide(FaceImage image);
            }

            public interface IConsents
            {
                [FacialConsentCheck] void Ensure<TPurpose>(string person);
                [FacialConsentCheck(GuardianAware = true)] void EnsureGuardian<TPurpose>(string person);
                [FacialConsentCheck(Scopes = FacialConsentScopes.Transfer | FacialConsentScopes.Provision)] void EnsureShared<TPurpose>(string person);
                [FacialBasisCheck] void EnsureBasis<TPurpose>();
                [FacialConsentCheck(Scopes = FacialConsentScopes.ImageRetention)] void EnsureImages<TPurpose>(string person);
            }

            [UsesFacialData<Local>]
            [NonBiometricAlternative(nameof(TapCard))]
            public sealed class Gate(IEngine engine, IConsents consents, HttpClient http)
            {
                public bool TapCard(string card) => card.Length == 8;

                public async Task<bool> Enter(string person, byte[] frame, int width, int height)
                {
                    {{When("minors: no guardian", "consents.EnsureGuardian<Local>(person);", "consents.Ensure<Local>(person);")}}
                    using var image = FaceImage.FromRgb24(frame, width, height);
                    var admitted = {{Use("engine.Process(image)", ("minors: no guardian", "FC0017"), ("attributes: one more estimated", "FC0016"), ("site: not for public safety", method == "Identification" ? "FC0015" : ""))}};
                    {{When("storage: a network sink", "", "await " + Mark("storage: a network sink", "http.PostAsync(\"https://match.example\", new ByteArrayContent(frame))") + ";")}}
                    {{When("storage: a cloud API", "", "{|FC0018:" + Mark("storage: a cloud API", "engine.ProcessInTheCloud(image)") + "|};")}}
                    {{When("images: a file", "", Mark("images: a file", "File.WriteAllBytes(\"entry.rgb\", frame)") + ";")}}
                    return admitted;
                }
            }

            [UsesFacialData<Shared>]
            [NonBiometricAlternative(nameof(TapCard))]
            public sealed class GroupGate(IEngine engine, IConsents consents)
            {
                public bool TapCard(string card) => card.Length == 8;

                public bool Enter(string person, FaceImage image)
                {
                    {{When("transfer: no separate consent", "consents.EnsureShared<Shared>(person);", "consents.Ensure<Shared>(person);")}}
                    var matched = {{(mutation == "transfer: no separate consent" ? "{|FC0018:engine.ProcessInTheCloud(image)|}" : "engine.ProcessInTheCloud(image)")}};
                    return matched && {{(mutation == "transfer: no separate consent" ? "{|FC0018:engine.Provide(image)|}" : Mark("recipients: none declared", "engine.Provide(image)"))}};
                }
            }

            [UsesFacialData<Duty>]
            [NonBiometricAlternative(nameof(RollCall))]
            public sealed class Drill(IEngine engine, IConsents consents)
            {
                public bool RollCall(string name) => name.Length > 0;

                public bool Count(FaceImage image)
                {
                    {{When("basis: consent instead", "consents.EnsureBasis<Duty>();", "consents.Ensure<Duty>(\"drill\");")}}
                    return {{Use("engine.Process(image)", ("basis: consent instead", "FC0002"), ("attributes: one more estimated", "FC0016"))}};
                }
            }

            [UsesFacialData<Archive>]
            [NonBiometricAlternative(nameof(TapCard))]
            public sealed class PhotoDesk(IEngine engine, IConsents consents)
            {
                public bool TapCard(string card) => card.Length == 8;

                public bool Enrol(string person, byte[] frame, int width, int height)
                {
                    consents.EnsureGuardian<Archive>(person);
                    {{When("images: kept without separate consent", "consents.EnsureImages<Archive>(person);", "")}}
                    using var image = FaceImage.FromRgb24(frame, width, height);
                    {{Mark("images: kept without separate consent", "File.WriteAllBytes(person + \".rgb\", frame)")}};
                    return {{Use("engine.Process(image)", ("attributes: one more estimated", "FC0016"))}};
                }
            }
            """;
    }
}
