using System.Collections.Generic;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace FaceCompliance.Notice;

/// <summary>
/// Lays out a purpose's notice as plain text, Markdown and a public-place sign, and computes its version: the
/// first 16 hex digits of the SHA-256 of everything people read, in both languages. The same code runs in the
/// generator (which emits the text) and in the FC0010 analyzer (which compares the version with the approved one).
/// </summary>
internal static class NoticeRenderer
{
    public static RenderedNotice Render(ProcessorDeclaration processor, PurposeDeclaration purpose)
    {
        var chinese = Sections(ChineseNoticeWriter.Instance, processor, purpose);
        var english = Sections(EnglishNoticeWriter.Instance, processor, purpose);
        var chineseText = PlainText(ChineseNoticeWriter.Instance, chinese);
        var englishText = PlainText(EnglishNoticeWriter.Instance, english);
        var chineseSign = ChineseNoticeWriter.Instance.Sign(processor, purpose);
        var englishSign = EnglishNoticeWriter.Instance.Sign(processor, purpose);
        var chineseMinors = MinorsRulesSections(ChineseNoticeWriter.Instance, processor, purpose);
        var englishMinors = MinorsRulesSections(EnglishNoticeWriter.Instance, processor, purpose);
        var version = chineseMinors.Count == 0
            ? Version(chineseText, chineseSign, englishText, englishSign)
            : Version(chineseText, chineseSign, englishText, englishSign,
                MinorsRulesPlainText(ChineseNoticeWriter.Instance, purpose, chineseMinors), MinorsRulesPlainText(EnglishNoticeWriter.Instance, purpose, englishMinors));
        return new RenderedNotice(
            purpose.Id,
            version,
            new RenderedNoticeText(ChineseNoticeWriter.Instance.Language, chineseText, Markdown(ChineseNoticeWriter.Instance, chinese, version, 1), chineseSign, chinese),
            new RenderedNoticeText(EnglishNoticeWriter.Instance.Language, englishText, Markdown(EnglishNoticeWriter.Instance, english, version, 1), englishSign, english),
            MinorsRules(ChineseNoticeWriter.Instance, purpose, chineseMinors, version),
            MinorsRules(EnglishNoticeWriter.Instance, purpose, englishMinors, version));
    }

    private static RenderedNoticeText? MinorsRules(NoticeWriter writer, PurposeDeclaration purpose, EquatableArray<NoticeSection> sections, string version) =>
        sections.Count == 0
            ? null
            : new RenderedNoticeText(writer.Language, MinorsRulesPlainText(writer, purpose, sections),
                Markdown(writer, sections, version, 1, writer.MinorsRulesTitle, writer.MinorsRulesIntroduction(purpose)), "", sections);

    private static string MinorsRulesPlainText(NoticeWriter writer, PurposeDeclaration purpose, EquatableArray<NoticeSection> sections) =>
        PlainText(writer.MinorsRulesTitle, writer.MinorsRulesIntroduction(purpose), writer, sections);

    private static EquatableArray<NoticeSection> MinorsRulesSections(NoticeWriter writer, ProcessorDeclaration processor, PurposeDeclaration purpose) =>
        new(ImmutableArray.CreateRange(writer.MinorsRulesSections(processor, purpose)));

    public static string Version(params string[] texts)
    {
        var canonical = new StringBuilder("FaceCompliance notice v1");
        foreach (var text in texts)
        {
            canonical.Append('\0').Append(text.Replace("\r\n", "\n"));
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(canonical.ToString()));
        var hex = new StringBuilder(16);
        for (var i = 0; i < 8; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    /// <summary>The notice (or, with <paramref name="title"/> and <paramref name="introduction"/>, another document of sections) as Markdown, its title at heading <paramref name="level"/>, ending with its version.</summary>
    public static string Markdown(NoticeWriter writer, EquatableArray<NoticeSection> sections, string version, int level, string? title = null, string? introduction = null)
    {
        var markdown = new StringBuilder();
        markdown.Append('#', level).Append(' ').Append(title ?? writer.Title).Append("\n\n");
        markdown.Append(Escape(introduction ?? writer.IntroductionFor(sections))).Append("\n\n");
        for (var i = 0; i < sections.Count; i++)
        {
            markdown.Append('#', level + 1).Append(' ').Append(Heading(writer, i + 1, sections[i])).Append("\n\n");
            foreach (var paragraph in sections[i].Paragraphs)
            {
                markdown.Append(Escape(paragraph)).Append("\n\n");
            }
        }

        markdown.Append(writer.VersionLabel).Append(writer.Language == "en" ? ": `" : "：`").Append(version).Append("`\n");
        return markdown.ToString();
    }

    private static EquatableArray<NoticeSection> Sections(NoticeWriter writer, ProcessorDeclaration processor, PurposeDeclaration purpose) =>
        new(ImmutableArray.CreateRange(writer.Sections(processor, purpose)));

    private static string PlainText(NoticeWriter writer, EquatableArray<NoticeSection> sections) =>
        PlainText(writer.Title, writer.IntroductionFor(sections), writer, sections);

    private static string PlainText(string title, string introduction, NoticeWriter writer, EquatableArray<NoticeSection> sections)
    {
        var text = new StringBuilder();
        text.Append(title).Append("\n\n").Append(introduction).Append('\n');
        for (var i = 0; i < sections.Count; i++)
        {
            text.Append('\n').Append(Heading(writer, i + 1, sections[i])).Append('\n');
            foreach (var paragraph in sections[i].Paragraphs)
            {
                text.Append(paragraph).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Heading(NoticeWriter writer, int number, NoticeSection section) =>
        writer.Number(number) + (writer.Language == "en" ? " " : "、") + section.Heading;

    /// <summary>Escapes the characters Markdown would read as formatting in declared text.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    public static IEnumerable<NoticeWriter> Writers => new NoticeWriter[] { ChineseNoticeWriter.Instance, EnglishNoticeWriter.Instance };
}
