namespace FaceCompliance.Notice;

/// <summary>One language of a rendered notice.</summary>
internal sealed record RenderedNoticeText(string Language, string Text, string Markdown, string Sign, EquatableArray<NoticeSection> Sections);

/// <summary>A purpose's notice in both languages, with the version that identifies the text.</summary>
internal sealed record RenderedNotice(string PurposeId, string Version, RenderedNoticeText Chinese, RenderedNoticeText English);
