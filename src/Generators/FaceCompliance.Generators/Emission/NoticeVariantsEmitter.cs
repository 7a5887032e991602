using FaceCompliance.Generators.Model;

namespace FaceCompliance.Generators.Emission;

/// <summary>
/// The members of a purpose's partial type beyond its notice: the accessible variants (<c>ShortNotice</c>,
/// <c>NoticeHtml</c>; Measures Art. 5 §3) and the change notices for people who consented to an earlier approved
/// version (<c>ChangeNotices</c>, <c>ChangeNotice</c>, <c>ChangeNoticeFrom</c>; Art. 5 §2).
/// </summary>
internal static class NoticeVariantsEmitter
{
    private const string LocalizedText = "global::FaceCompliance.FacialLocalizedText";
    private const string ChangeNotice = "global::FaceCompliance.FacialChangeNotice";

    public static void Emit(SourceWriter writer, PurposeSpec spec)
    {
        var accessible = spec.Accessible ?? throw new System.InvalidOperationException("The accessible notice of " + spec.Declaration.Id + " was not rendered.");
        writer.Line("/// <summary>")
            .Line("/// The notice in plain language, a few short sentences (Measures Art. 5 §3): who, what, why, how long, the other way")
            .Line("/// and how to withdraw. Shown with the full notice, which governs; it does not replace it.")
            .Line("/// </summary>")
            .Line($"public static {LocalizedText} ShortNotice {{ get; }} = new {LocalizedText}(");
        writer.StringExpression("    ", accessible.ShortChinese, ",");
        writer.StringExpression("    ", accessible.ShortEnglish, ");");
        writer.Line()
            .Line("/// <summary>")
            .Line("/// The full notice as accessible HTML (Measures Art. 5 §3): one <c>article</c> with its <c>lang</c>, the title as <c>h1</c>,")
            .Line("/// each section with an <c>h2</c>, in reading order, without tables, every text HTML-encoded. The same text as <see cref=\"Notice\"/>.")
            .Line("/// </summary>")
            .Line($"public static {LocalizedText} NoticeHtml {{ get; }} = new {LocalizedText}(");
        writer.StringExpression("    ", accessible.HtmlChinese, ",");
        writer.StringExpression("    ", accessible.HtmlEnglish, ");");
        writer.Line()
            .Line("/// <summary>")
            .Line("/// What changed for people who consented to an earlier approved version of the notice (Measures Art. 5 §2), one change")
            .Line("/// notice per version listed in FacialNotice.approved.txt other than the current one, newest first.")
            .Line("/// </summary>");
        if (spec.Changes.Count == 0)
        {
            writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{ChangeNotice}> ChangeNotices {{ get; }} = global::System.Array.Empty<{ChangeNotice}>();");
        }
        else
        {
            writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{ChangeNotice}> ChangeNotices {{ get; }} = new {ChangeNotice}[]")
                .Line("{");
            foreach (var change in spec.Changes)
            {
                writer.Line($"    new {ChangeNotice}(")
                    .Line($"        {SourceWriter.Literal(change.FromVersion)},")
                    .Line("        NoticeVersion,");
                writer.StringExpression("        ", change.Chinese, ",");
                writer.StringExpression("        ", change.English, "),");
            }

            writer.Line("};");
        }

        writer.Line()
            .Line("/// <summary>The change notice from the latest earlier approved version, or null when the baseline lists none.</summary>")
            .Line($"public static {ChangeNotice}? ChangeNotice => ChangeNotices.Count > 0 ? ChangeNotices[0] : null;")
            .Line()
            .Line("/// <summary>")
            .Line("/// The change notice for people whose consent receipt records <paramref name=\"noticeVersion\"/>, or null when that is the")
            .Line("/// current version or a version the baseline does not list (then the full notice is all there is to show).")
            .Line("/// </summary>")
            .Open($"public static {ChangeNotice}? ChangeNoticeFrom(string noticeVersion)")
            .Open("foreach (var change in ChangeNotices)")
            .Open("if (string.Equals(change.FromVersion, noticeVersion, global::System.StringComparison.OrdinalIgnoreCase))")
            .Line("return change;")
            .Close()
            .Close()
            .Line()
            .Line("return null;")
            .Close()
            .Line();
    }
}
