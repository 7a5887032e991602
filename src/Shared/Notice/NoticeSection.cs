namespace FaceCompliance.Notice;

/// <summary>
/// One numbered element of a notice: its heading and its paragraphs. <see cref="Element"/> is the section's stable
/// identity (<see cref="Id"/>): the same element keeps its id whatever its number in a given notice.
/// </summary>
internal sealed record NoticeSection(NoticeElement Element, string Heading, EquatableArray<string> Paragraphs)
{
    /// <summary>The element's name, lower case with hyphens (<c>other-items</c>): an anchor or key that never changes with the text.</summary>
    public string Id => NoticeElements.Id(Element);
}

/// <summary>
/// The elements of a notice. Members are never reordered or renumbered (new ones go at the end); the order people
/// read them in is <see cref="NoticeElements.StatuteNumber"/>, REGULATION.md §6.
/// </summary>
internal enum NoticeElement
{
    Processor,
    Purpose,

    /// <summary>Only for a purpose whose legal basis is not consent (PIPL Art. 13 §1 (2)-(7)).</summary>
    LegalBasis,
    Method,
    Retention,
    Necessity,
    Impact,
    Rights,
    Alternative,
    Categories,
    Storage,
    Minors,
    Recipients,
    Complaints,

    /// <summary>§6 element 9: other items a law or administrative regulation requires, as declared.</summary>
    OtherItems,

    /// <summary>§6 element 12: how to withdraw consent; only for a purpose that rests on consent.</summary>
    Withdrawal,

    /// <summary>The declared special rules (PIPL Art. 31 §2), in the separate rules for children under 14.</summary>
    MinorsRules,
}

/// <summary>Where each element stands in REGULATION.md §6, and its stable id.</summary>
internal static class NoticeElements
{
    /// <summary>
    /// The element's number in REGULATION.md §6 (the processor's name and contact are 1 and 2, given together as 1).
    /// The legal basis, which §6 does not list, follows the purpose it justifies.
    /// </summary>
    public static int StatuteNumber(NoticeElement element) => element switch
    {
        NoticeElement.Processor => 1,
        NoticeElement.Purpose => 3,
        NoticeElement.LegalBasis => 3,
        NoticeElement.Method => 4,
        NoticeElement.Retention => 5,
        NoticeElement.Necessity => 6,
        NoticeElement.Impact => 7,
        NoticeElement.Rights => 8,
        NoticeElement.OtherItems => 9,
        NoticeElement.Categories => 10,
        NoticeElement.Alternative => 11,
        NoticeElement.Withdrawal => 12,
        NoticeElement.Storage => 13,
        NoticeElement.Minors => 14,
        NoticeElement.MinorsRules => 14,
        NoticeElement.Recipients => 15,
        NoticeElement.Complaints => 16,
        _ => int.MaxValue,
    };

    public static string Id(NoticeElement element) => element switch
    {
        NoticeElement.LegalBasis => "legal-basis",
        NoticeElement.OtherItems => "other-items",
        NoticeElement.MinorsRules => "minors-rules",
        _ => element.ToString().ToLowerInvariant(),
    };
}
