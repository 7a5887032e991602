using System.Collections.Generic;
using System.Collections.Immutable;

namespace FaceCompliance.Notice;

/// <summary>
/// The wording of the notice in one language. Each language is written on its own terms, not translated line by
/// line; the renderer only numbers and lays out what a writer returns.
/// </summary>
internal abstract class NoticeWriter
{
    public abstract string Language { get; }

    public abstract string Title { get; }

    public abstract string Introduction { get; }

    /// <summary>The introduction of a notice whose purpose does not rest on consent (it has a <see cref="NoticeElement.LegalBasis"/> element): nobody is asked to agree.</summary>
    public abstract string BasisIntroduction { get; }

    /// <summary>The introduction that fits these sections.</summary>
    public string IntroductionFor(EquatableArray<NoticeSection> sections)
    {
        foreach (var section in sections)
        {
            if (section.Element == NoticeElement.LegalBasis)
            {
                return BasisIntroduction;
            }
        }

        return Introduction;
    }

    public abstract string VersionLabel { get; }

    public abstract string Number(int index);

    public abstract IEnumerable<NoticeSection> Sections(ProcessorDeclaration processor, PurposeDeclaration purpose);

    /// <summary>The sign for a purpose deployed in a public place (Art. 13), or an empty string.</summary>
    public abstract string Sign(ProcessorDeclaration processor, PurposeDeclaration purpose);

    protected static NoticeSection Section(NoticeElement element, string heading, params string[] paragraphs)
    {
        var kept = ImmutableArray.CreateBuilder<string>();
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Length > 0)
            {
                kept.Add(paragraph);
            }
        }

        return new NoticeSection(element, heading, new EquatableArray<string>(kept.ToImmutable()));
    }

    protected static bool Has(int flags, int flag) => (flags & flag) == flag;

    protected static bool IsPublicPlace(PurposeDeclaration purpose) => purpose.Site == Profiles.LawValues.SitePublicPlace;

    /// <summary>Whether a public-place purpose serves the kind the profile allows there (public safety), rather than citing a law.</summary>
    protected static bool IsPublicPlaceKind(PurposeDeclaration purpose) => purpose.Kind == Profiles.JurisdictionProfiles.China.PublicPlaceKind;

    /// <summary>The names, in <paramref name="names"/> (one per <see cref="Profiles.LawValues.Attributes"/> row, in its order), of the attributes set in <paramref name="attributes"/>.</summary>
    protected static IEnumerable<string> AttributeNames(int attributes, string[] names)
    {
        var table = Profiles.LawValues.Attributes;
        for (var i = 0; i < table.Length; i++)
        {
            if (Has(attributes, table[i].Value))
            {
                yield return names[i];
            }
        }
    }
}
