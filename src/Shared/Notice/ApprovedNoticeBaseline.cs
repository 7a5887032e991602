using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace FaceCompliance.Notice;

/// <summary>One approved version of a purpose's notice: a line <c>&lt;purpose id&gt; &lt;version&gt; [facts]</c>.</summary>
internal sealed record ApprovedNoticeEntry(string PurposeId, string Version, string Facts);

/// <summary>
/// The approved-notices baseline (<c>FacialNotice.approved.txt</c>) as the generator reads it, compared by value.
/// Each line is <c>&lt;purpose id&gt; &lt;notice version&gt;</c>, optionally followed by the notice's facts
/// (<see cref="NoticeFacts"/>). The lines of one id list its approved versions, newest first: the first is the
/// approved one (FC0010), the later ones are the versions approved before it, which people may still have consented
/// to. Lines FC1002 reports (too few parts, a bad version, a part that is not a fact) are skipped here.
/// </summary>
internal sealed record ApprovedNoticeBaseline(EquatableArray<ApprovedNoticeEntry> Entries)
{
    public const string FileName = "FacialNotice.approved.txt";

    public const int VersionLength = 16;

    public static ApprovedNoticeBaseline Empty { get; } = new(new EquatableArray<ApprovedNoticeEntry>(ImmutableArray<ApprovedNoticeEntry>.Empty));

    public static bool IsApprovedFile(string path) =>
        System.IO.Path.GetFileName(path).Equals(FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the texts of the project's baseline files, in the order given (ordinal path order).</summary>
    public static ApprovedNoticeBaseline Parse(IEnumerable<string> texts)
    {
        var entries = ImmutableArray.CreateBuilder<ApprovedNoticeEntry>();
        foreach (var text in texts)
        {
            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                var parts = trimmed.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2 || !IsVersion(parts[1]))
                {
                    continue;
                }

                var facts = new List<string>();
                var readable = true;
                for (var i = 2; i < parts.Length; i++)
                {
                    readable &= NoticeFacts.IsFact(parts[i]);
                    facts.Add(parts[i]);
                }

                if (readable)
                {
                    entries.Add(new ApprovedNoticeEntry(parts[0], parts[1].ToLowerInvariant(), string.Join(" ", facts)));
                }
            }
        }

        return new ApprovedNoticeBaseline(new EquatableArray<ApprovedNoticeEntry>(entries.ToImmutable()));
    }

    /// <summary>The approved versions of <paramref name="purposeId"/>, newest first, each version once.</summary>
    public IReadOnlyList<ApprovedNoticeEntry> For(string purposeId)
    {
        var found = new List<ApprovedNoticeEntry>();
        foreach (var entry in Entries)
        {
            if (entry.PurposeId == purposeId && !found.Exists(e => e.Version == entry.Version))
            {
                found.Add(entry);
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="version"/> is 16 hex digits (either case).</summary>
    public static bool IsVersion(string version)
    {
        if (version.Length != VersionLength)
        {
            return false;
        }

        foreach (var c in version)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F'))
            {
                return false;
            }
        }

        return true;
    }
}
