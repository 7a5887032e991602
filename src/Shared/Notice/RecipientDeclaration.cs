using System.Collections.Generic;

namespace FaceCompliance.Notice;

/// <summary>
/// What one <c>[FacialDataRecipient]</c> on a purpose type declares, as plain values: another processor the purpose
/// provides face information to (PIPL Art. 23). Texts are trimmed, absent ones empty; the method, categories and disclosure
/// basis are integers (<c>ProcessingMethodTable</c>, <c>DeclarationValues.Categories</c>, <c>LawValues.Disclosure*</c>).
/// </summary>
internal sealed record RecipientDeclaration(
    string Id,
    string NameZh,
    string NameEn,
    string Contact,
    string PurposeZh,
    string PurposeEn,
    int Method,
    int DataCategories,
    int DisclosureBasis = 0,
    bool ForProfit = false)
{
    public const string AttributeName = "FaceCompliance.FacialDataRecipientAttribute";

    /// <summary>
    /// The members the declaration leaves out, empty or white space, in declaration order (FC0019 names them):
    /// the notice's element 15 needs every one of them.
    /// </summary>
    public IReadOnlyList<string> MissingMembers()
    {
        var missing = new List<string>();
        AddIfEmpty(missing, "id", Id);
        AddIfEmpty(missing, nameof(NameZh), NameZh);
        AddIfEmpty(missing, nameof(NameEn), NameEn);
        AddIfEmpty(missing, nameof(Contact), Contact);
        AddIfEmpty(missing, nameof(PurposeZh), PurposeZh);
        AddIfEmpty(missing, nameof(PurposeEn), PurposeEn);
        if (Method == Methods.ProcessingMethodTable.Unspecified)
        {
            missing.Add(nameof(Method));
        }

        if (DataCategories == 0)
        {
            missing.Add(nameof(DataCategories));
        }

        return missing;
    }

    public bool IsComplete => MissingMembers().Count == 0;

    private static void AddIfEmpty(List<string> missing, string member, string value)
    {
        if (value.Length == 0)
        {
            missing.Add(member);
        }
    }
}
