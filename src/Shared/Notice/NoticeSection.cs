namespace FaceCompliance.Notice;

/// <summary>One numbered element of a notice: its heading and its paragraphs.</summary>
internal sealed record NoticeSection(NoticeElement Element, string Heading, EquatableArray<string> Paragraphs);

/// <summary>The elements of a notice, in the order people read them (REGULATION.md §6).</summary>
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
}
