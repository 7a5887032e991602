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

    /// <summary>The title of the separate rules for children under 14 (PIPL Art. 31 §2), which the notice's minors element names.</summary>
    public abstract string MinorsRulesTitle { get; }

    /// <summary>The introduction of the rules for children under 14: what they are and who reads them.</summary>
    public abstract string MinorsRulesIntroduction(PurposeDeclaration purpose);

    /// <summary>
    /// The sections of the rules for children under 14 of a purpose that may involve them (<see
    /// cref="PurposeDeclaration.MayInvolveMinors"/>), in §6 order like the notice's; none for any other purpose.
    /// </summary>
    public abstract IEnumerable<NoticeSection> MinorsRulesSections(ProcessorDeclaration processor, PurposeDeclaration purpose);

    /// <summary>Whether the purpose rests on consent (the default), rather than on another basis of PIPL Art. 13.</summary>
    protected static bool IsConsentBased(PurposeDeclaration purpose) => purpose.LegalBasis == Profiles.LawValues.BasisConsent;

    /// <summary>Whether the purpose keeps face templates: it declares them (<see cref="DeclarationValues.CategoryFaceTemplate"/>) and its method compares them (1:1 or 1:N).</summary>
    protected static bool KeepsTemplates(PurposeDeclaration purpose) =>
        Has(purpose.DataCategories, DeclarationValues.CategoryFaceTemplate) && Methods.ProcessingMethodTable.IsIdentity(purpose.Method);

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
