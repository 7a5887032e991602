using System;

namespace FaceCompliance;

/// <summary>A text the generator writes in Chinese and English, such as the accessible variants of a notice (Measures Art. 5 §3).</summary>
public sealed class FacialLocalizedText
{
    /// <summary>Creates the text; called by generated code.</summary>
    public FacialLocalizedText(string chinese, string english)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chinese);
        ArgumentException.ThrowIfNullOrWhiteSpace(english);
        Chinese = chinese;
        English = english;
    }

    /// <summary>The text in Simplified Chinese (zh-CN).</summary>
    public string Chinese { get; }

    /// <summary>The text in English.</summary>
    public string English { get; }

    /// <summary>The text in <paramref name="language"/>: <c>zh-CN</c> (or <c>zh</c>) or <c>en</c>.</summary>
    /// <exception cref="ArgumentException">The language is neither.</exception>
    public string In(string language) => FacialChangeNotice.IsChinese(language) ? Chinese
        : string.Equals(language, FacialNotice.EnglishLanguage, StringComparison.OrdinalIgnoreCase) ? English
        : throw new ArgumentException($"The text exists in '{FacialNotice.ChineseLanguage}' and '{FacialNotice.EnglishLanguage}', not in '{language}'.", nameof(language));
}

/// <summary>
/// The change notice for people who consented to an older approved version of a purpose's notice (Measures Art. 5 §2):
/// what changed from <see cref="FromVersion"/> to <see cref="ToVersion"/>, in Chinese and English. Generated from the
/// approved-notices baseline (FacialNotice.approved.txt); find whom to send it to with
/// <see cref="IConsentRegistry.ListConsentsOnOlderNotice{TPurpose}"/>.
/// </summary>
public sealed class FacialChangeNotice
{
    /// <summary>Creates the change notice; called by generated code.</summary>
    public FacialChangeNotice(string fromVersion, string toVersion, string chinese, string english)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(toVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(chinese);
        ArgumentException.ThrowIfNullOrWhiteSpace(english);
        FromVersion = fromVersion;
        ToVersion = toVersion;
        Chinese = chinese;
        English = english;
    }

    /// <summary>The notice version people consented to before (the one on their receipts).</summary>
    public string FromVersion { get; }

    /// <summary>The notice version that replaces it: the purpose's current <c>NoticeVersion</c>.</summary>
    public string ToVersion { get; }

    /// <summary>The change notice in Simplified Chinese (zh-CN), the text that governs.</summary>
    public string Chinese { get; }

    /// <summary>The change notice in English.</summary>
    public string English { get; }

    /// <summary>The change notice in <paramref name="language"/>: <c>zh-CN</c> (or <c>zh</c>) or <c>en</c>.</summary>
    /// <exception cref="ArgumentException">The language is neither.</exception>
    public string In(string language) => IsChinese(language) ? Chinese
        : string.Equals(language, FacialNotice.EnglishLanguage, StringComparison.OrdinalIgnoreCase) ? English
        : throw new ArgumentException($"The change notice exists in '{FacialNotice.ChineseLanguage}' and '{FacialNotice.EnglishLanguage}', not in '{language}'.", nameof(language));

    /// <inheritdoc/>
    public override string ToString() => Chinese;

    internal static bool IsChinese(string language) => string.Equals(language, FacialNotice.ChineseLanguage, StringComparison.OrdinalIgnoreCase)
        || string.Equals(language, "zh", StringComparison.OrdinalIgnoreCase);
}
