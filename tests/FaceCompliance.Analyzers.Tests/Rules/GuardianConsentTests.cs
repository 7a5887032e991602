using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>
/// FC0017: under a purpose that may involve people under 14, a guardian-aware consent check on every path before each
/// use (docs/semantics.md, "Consent checks" and "Flow analysis").
/// </summary>
public sealed class GuardianConsentTests
{
    /// <summary>A 1:1 purpose that may involve children, complete; and a guardian-aware bool check.</summary>
    private const string Purposes = """
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "核验学生身份以开启校门", DescriptionEn = "Verify pupils at the school gate",
            NecessityZh = "校门须确认进入者为本校学生", NecessityEn = "The gate must confirm that a pupil belongs here",
            ImpactZh = "人脸特征仅存于门禁设备内", ImpactEn = "Templates stay inside the gate",
            AlternativeZh = "刷校园卡", AlternativeEn = "Tap a school card", RetentionDays = 180,
            MayInvolveMinors = true,
            MinorsRulesZh = "仅在监护人同意后登记学生人脸；监护人可随时撤回。", MinorsRulesEn = "A pupil's face is enrolled only after a guardian consents; the guardian can withdraw at any time.")]
        public sealed partial class SchoolGate { }

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "依法核验乘车儿童", DescriptionEn = "Verify child passengers as the law requires",
            NecessityZh = "法定义务", NecessityEn = "A statutory duty", ImpactZh = "仅 1:1", ImpactEn = "1:1 only",
            AlternativeZh = "人工核验", AlternativeEn = "A manual check", RetentionDays = 30, MayInvolveMinors = true,
            MinorsRulesZh = "仅用于核验", MinorsRulesEn = "Used only to verify",
            LegalBasis = FacialLegalBasis.LegalDuty, LegalBasisLawZh = "某法第十条", LegalBasisLawEn = "Article 10 of a law")]
        public sealed partial class ChildPassengerCheck { }

        public interface IBasisGrants
        {
            [FacialBasisCheck] void Ensure<TPurpose>(string subject);
        }

        public interface IGuardianBook
        {
            [FacialConsentCheck(GuardianAware = true)] bool HasGuardianAwareConsent<TPurpose>(string subject);
            [FacialConsentCheck] bool HasConsent<TPurpose>(string subject);
        }

        [UsesFacialData<SchoolGate>]
        public static class Turnstile
        {
            [RequiresFacialConsent] public static void Open(string pupil) { }
        }
        """;

    private static string School(string members) => $$"""
        using FaceCompliance;

        [UsesFacialData<SchoolGate>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class School(IFaceEngine engine, IConsentBook consent, IGuardianBook guardians)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

        {{members}}
        }
        """;

    private static AnalyzerTest Test(string members) => new AnalyzerTest(School(members)).WithSource("Purposes.cs", Purposes);

    [Fact]
    public async Task A_consent_check_that_is_not_guardian_aware_is_FC0017()
    {
        var diagnostics = await Test("""
                public bool Enter(string id, Frame frame, Template t)
                {
                    consent.Ensure<SchoolGate>(id);
                    return {|FC0017:engine.Verify(frame, t)|};
                }
            """).RunAsync();

        Assert.Equal(
            "'IFaceEngine.Verify' processes facial data under a purpose that may involve people under 14, but no guardian-aware consent check for 'SchoolGate' holds on every path before it (Measures, Article 7; PIPL, Articles 28 and 31)",
            diagnostics.Single().GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task A_guardian_aware_check_is_not_reported() => Test("""
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.EnsureGuardian<SchoolGate>(id);
                return engine.Verify(frame, t);
            }
        """).RunAsync();

    [Fact]
    public Task A_guardian_aware_bool_check_holds_where_it_was_true() => Test("""
            public bool Enter(string id, Frame frame, Template t)
            {
                if (!guardians.HasGuardianAwareConsent<SchoolGate>(id)) return false;
                return engine.Verify(frame, t);
            }
        """).RunAsync();

    [Fact]
    public Task A_guardian_aware_check_on_one_path_only_is_FC0017() => Test("""
            public bool Enter(string id, Frame frame, Template t, bool staffPresent)
            {
                if (staffPresent) { consent.Ensure<SchoolGate>(id); }
                else { consent.EnsureGuardian<SchoolGate>(id); }
                return {|FC0017:engine.Verify(frame, t)|};
            }
        """).RunAsync();

    [Fact]
    public Task No_check_at_all_is_FC0002_alone() => Test("""
            public bool Enter(Frame frame, Template t) => {|FC0002:engine.Verify(frame, t)|};
        """).RunAsync();

    [Fact]
    public Task A_check_whose_purpose_is_unknown_must_be_guardian_aware() => Test("""
            public bool Enter(string id, Frame frame, Template t)
            {
                if (!consent.HasAnyConsent(id)) return false;
                return {|FC0017:engine.Verify(frame, t)|};
            }
        """).RunAsync();

    [Fact]
    public Task A_receipt_argument_does_not_prove_a_guardian_consent() => new AnalyzerTest("""
        using FaceCompliance;

        [UsesFacialData<SchoolGate>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class School(Matcher matcher)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public bool Enter(Frame frame, ConsentReceipt<SchoolGate> receipt) => {|FC0017:matcher.Verify(frame, receipt)|};
        }

        public sealed class Matcher
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification)] public bool Verify(Frame frame, ConsentReceipt<SchoolGate> receipt) => true;
        }
        """).WithSource("Purposes.cs", Purposes).RunAsync();

    [Fact]
    public async Task A_call_that_requires_consent_for_a_purpose_with_minors_needs_a_guardian_aware_check()
    {
        var diagnostics = await Test("""
                public void Admit(string id)
                {
                    consent.Ensure<SchoolGate>(id);
                    {|FC0017:Turnstile.Open(id)|};
                    consent.EnsureGuardian<SchoolGate>(id);
                    Turnstile.Open(id);
                }
            """).RunAsync();

        Assert.StartsWith("'Turnstile.Open' needs consent under a purpose that may involve people under 14, but no guardian-aware consent check for 'SchoolGate'", diagnostics.Single().GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task A_use_another_purpose_allows_is_judged_by_the_purpose_checked() => new AnalyzerTest("""
        using FaceCompliance;

        [UsesFacialData<SchoolGate>]
        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class School(IFaceEngine engine, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public bool EnterAsResident(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }

            public bool EnterAsPupil(string id, Frame frame, Template t)
            {
                consent.Ensure<SchoolGate>(id);
                return {|FC0017:engine.Verify(frame, t)|};
            }
        }
        """).WithSource("Purposes.cs", Purposes).RunAsync();

    [Fact]
    public Task A_purpose_without_minors_needs_no_guardian_aware_check() => AnalyzerTest.VerifyAsync(Snippets.InGate("""
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        """));

    [Fact]
    public Task Under_another_legal_basis_a_basis_check_needs_no_guardian() => new AnalyzerTest("""
        using FaceCompliance;

        [UsesFacialData<ChildPassengerCheck>]
        [NonBiometricAlternative(nameof(ShowTicket))]
        public class Platform(IFaceEngine engine, IBasisGrants grants)
        {
            public bool ShowTicket(string ticket) => ticket.Length > 0;

            public bool Board(string id, Frame frame, Template t)
            {
                grants.Ensure<ChildPassengerCheck>(id);
                return engine.Verify(frame, t);
            }
        }
        """).WithSource("Purposes.cs", Purposes).RunAsync();
}
