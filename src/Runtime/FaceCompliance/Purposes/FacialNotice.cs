using System;

namespace FaceCompliance;

/// <summary>
/// The notice people read before their face is processed (人脸信息处理规则; Measures Art. 5), generated from the
/// declarations in Chinese and English, with the version that a consent receipt records (Art. 5 §2: when the text
/// changes, people are told and consent again).
/// </summary>
public sealed class FacialNotice
{
    /// <summary>The language tag of the Chinese notice.</summary>
    public const string ChineseLanguage = "zh-CN";

    /// <summary>The language tag of the English notice.</summary>
    public const string EnglishLanguage = "en";

    /// <summary>Creates a notice; called by generated code.</summary>
    public FacialNotice(string version, FacialNoticeText chinese, FacialNoticeText english)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(chinese);
        ArgumentNullException.ThrowIfNull(english);
        Version = version;
        Chinese = chinese;
        English = english;
    }

    /// <summary>A stable hash of the text in both languages: it changes exactly when the text does.</summary>
    public string Version { get; }

    /// <summary>The notice in Simplified Chinese (zh-CN), the text that governs.</summary>
    public FacialNoticeText Chinese { get; }

    /// <summary>The notice in English.</summary>
    public FacialNoticeText English { get; }

    /// <summary>
    /// For a purpose that may involve children under 14, its separate rules for them in Simplified Chinese
    /// (《不满十四周岁未成年人人脸信息处理规则》; PIPL Art. 31 §2), which the notice names and guardians read before
    /// consenting; otherwise null. <see cref="Version"/> covers them.
    /// </summary>
    public FacialNoticeText? ChineseMinorsRules { get; init; }

    /// <summary>The separate rules for children under 14 in English, or null (see <see cref="ChineseMinorsRules"/>).</summary>
    public FacialNoticeText? EnglishMinorsRules { get; init; }

    /// <summary>The notice in <paramref name="language"/>: <c>zh-CN</c> (or <c>zh</c>) or <c>en</c>.</summary>
    /// <exception cref="ArgumentException">The language is neither.</exception>
    public FacialNoticeText In(string language) => language switch
    {
        _ when string.Equals(language, ChineseLanguage, StringComparison.OrdinalIgnoreCase)
            || string.Equals(language, "zh", StringComparison.OrdinalIgnoreCase) => Chinese,
        _ when string.Equals(language, EnglishLanguage, StringComparison.OrdinalIgnoreCase) => English,
        _ => throw new ArgumentException($"The notice exists in '{ChineseLanguage}' and '{EnglishLanguage}', not in '{language}'.", nameof(language)),
    };
}

/// <summary>One language of a <see cref="FacialNotice"/>, in the renderings people meet.</summary>
public sealed class FacialNoticeText
{
    /// <summary>Creates the text of one language; called by generated code.</summary>
    public FacialNoticeText(string text, string markdown, string? publicSign)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(markdown);
        Text = text;
        Markdown = markdown;
        PublicSign = publicSign;
    }

    /// <summary>The notice as plain text, lines separated by <c>\n</c>.</summary>
    public string Text { get; }

    /// <summary>The notice as Markdown, with its version in the last line.</summary>
    public string Markdown { get; }

    /// <summary>The short text of the sign put up where the purpose is deployed in a public place (Art. 13); otherwise null.</summary>
    public string? PublicSign { get; }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
