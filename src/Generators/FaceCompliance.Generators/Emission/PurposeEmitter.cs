using System.Globalization;
using System.Linq;
using FaceCompliance.Generators.Model;
using FaceCompliance.Notice;

namespace FaceCompliance.Generators.Emission;

/// <summary>
/// Completes a purpose's partial type: its id, notice version and notice, retention period with
/// <c>ExpiresAt</c>/<c>IsExpired</c>, and <see cref="T:FaceCompliance.IFacialDataPurpose"/>.
/// </summary>
internal static class PurposeEmitter
{
    public static string HintName(PurposeDeclaration purpose) => purpose.Id.Replace('+', '.') + ".FacialPurpose.g.cs";

    public static string Emit(PurposeSpec spec, EquatableArray<int> jurisdictions = default)
    {
        var purpose = spec.Declaration;
        var notice = spec.Notice;
        var days = purpose.RetentionDays.ToString(CultureInfo.InvariantCulture);
        var writer = GeneratedCode.Start();
        if (purpose.Type.Namespace.Length > 0)
        {
            writer.Open("namespace " + purpose.Type.Namespace);
        }

        for (var i = 0; i < purpose.Type.Declarations.Count - 1; i++)
        {
            writer.Open(purpose.Type.Declarations[i]);
        }

        writer.Line(GeneratedCode.Attribute);
        writer.Open(purpose.Type.Declarations[purpose.Type.Declarations.Count - 1] + " : global::FaceCompliance.IFacialDataPurpose");
        writer.Line("/// <summary>The id under which face information and consent for this purpose are stored, and its notice is approved.</summary>")
            .Line($"public const string PurposeId = {SourceWriter.Literal(purpose.Id)};")
            .Line()
            .Line("/// <summary>")
            .Line("/// The version of this purpose's notice: a hash of its text in both languages. A consent receipt records it;")
            .Line("/// when the text changes, so does the version, and people must consent again (Measures Art. 5 §2).")
            .Line("/// </summary>")
            .Line($"public const string NoticeVersion = {SourceWriter.Literal(notice.Version)};")
            .Line()
            .Line($"/// <summary>How long face information for this purpose is kept at most: {days} days (Measures Art. 8 §2).</summary>")
            .Line($"public static global::System.TimeSpan RetentionPeriod => global::System.TimeSpan.FromDays({days});")
            .Line()
            .Line("/// <summary>When face information collected at <paramref name=\"collectedAt\"/> must have been deleted.</summary>")
            .Line("public static global::System.DateTimeOffset ExpiresAt(global::System.DateTimeOffset collectedAt) => collectedAt + RetentionPeriod;")
            .Line()
            .Line("/// <summary>Whether face information collected at <paramref name=\"collectedAt\"/> is past its retention at <paramref name=\"now\"/>.</summary>")
            .Line("public static bool IsExpired(global::System.DateTimeOffset collectedAt, global::System.DateTimeOffset now) => now >= ExpiresAt(collectedAt);")
            .Line()
            .Line("/// <summary>The notice people read before they consent to this purpose (人脸信息处理规则; Measures Art. 5).</summary>")
            .Line("public static global::FaceCompliance.FacialNotice Notice => Info.Notice;")
            .Line();
        if (spec.GdprNotice.Length > 0)
        {
            writer.Line("/// <summary>")
                .Line("/// The GDPR Art. 13 notice of this purpose, in English (plain text): the assembly operates in the EU")
                .Line("/// (<c>[assembly: OperatesIn(Jurisdiction.EU)]</c>). It is not part of <see cref=\"NoticeVersion\"/>.")
                .Line("/// </summary>");
            writer.StringExpression("public const string GdprNotice = ", spec.GdprNotice, ";");
            writer.Line();
        }

        NoticeVariantsEmitter.Emit(writer, spec);
        writer
            .Line("/// <summary>This purpose's declaration, notice and retention, as the runtime reads them.</summary>")
            .Line("public static global::FaceCompliance.FacialPurposeInfo Info { get; } = new global::FaceCompliance.FacialPurposeInfo(");
        writer.Line("    PurposeId,")
            .Line($"    (global::FaceCompliance.FacialProcessingMethod){purpose.Method.ToString(CultureInfo.InvariantCulture)},")
            .Line("    RetentionPeriod,")
            .Line($"    (global::FaceCompliance.FacialDataStorage){purpose.Storage.ToString(CultureInfo.InvariantCulture)},")
            .Line(purpose.MayInvolveMinors ? "    true," : "    false,")
            .Line("    new global::FaceCompliance.FacialNotice(")
            .Line("        NoticeVersion,");
        WriteText(writer, notice.Chinese, ",");
        var served = spec.Served;
        var profile = spec.Profile ?? ProfileSpec.None;
        var initializers = new System.Collections.Generic.List<string>();
        if (purpose.LegalBasis != Profiles.LawValues.BasisConsent)
        {
            // The runtime refuses consent grants for such a purpose and checks its basis grants against this value.
            initializers.Add($"    LegalBasis = (global::FaceCompliance.FacialLegalBasis){purpose.LegalBasis.ToString(CultureInfo.InvariantCulture)},");
        }

        if (profile.AiActHighRiskInForce && AiActDeclaration.ServesAiAct(jurisdictions, purpose.Jurisdictions)
            && AiActDeclaration.Classify(purpose).RequiresTwoPersonConfirmation)
        {
            // AI Act Art. 14(5), from the Annex III date on: a 1:N match's identity is withheld until two people confirm
            // it (FaceCompliance.Vision).
            initializers.Add("    RequiresTwoPersonConfirmation = true,");
        }

        if (profile.Jurisdictions.Count > 0)
        {
            // The runtime refuses grants that lack a consent property a served jurisdiction requires, and merges the
            // profiles' deadlines into the purge.
            initializers.Add("    Jurisdictions = new string[] { " + string.Join(", ", profile.Jurisdictions.Select(SourceWriter.Literal)) + " },");
            initializers.Add("    ConsentRequirements = new global::FaceCompliance.FacialConsentRequirement[]");
            initializers.Add("    {");
            foreach (var requirement in profile.ConsentRequirements)
            {
                initializers.Add($"        new(global::FaceCompliance.FacialConsentProperty.{(Profiles.ConsentProperty)requirement.Property}, {SourceWriter.Literal(requirement.Jurisdiction)}, {SourceWriter.Literal(requirement.Rule)}),");
            }

            initializers.Add("    },");
        }

        var end = initializers.Count == 0 ? ";" : "";
        if (notice.ChineseMinorsRules is { } chineseMinors && notice.EnglishMinorsRules is { } englishMinors)
        {
            WriteText(writer, notice.English, ")");
            writer.Line("    {");
            writer.Line("        ChineseMinorsRules = new global::FaceCompliance.FacialNoticeText(");
            writer.StringExpression("            ", chineseMinors.Text, ",");
            writer.StringExpression("            ", chineseMinors.Markdown, ",");
            writer.Line("            null),");
            writer.Line("        EnglishMinorsRules = new global::FaceCompliance.FacialNoticeText(");
            writer.StringExpression("            ", englishMinors.Text, ",");
            writer.StringExpression("            ", englishMinors.Markdown, ",");
            writer.Line("            null),");
            writer.Line("    })" + end);
        }
        else
        {
            WriteText(writer, notice.English, "))" + end);
        }

        if (initializers.Count > 0)
        {
            writer.Line("{");
            foreach (var line in initializers)
            {
                writer.Line(line);
            }

            writer.Line("};");
        }

        if (Reports.UsBiometricDocuments.UsProfiles(served).Count > 0)
        {
            writer.Line()
                .Line("/// <summary>")
                .Line("/// The public written retention and destruction policy for this purpose (Illinois BIPA §15(a); Colorado C.R.S.")
                .Line("/// 6-1-1314(2)), in Markdown: publish it at the declared PublicRetentionPolicyUrl before collecting.")
                .Line("/// </summary>");
            writer.StringExpression("public const string BiometricRetentionPolicy = ", Reports.UsBiometricDocuments.Policy(spec.Processor ?? ProcessorDeclaration.Undeclared, purpose, served), ";");
            writer.Line()
                .Line("/// <summary>")
                .Line("/// The written notice and release form people sign before their face is captured (Illinois BIPA §15(b), an")
                .Line("/// electronic signature allowed; Texas CUBI (b); Colorado C.R.S. 6-1-1314(4)), in Markdown.")
                .Line("/// </summary>");
            writer.StringExpression("public const string WrittenReleaseForm = ", Reports.UsBiometricDocuments.Release(spec.Processor ?? ProcessorDeclaration.Undeclared, purpose, served, notice.Version), ";");
        }

        writer.Close();

        for (var i = 0; i < purpose.Type.Declarations.Count - 1; i++)
        {
            writer.Close();
        }

        if (purpose.Type.Namespace.Length > 0)
        {
            writer.Close();
        }

        return writer.ToString();
    }

    private static void WriteText(SourceWriter writer, RenderedNoticeText text, string suffix)
    {
        writer.Line("        new global::FaceCompliance.FacialNoticeText(");
        writer.StringExpression("            ", text.Text, ",");
        writer.StringExpression("            ", text.Markdown, ",");
        if (text.Sign.Length == 0)
        {
            writer.Line("            null)" + suffix);
        }
        else
        {
            writer.StringExpression("            ", text.Sign, ")" + suffix);
        }
    }
}
