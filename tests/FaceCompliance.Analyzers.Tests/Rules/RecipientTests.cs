using System.Linq;
using System.Threading.Tasks;
using FaceCompliance.Analyzers.Tests.Harness;
using Xunit;

namespace FaceCompliance.Analyzers.Tests.Rules;

/// <summary>FC0019: APIs that provide facial data to another processor need a purpose that declares the recipient (PIPL Art. 23).</summary>
public sealed class RecipientTests
{
    /// <summary>
    /// A 1:1 purpose that provides templates to the group headquarters (complete), one whose recipient lacks its
    /// English name and contact, and the exporter: one API for any recipient, one for the headquarters only.
    /// </summary>
    private const string Declarations = """
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "集团门禁", DescriptionEn = "Group access control", NecessityZh = "门禁", NecessityEn = "The gate",
            ImpactZh = "人脸特征提供给集团", ImpactEn = "Templates are provided to the group", RetentionDays = 30,
            AlternativeZh = "刷卡", AlternativeEn = "Tap a card")]
        [FacialDataRecipient("group-hq",
            NameZh = "阳光集团总部", NameEn = "Sunny Group headquarters", Contact = "dpo@sunny-group.example",
            PurposeZh = "集团统一门禁", PurposeEn = "Group-wide access control",
            Method = FacialProcessingMethod.Verification, DataCategories = FacialDataCategories.FaceTemplate)]
        public sealed partial class GroupEntry { }

        [FacialDataPurpose(FacialProcessingMethod.Verification,
            DescriptionZh = "访客门禁", DescriptionEn = "Visitor access", NecessityZh = "门禁", NecessityEn = "The gate",
            ImpactZh = "人脸特征提供给物业公司", ImpactEn = "Templates are provided to the property company", RetentionDays = 30,
            AlternativeZh = "登记", AlternativeEn = "Sign in")]
        [{|FC0019:FacialDataRecipient("property",
            NameZh = "物业公司", PurposeZh = "访客管理", PurposeEn = "Visitor management",
            Method = FacialProcessingMethod.Verification, DataCategories = FacialDataCategories.FaceTemplate)|}]
        public sealed partial class VisitorEntry { }

        public sealed class TemplateExporter
        {
            [ProcessesFacialData(FacialProcessingMethod.Verification, ProvidesToRecipient = true)]
            public void Export(Template template) { }

            [ProcessesFacialData(FacialProcessingMethod.Verification, RecipientId = "group-hq")]
            public void SendToHeadquarters(Template template) { }

            [ProcessesFacialData(FacialProcessingMethod.Verification, RecipientId = "auditor")]
            public void SendToAuditor(Template template) { }
        }
        """;

    private static string ExportGate(string purpose, string call) => $$"""
        using FaceCompliance;

        [UsesFacialData<{{purpose}}>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class ExportGate(TemplateExporter exporter, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public void Share(string id, Template template)
            {
                consent.EnsureProvision<{{purpose}}>(id);
                {{call}};
            }
        }
        """;

    private static AnalyzerTest Test(string source) => new AnalyzerTest(source).WithSource("Declarations.cs", Declarations);

    /// <summary>The messages of FC0019 at uses (those at declarations start with "The [FacialDataRecipient]").</summary>
    private static string[] UseMessages(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Id == "FC0019").Select(d => d.GetMessage()).Where(m => m.StartsWith("'", System.StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task A_provision_under_a_purpose_without_recipients_is_FC0019()
    {
        var diagnostics = await Test(ExportGate("CommunityEntry", "{|FC0019:exporter.Export(template)|}")).RunAsync();

        Assert.Equal(
            "'TemplateExporter.Export' provides facial data to another processor, but the purpose 'CommunityEntry' declares no [FacialDataRecipient]: declare the recipient on the purpose with its NameZh, NameEn, Contact, PurposeZh, PurposeEn, Method and DataCategories, which the notice lists and a separate consent covers (PIPL Art. 23)",
            UseMessages(diagnostics).Single());
    }

    [Fact]
    public Task A_provision_under_a_purpose_with_a_complete_recipient_is_not_reported()
        => Test(ExportGate("GroupEntry", "exporter.Export(template)")).RunAsync();

    [Fact]
    public async Task A_provision_under_a_purpose_whose_only_recipient_is_incomplete_is_FC0019_at_both()
    {
        var diagnostics = await Test(ExportGate("VisitorEntry", "{|FC0019:exporter.Export(template)|}")).RunAsync();

        var messages = diagnostics.Where(d => d.Id == "FC0019").Select(d => d.GetMessage()).OrderBy(m => m, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "'TemplateExporter.Export' provides facial data to another processor, but the [FacialDataRecipient] of the purpose 'VisitorEntry' is incomplete (missing NameEn, Contact): declare the recipient on the purpose with its NameZh, NameEn, Contact, PurposeZh, PurposeEn, Method and DataCategories, which the notice lists and a separate consent covers (PIPL Art. 23)",
                "The [FacialDataRecipient] 'property' on 'VisitorEntry' is incomplete: missing NameEn, Contact (the notice tells people each recipient's name, contact, purpose, method and categories) (PIPL Art. 23)",
            },
            messages);
    }

    [Fact]
    public Task An_API_that_names_its_recipient_needs_that_recipient_declared() => Test(ExportGate("GroupEntry", """
        exporter.SendToHeadquarters(template);
                {|FC0019:exporter.SendToAuditor(template)|}
        """)).RunAsync();

    [Fact]
    public async Task The_message_names_the_missing_recipient()
    {
        var diagnostics = await Test(ExportGate("GroupEntry", "{|FC0019:exporter.SendToAuditor(template)|}")).RunAsync();

        Assert.StartsWith(
            "'TemplateExporter.SendToAuditor' provides facial data to another processor, but the purpose 'GroupEntry' declares no [FacialDataRecipient(\"auditor\")]",
            UseMessages(diagnostics).Single(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task One_purpose_of_several_that_declares_the_recipient_permits_the_provision() => Test("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [UsesFacialData<GroupEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class ExportGate(TemplateExporter exporter, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public void Share(string id, Template template)
            {
                consent.EnsureProvision<GroupEntry>(id);
                exporter.Export(template);
            }
        }
        """).RunAsync();

    [Fact]
    public Task A_processing_API_that_provides_nothing_needs_no_recipient() => new AnalyzerTest(Snippets.InGate("""
            public bool Enter(string id, Frame frame, Template t)
            {
                consent.Ensure<CommunityEntry>(id);
                return engine.Verify(frame, t);
            }
        """)).RunAsync();

    [Fact]
    public Task A_use_without_any_purpose_is_FC0001s_not_FC0019s() => Test("""
        public class Loose(TemplateExporter exporter)
        {
            public void Share(Template template) => {|FC0001:{|FC0002:{|FC0003:exporter.Export(template)|}|}|};
        }
        """).RunAsync();

    /// <summary>The notice promises a separate consent before any provision (element 15): a check of the purpose's consent alone is FC0018.</summary>
    [Fact]
    public Task A_provision_after_a_check_without_the_Provision_scope_is_FC0018() => new AnalyzerTest(Snippets.InGate("""
            public void Share(string id, byte[] template, Acme.Group.TemplateSync sync)
            {
                consent.Ensure<CommunityEntry>(id);
                {|FC0018:{|FC0019:sync.Upload(template)|}|};
            }
        """)).WithSource("Acme.cs", """
        namespace Acme.Group
        {
            public sealed class TemplateSync { public void Upload(byte[] template) { } }
        }
        """).WithAdditionalFile("FacialDataApis.txt", """
        M:Acme.Group.TemplateSync.Upload(System.Byte[]);Verification;Provision
        """).RunAsync();

    [Fact]
    public Task A_project_entry_marked_Provision_is_FC0019_under_a_purpose_without_recipients() => new AnalyzerTest(Snippets.InGate("""
            public void Share(string id, byte[] template, Acme.Group.TemplateSync sync)
            {
                consent.EnsureProvision<CommunityEntry>(id);
                {|FC0019:sync.Upload(template)|};
                sync.Download(template);
            }
        """)).WithSource("Acme.cs", """
        namespace Acme.Group
        {
            public sealed class TemplateSync { public void Upload(byte[] template) { } public void Download(byte[] template) { } }
        }
        """).WithAdditionalFile("FacialDataApis.txt", """
        M:Acme.Group.TemplateSync.Upload(System.Byte[]);Verification;Provision
        M:Acme.Group.TemplateSync.Download(System.Byte[]);Verification
        """).RunAsync();

    [Fact]
    public Task A_project_entry_marked_OffDevice_and_Provision_is_both_rules() => new AnalyzerTest(Snippets.InGate("""
            public void Share(string id, byte[] template, Acme.Group.TemplateSync sync)
            {
                consent.EnsureTransferAndProvision<CommunityEntry>(id);
                {|FC0013:{|FC0019:sync.Upload(template)|}|};
            }
        """)).WithSource("Acme.cs", """
        namespace Acme.Group
        {
            public sealed class TemplateSync { public void Upload(byte[] template) { } }
        }
        """).WithAdditionalFile("FacialDataApis.txt", """
        M:Acme.Group.TemplateSync.Upload(System.Byte[]);Verification;OffDevice;Provision
        """).RunAsync();

    [Fact]
    public Task Malformed_Provision_flags_are_FC1001() => new AnalyzerTest("""
        public class Nothing { }
        """).WithSource("Acme.cs", """
        namespace Acme.Group
        {
            public sealed class TemplateSync { public void Upload(byte[] t) { } public void Send(byte[] t) { } public void Close() { } public void Push(byte[] t) { } public void Pull(byte[] t) { } }
        }
        """).WithAdditionalFile("FacialDataApis.txt", """
        {|FC1001:M:Acme.Group.TemplateSync.Upload(System.Byte[]);Verification;Provision;Provision|}
        {|FC1001:M:Acme.Group.TemplateSync.Send(System.Byte[]);Verification;Provide|}
        {|FC1001:M:Acme.Group.TemplateSync.Close;NotProcessing;Provision|}
        M:Acme.Group.TemplateSync.Push(System.Byte[]);Verification;Provision;OffDevice
        {|FC1001:M:Acme.Group.TemplateSync.Pull(System.Byte[]);Verification;OffDevice;Provision;OffDevice|}
        """).RunAsync();

    [Fact]
    public Task A_wrapper_must_say_it_provides_and_then_its_callers_are_judged() => Test("""
        using FaceCompliance;

        [UsesFacialData<CommunityEntry>]
        [NonBiometricAlternative(nameof(EnterWithCard))]
        public class ExportGate(TemplateExporter exporter, IConsentBook consent)
        {
            public bool EnterWithCard(string card) => card.Length > 0;

            public void Share(string id, Template template)
            {
                consent.EnsureProvision<CommunityEntry>(id);
                {|FC0019:Forward(template)|};
                SilentForward(template);
            }

            [ProcessesFacialData(FacialProcessingMethod.Verification, ProvidesToRecipient = true)]
            private void Forward(Template template) => exporter.Export(template);

            [ProcessesFacialData(FacialProcessingMethod.Verification)]
            private void SilentForward(Template template) => {|FC0019:exporter.Export(template)|};
        }
        """).RunAsync();

    [Fact]
    public async Task A_wrapper_of_an_API_that_names_its_recipient_must_name_the_same()
    {
        var diagnostics = await Test("""
            using FaceCompliance;

            public class Forwarders(TemplateExporter exporter)
            {
                [ProcessesFacialData(FacialProcessingMethod.Verification, ProvidesToRecipient = true)]
                public void ToHeadquarters(Template template) => {|FC0019:exporter.SendToHeadquarters(template)|};

                [ProcessesFacialData(FacialProcessingMethod.Verification, RecipientId = "group-hq")]
                public void ToHeadquartersNamed(Template template) => exporter.SendToHeadquarters(template);
            }
            """).RunAsync();

        Assert.StartsWith(
            "'TemplateExporter.SendToHeadquarters' provides facial data to another processor, but the [ProcessesFacialData] of 'ToHeadquarters', whose callers carry the obligations, names no recipient: add RecipientId = \"group-hq\" to it",
            UseMessages(diagnostics).Single(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Recipient_declarations_repeated_or_not_on_a_purpose_are_FC0019() => new AnalyzerTest("""
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Detection,
            DescriptionZh = "统计人数", DescriptionEn = "Count people", NecessityZh = "人流", NecessityEn = "Crowds",
            ImpactZh = "不识别", ImpactEn = "Nobody is identified", RetentionDays = 1)]
        [FacialDataRecipient("city", NameZh = "市政", NameEn = "City", Contact = "city@example.gov",
            PurposeZh = "人流统计", PurposeEn = "Crowd statistics", Method = FacialProcessingMethod.Detection, DataCategories = FacialDataCategories.FaceImage)]
        [{|FC0019:FacialDataRecipient("city", NameZh = "市政", NameEn = "City", Contact = "city@example.gov",
            PurposeZh = "人流统计", PurposeEn = "Crowd statistics", Method = FacialProcessingMethod.Detection, DataCategories = FacialDataCategories.FaceImage)|}]
        public sealed partial class LobbyCount { }

        [{|FC0019:FacialDataRecipient("city", NameZh = "市政", NameEn = "City", Contact = "city@example.gov",
            PurposeZh = "人流统计", PurposeEn = "Crowd statistics", Method = FacialProcessingMethod.Detection, DataCategories = FacialDataCategories.FaceImage)|}]
        public sealed class NotAPurpose { }
        """).RunAsync();

    [Fact]
    public Task A_recipient_with_white_space_texts_or_no_method_or_categories_is_incomplete() => new AnalyzerTest("""
        using FaceCompliance;

        [FacialDataPurpose(FacialProcessingMethod.Detection,
            DescriptionZh = "统计人数", DescriptionEn = "Count people", NecessityZh = "人流", NecessityEn = "Crowds",
            ImpactZh = "不识别", ImpactEn = "Nobody is identified", RetentionDays = 1)]
        [{|FC0019:FacialDataRecipient(" ", NameZh = "市政", NameEn = " ", Contact = "city@example.gov", PurposeZh = "人流统计", PurposeEn = "Crowd statistics")|}]
        public sealed partial class LobbyCount { }
        """).RunAsync();

    [Fact]
    public async Task The_incomplete_message_lists_every_missing_member()
    {
        var diagnostics = await new AnalyzerTest("""
            using FaceCompliance;

            [FacialDataPurpose(FacialProcessingMethod.Detection,
                DescriptionZh = "统计人数", DescriptionEn = "Count people", NecessityZh = "人流", NecessityEn = "Crowds",
                ImpactZh = "不识别", ImpactEn = "Nobody is identified", RetentionDays = 1)]
            [{|FC0019:FacialDataRecipient("city", NameZh = "市政", NameEn = " ", Contact = "city@example.gov", PurposeZh = "人流统计", PurposeEn = "Crowd statistics")|}]
            public sealed partial class LobbyCount { }
            """).RunAsync();

        Assert.Equal(
            "The [FacialDataRecipient] 'city' on 'LobbyCount' is incomplete: missing NameEn, Method, DataCategories (the notice tells people each recipient's name, contact, purpose, method and categories) (PIPL Art. 23)",
            diagnostics.Single(d => d.Id == "FC0019").GetMessage());
    }
}
