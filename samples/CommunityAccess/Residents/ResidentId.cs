using System;
using System.Globalization;
using System.Text;

namespace CommunityAccess.Residents;

/// <summary>
/// The one place resident ids are normalised and checked, for every endpoint (review defect 13): Unicode NFC, trimmed,
/// 1 to <see cref="MaxLength"/> characters, and none of <c>/</c> or <c>\</c> (an id must fit in a URL path segment),
/// control characters, invisible format characters (bidi overrides such as U+202E, zero-width characters such as
/// U+200B/U+200D, U+FEFF), line or paragraph separators, unpaired surrogates, private-use or unassigned characters,
/// so that two ids that look the same are the same id.
/// </summary>
internal static class ResidentId
{
    /// <summary>The longest id accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 64;

    /// <summary>The normalised id.</summary>
    /// <param name="raw">The id as received.</param>
    /// <returns>The id in NFC, trimmed.</returns>
    /// <exception cref="BadResidentIdException">The id is empty, too long or holds a character refused here.</exception>
    public static string Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new BadResidentIdException("A resident id is required, for example 3-1201.");
        }

        string id;
        try
        {
            id = raw.Normalize(NormalizationForm.FormC).Trim();
        }
        catch (ArgumentException)
        {
            throw new BadResidentIdException("A resident id must be valid Unicode text (it holds an unpaired surrogate).");
        }

        if (id.Length > MaxLength)
        {
            throw new BadResidentIdException($"A resident id has at most {MaxLength} characters; this one has {id.Length}.");
        }

        foreach (Rune c in id.EnumerateRunes())
        {
            if (c.Value is '/' or '\\')
            {
                throw new BadResidentIdException($"A resident id must not contain '{c}'.");
            }

            if (Refused(Rune.GetUnicodeCategory(c)))
            {
                throw new BadResidentIdException(string.Create(CultureInfo.InvariantCulture,
                    $"A resident id must not contain control, invisible or direction-changing characters (found U+{c.Value:X4})."));
            }
        }

        return id;
    }

    private static bool Refused(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}

/// <summary>A resident id that <see cref="ResidentId.Normalize"/> refuses: 400 <c>bad-resident-id</c>.</summary>
public sealed class BadResidentIdException(string message) : ArgumentException(message);
