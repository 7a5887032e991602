using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FaceCompliance.Notice;

/// <summary>
/// The declaration facts a notice was rendered from, as the approved-notices baseline keeps them after the version
/// (<c>FacialNotice.approved.txt</c>), so that a later notice can say what changed (Measures Art. 5 §2): space-separated
/// <c>key=value</c> tokens in a fixed order, one line, diff-friendly. Values are table names (method, storage, site,
/// basis, categories), numbers, <c>true</c>/<c>false</c>, recipient ids, or, for declared texts, the first 8 hex digits
/// of the SHA-256 of the text in both languages (enough to see that a text changed; the new text is quoted from the
/// declaration). A baseline line without facts, or with only some of them, still approves its version: what is
/// missing is simply not compared.
/// </summary>
internal static class NoticeFacts
{
    public const string Method = "method";
    public const string Retention = "retention";
    public const string Storage = "storage";
    public const string Images = "images";
    public const string Categories = "categories";
    public const string Site = "site";
    public const string Minors = "minors";
    public const string Basis = "basis";
    public const string Recipients = "recipients";
    public const string Attributes = "attributes";
    public const string Description = "purpose";
    public const string Necessity = "necessity";
    public const string Impact = "impact";
    public const string Alternative = "alternative";
    public const string Withdrawal = "withdrawal";
    public const string Processor = "processor";

    /// <summary>Every key, in the order a line lists them.</summary>
    public static readonly string[] Keys =
    {
        Method, Retention, Storage, Images, Categories, Site, Minors, Basis, Recipients, Attributes,
        Description, Necessity, Impact, Alternative, Withdrawal, Processor,
    };

    /// <summary>The value written for an empty list (no recipients, no categories).</summary>
    public const string None = "-";

    /// <summary>The facts of a purpose's notice, formatted as a baseline writes them.</summary>
    public static string Of(ProcessorDeclaration processor, PurposeDeclaration purpose)
    {
        var recipients = new List<string>();
        foreach (var recipient in purpose.Recipients)
        {
            recipients.Add(EscapeValue(recipient.Id));
        }

        var values = new[]
        {
            Methods.ProcessingMethodTable.Name(purpose.Method),
            purpose.RetentionDays.ToString(CultureInfo.InvariantCulture),
            DeclarationValues.StorageName(purpose.Storage),
            Bool(purpose.RetainsImages),
            List(DeclarationValues.FlagNames(purpose.DataCategories, DeclarationValues.Categories)),
            Name(purpose.Site, Profiles.LawValues.SiteNames),
            Bool(purpose.MayInvolveMinors),
            Name(purpose.LegalBasis, Profiles.LawValues.BasisNames),
            recipients.Count == 0 ? None : string.Join(",", recipients),
            purpose.Attributes.ToString(CultureInfo.InvariantCulture),
            Hash(purpose.DescriptionZh, purpose.DescriptionEn),
            Hash(purpose.NecessityZh, purpose.NecessityEn),
            Hash(purpose.ImpactZh, purpose.ImpactEn),
            Hash(purpose.AlternativeZh, purpose.AlternativeEn),
            Hash(purpose.WithdrawalZh, purpose.WithdrawalEn),
            Hash(processor.Name, processor.NameEn, processor.Contact, processor.ComplaintChannel, processor.ComplaintChannelEn),
        };

        var line = new StringBuilder();
        for (var i = 0; i < Keys.Length; i++)
        {
            line.Append(i == 0 ? "" : " ").Append(Keys[i]).Append('=').Append(values[i]);
        }

        return line.ToString();
    }

    /// <summary>Whether <paramref name="token"/> reads as a fact: <c>key=value</c> with a non-empty key and value.</summary>
    public static bool IsFact(string token)
    {
        var equals = token.IndexOf('=');
        return equals > 0 && equals < token.Length - 1 && token.IndexOf('=', equals + 1) < 0;
    }

    /// <summary>The facts of a formatted line (or of baseline tokens joined by spaces); unknown keys are kept, the first of a key counts.</summary>
    public static Dictionary<string, string> Parse(string facts)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in facts.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsFact(token))
            {
                var equals = token.IndexOf('=');
                var key = token.Substring(0, equals);
                if (!parsed.ContainsKey(key))
                {
                    parsed.Add(key, token.Substring(equals + 1));
                }
            }
        }

        return parsed;
    }

    /// <summary>The items of a list value (<see cref="None"/> is the empty list), unescaped.</summary>
    public static IReadOnlyList<string> Items(string value)
    {
        var items = new List<string>();
        if (value == None)
        {
            return items;
        }

        foreach (var item in value.Split(','))
        {
            if (item.Length > 0)
            {
                items.Add(UnescapeValue(item));
            }
        }

        return items;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Name(int value, string[] names) =>
        value >= 0 && value < names.Length ? names[value] : value.ToString(CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> names)
    {
        var joined = string.Join(",", names);
        return joined.Length == 0 ? None : joined;
    }

    private static string Hash(params string[] texts)
    {
        var canonical = string.Join("\0", texts);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(canonical));
        var hex = new StringBuilder(8);
        for (var i = 0; i < 4; i++)
        {
            hex.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    /// <summary>Percent-encodes what would split a token or a list: anything but letters, digits, <c>. _ - +</c>.</summary>
    private static string EscapeValue(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_' or '-' or '+')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    private static string UnescapeValue(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length
                && byte.TryParse(value.Substring(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
