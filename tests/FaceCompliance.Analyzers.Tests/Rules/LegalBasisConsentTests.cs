using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0002 and FC0006 under a legal basis other than consent (PIPL Art. 13): a [FacialBasisCheck] makes the use lawful,
/// a consent check does not; under consent, the reverse.
/// </summary>
public sealed class LegalBasisConsentTests
{
    private const string Declarations = """
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "依法核验旅客身份", DescriptionEn = "Verify travellers' identity as the law requires",
            NecessityZh = "法定实名核验义务", NecessityEn = "A statutory duty to verify identity",
            ImpactZh = "仅做 1:1 比对", ImpactEn = "1:1 comparison only", RetentionDays = 30,
            AlternativeZh = "人工核验证件", AlternativeEn = "A manual document check",
            LegalBasis = FacialLegalBasis.LegalDuty, LegalBasisLawZh = "某法第十条", LegalBasisLawEn = "Article 10 of a law")]
        public sealed partial class TravellerCheck { }

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "依法核验访客", DescriptionEn = "Verify visitors as the law requires",
            NecessityZh = "法定义务", NecessityEn = "A statutory duty",
            ImpactZh = "仅做 1:1 比对", ImpactEn = "1:1 comparison only", RetentionDays = 30,
            AlternativeZh = "登记", AlternativeEn = "Sign in",
            LegalBasis = FacialLegalBasis.LegalDuty, LegalBasisLawZh = "某法第十一条", LegalBasisLawEn = "Article 11 of a law")]
        public sealed partial class VisitorCheck { }

        public interface IBasisGrants
        {
            [FacialBasisCheck] void Ensure<TPurpose>(string subject);
            [FacialBasisCheck] bool Has<TPurpose>(string subject);
            [FacialBasisCheck] bool HasAny(string subject);
        }
        """;

    private static AnalyzerTest Test(string members, string purpose = "TravellerCheck") => new AnalyzerTest($$"""
        using FaceCompliance;

        [UsesFacialData<{{purpose}}>]
        [NonBiometricAlternative(nameof(ShowDocument))]
        public class Counter(IFaceEngine engine, IConsentBook consent, IBasisGrants grants)
        {
            public bool ShowDocument(string number) => number.Length > 0;

        {{members}}
        }
        """).WithSource("Declarations.cs", Declarations);

    [Fact]
    public Task A_basis_check_makes_a_use_under_a_legal_duty_lawful() => Test("""
            public bool Verify(string id, Frame frame, Template t)
            {
                grants.Ensure<TravellerCheck>(id);
                return engine.Verify(frame, t);
            }
        """).RunAsync();

    [Fact]
    public Task A_bool_basis_check_holds_where_it_was_true() => Test("""
            public bool Verify(string id, Frame frame, Template t)
                => grants.Has<TravellerCheck>(id) && engine.Verify(frame, t);
        """).RunAsync();

    [Fact]
    public async Task A_consent_check_under_a_legal_duty_is_FC0002_and_says_why()
    {
        var diagnostics = await Test("""
                public bool Verify(string id, Frame frame, Template t)
                {
                    consent.Ensure<TravellerCheck>(id);
                    return {|FC0002:engine.Verify(frame, t)|};
                }
            """).RunAsync();

        Assert.Equal(
            "'IFaceEngine.Verify' processes facial data, but no basis check for 'TravellerCheck' holds on every path before it: 'IConsentBook.Ensure' is a consent check, but 'TravellerCheck' declares the legal basis LegalDuty, which a [FacialBasisCheck] of its signed basis grant proves (or declare LegalBasis = FacialLegalBasis.Consent) (Measures, Article 6; PIPL, Article 29)",
            diagnostics.Single().GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_basis_check_under_consent_is_FC0002_and_says_why()
    {
        var diagnostics = await new AnalyzerTest(Snippets.InGate("""
                public bool Enter(string id, Frame frame, Template t, IBasisGrants grants)
                {
                    grants.Ensure<CommunityEntry>(id);
                    return {|FC0002:engine.Verify(frame, t)|};
                }
            """)).WithSource("Declarations.cs", Declarations).RunAsync();

        Assert.Equal(
            "'IFaceEngine.Verify' processes facial data, but no consent check for 'CommunityEntry' holds on every path before it: 'IBasisGrants.Ensure' is a basis check, but 'CommunityEntry' is based on consent, which a [FacialConsentCheck] proves (Measures, Article 6; PIPL, Article 29)",
            diagnostics.Single().GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task No_check_under_a_legal_duty_is_FC0002() => Test("""
            public bool Verify(Frame frame, Template t) => {|FC0002:engine.Verify(frame, t)|};
        """).RunAsync();

    [Fact]
    public async Task A_basis_check_for_another_purpose_is_FC0006_in_basis_words()
    {
        var diagnostics = await Test("""
                public bool Verify(string id, Frame frame, Template t)
                {
                    grants.Ensure<VisitorCheck>(id);
                    return {|FC0006:engine.Verify(frame, t)|};
                }
            """).RunAsync();

        Assert.Equal(
            "'IFaceEngine.Verify' processes facial data and needs a legal basis for 'TravellerCheck', but on some path before it a legal basis was checked only for 'VisitorCheck' (Measures, Article 6)",
            diagnostics.Single().GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task A_basis_check_whose_purpose_is_unknown_counts_for_every_purpose_not_based_on_consent_only() => Test("""
            public bool Verify(string id, Frame frame, Template t)
            {
                if (!grants.HasAny(id)) return false;
                return engine.Verify(frame, t);
            }

            [UsesFacialData<CommunityEntry>]
            public bool Enter(string id, Frame frame, Template t)
            {
                if (!grants.HasAny(id)) return false;
                return {|FC0006:engine.Verify(frame, t)|};
            }
        """).RunAsync();
}
