namespace FaceCompliance.Notice;

/// <summary>One language of a rendered notice.</summary>
internal sealed record RenderedNoticeText(string Language, string Text, string Markdown, string Sign, EquatableArray<NoticeSection> Sections);

/// <summary>
/// A purpose's notice in both languages, with the version that identifies the text; for a purpose that may involve
/// children under 14, also its separate rules for them (PIPL Art. 31 §2), which the notice's minors element names and
/// the version covers. Their <see cref="RenderedNoticeText.Sign"/> is empty.
/// </summary>
internal sealed record RenderedNotice(
    string PurposeId,
    string Version,
    RenderedNoticeText Chinese,
    RenderedNoticeText English,
    RenderedNoticeText? ChineseMinorsRules = null,
    RenderedNoticeText? EnglishMinorsRules = null);
