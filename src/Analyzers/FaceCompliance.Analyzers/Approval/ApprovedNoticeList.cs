using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using FaceCompliance.Notice;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.Analyzers.Approval;

/// <summary>One approved line: a purpose id and the notice version approved for it.</summary>
internal sealed class ApprovedNotice
{
    public ApprovedNotice(string purposeId, string version, string path, int line, string facts = "")
    {
        PurposeId = purposeId;
        Version = version;
        Facts = facts;
        Path = path;
        Line = line;
    }

    public string PurposeId { get; }

    public string Version { get; }

    /// <summary>The facts after the version, joined by single spaces; empty on a line without facts.</summary>
    public string Facts { get; }

    public string Path { get; }

    /// <summary>Zero-based.</summary>
    public int Line { get; }
}

/// <summary>A line of an approved-notice file that cannot be read, or repeats an id (FC1002).</summary>
internal sealed class ApprovedNoticeError
{
    public ApprovedNoticeError(string path, TextSpan span, string message)
    {
        Path = path;
        Span = span;
        Message = message;
    }

    public string Path { get; }

    public TextSpan Span { get; }

    public string Message { get; }
}

/// <summary>
/// The project's <c>FacialNotice.approved.txt</c>: lines <c>&lt;purpose id&gt; &lt;notice version&gt; [facts]</c>,
/// where the id is the purpose type's metadata name, the version the 16 hex digits the generator computes, and the
/// optional facts the <c>key=value</c> tokens of <see cref="FaceCompliance.Notice.NoticeFacts"/> the notice was
/// rendered from (the generator's change notice compares them). The lines of one id are its approved versions,
/// newest first: the first line of an id is the approved one; later ones record earlier approvals. A line whose
/// first non-blank character is <c>#</c> is a comment; blank lines are ignored. FC1002: a line with fewer than two
/// parts, a bad version, a part after the version that is not a fact, or an id and version listed twice.
/// </summary>
internal sealed class ApprovedNoticeList
{
    public const string FileName = "FacialNotice.approved.txt";

    public const int VersionLength = ApprovedNoticeBaseline.VersionLength;

    private static readonly char[] s_separators = { ' ', '\t' };

    private readonly Dictionary<string, ApprovedNotice> _entries = new(StringComparer.Ordinal);

    /// <summary>Every readable line by id and lower-case version, to find an approval listed twice.</summary>
    private readonly Dictionary<string, ApprovedNotice> _lines = new(StringComparer.Ordinal);

    private ApprovedNoticeList()
    {
    }

    /// <summary>False when the project has no <c>FacialNotice.approved.txt</c> at all: nothing is approved.</summary>
    public bool HasFile { get; private set; }

    public List<ApprovedNoticeError> Errors { get; } = new();

    public static bool IsApprovedFile(string path) => Path.GetFileName(path).Equals(FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads every <c>FacialNotice.approved.txt</c> of the project, in ordinal path order.</summary>
    public static ApprovedNoticeList Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var list = new ApprovedNoticeList();
        foreach (var file in files.Where(f => IsApprovedFile(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            list.HasFile = true;
            if (file.GetText(cancellationToken) is { } text)
            {
                list.Parse(file.Path, text);
            }
        }

        return list;
    }

    /// <summary>The approved (newest) line of <paramref name="purposeId"/>, or null.</summary>
    public ApprovedNotice? Find(string purposeId) => _entries.TryGetValue(purposeId, out var entry) ? entry : null;

    /// <summary>Whether <paramref name="version"/> is 16 hex digits (either case).</summary>
    public static bool IsVersion(string version) => ApprovedNoticeBaseline.IsVersion(version);

    /// <summary>Whether an approved version is the current one (hex digits compare without case).</summary>
    public static bool SameVersion(string approved, string current) => string.Equals(approved, current, StringComparison.OrdinalIgnoreCase);

    private void Parse(string path, SourceText text)
    {
        foreach (var line in text.Lines)
        {
            var content = line.ToString();
            var trimmed = content.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var span = new TextSpan(line.Start + content.IndexOf(trimmed, StringComparison.Ordinal), trimmed.Length);
            var parts = trimmed.Split(s_separators, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                Errors.Add(new ApprovedNoticeError(path, span,
                    $"expected '<purpose id> <notice version>', e.g. 'CommunityAccess.CommunityEntry 0123456789abcdef', but the line has {parts.Length} parts"));
                continue;
            }

            if (!IsVersion(parts[1]))
            {
                Errors.Add(new ApprovedNoticeError(path, span,
                    $"'{parts[1]}' is not a notice version; expected the {VersionLength} hexadecimal digits FC0010 reports"));
                continue;
            }

            var notFact = parts.Skip(2).FirstOrDefault(part => !NoticeFacts.IsFact(part));
            if (notFact is not null)
            {
                Errors.Add(new ApprovedNoticeError(path, span,
                    $"'{notFact}' is not a fact of the notice; after the version a line may only list key=value facts, such as 'retention=365'"));
                continue;
            }

            var key = parts[0] + " " + parts[1].ToLowerInvariant();
            if (_lines.TryGetValue(key, out var first))
            {
                Errors.Add(new ApprovedNoticeError(path, span,
                    $"'{parts[0]}' version {parts[1]} is listed twice; first at {System.IO.Path.GetFileName(first.Path)} line {first.Line + 1}"));
                continue;
            }

            var entry = new ApprovedNotice(parts[0], parts[1], path, line.LineNumber, string.Join(" ", parts.Skip(2)));
            _lines.Add(key, entry);
            if (_entries.ContainsKey(parts[0]))
            {
                continue;
            }

            _entries.Add(parts[0], entry);
        }
    }

    /// <summary>
    /// The text of an approved-notice file after approving <paramref name="approvals"/> (purpose id to the rest of its
    /// line: the version, then the facts): the comment lines before the first entry are kept as the header, followed
    /// by one blank line; an approved id gets its new line first among its lines, and its earlier lines stay below it
    /// as the record of earlier approvals (the generator writes change notices from them; a line of the same version
    /// is replaced, and a repeated version of an approved id is dropped); the lines of an id are kept together, and ids are sorted ordinally, each line keeping the comment
    /// lines written above it; blank lines between entries are dropped; lines end with <c>\n</c>, the last one too.
    /// </summary>
    public static string Approve(string text, IReadOnlyDictionary<string, string> approvals)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').ToList();
        if (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var firstEntry = lines.FindIndex(IsEntry);
        var header = firstEntry < 0 ? lines : lines.Take(firstEntry).ToList();
        while (header.Count > 0 && header[header.Count - 1].Trim().Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }

        var blocks = new List<Block>();
        var byKey = new Dictionary<string, Block>(StringComparer.Ordinal);
        var pending = new List<string>();
        for (var i = firstEntry < 0 ? lines.Count : firstEntry; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (!IsEntry(line))
            {
                pending.Add(line);
                continue;
            }

            var key = Key(line);
            if (!byKey.TryGetValue(key, out var block))
            {
                block = new Block(key);
                blocks.Add(block);
                byKey[key] = block;
            }

            var repeated = approvals.ContainsKey(key) ? block.Items.Find(item => SameVersion(VersionOf(item.Line), VersionOf(line))) : null;
            if (repeated is not null)
            {
                // A version listed twice (FC1002) for an id being approved: the first line stays, its repeat goes.
                repeated.Comments.AddRange(pending);
            }
            else
            {
                block.Items.Add(new Item(line, pending));
            }

            pending = new List<string>();
        }

        foreach (var approval in approvals.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var line = approval.Key + " " + approval.Value;
            var version = VersionOf(line);
            if (!byKey.TryGetValue(approval.Key, out var block))
            {
                block = new Block(approval.Key);
                blocks.Add(block);
                byKey[approval.Key] = block;
            }

            // The new line takes the place (and the comments) of the newest one; a line of the same version is replaced.
            var approved = new Item(line, new List<string>());
            if (block.Items.Count > 0)
            {
                approved.Comments.AddRange(block.Items[0].Comments);
                block.Items[0].Comments.Clear();
            }

            foreach (var same in block.Items.Where(item => SameVersion(VersionOf(item.Line), version)).ToList())
            {
                approved.Comments.AddRange(same.Comments);
                block.Items.Remove(same);
            }

            block.Items.Insert(0, approved);
        }

        var result = new List<string>(header);
        if (header.Count > 0 && blocks.Count + pending.Count > 0)
        {
            result.Add("");
        }

        foreach (var block in blocks.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            foreach (var item in block.Items)
            {
                result.AddRange(item.Comments);
                result.Add(item.Line);
            }
        }

        result.AddRange(pending);
        return result.Count == 0 ? "" : string.Join("\n", result) + "\n";
    }

    private static bool IsEntry(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0 && trimmed[0] != '#';
    }

    private static string Key(string line) => line.Trim().Split(s_separators, StringSplitOptions.RemoveEmptyEntries)[0];

    private static string VersionOf(string line)
    {
        var parts = line.Trim().Split(s_separators, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 ? parts[1] : "";
    }

    private sealed class Block
    {
        public Block(string key) => Key = key;

        public string Key { get; }

        public List<Item> Items { get; } = new();
    }

    private sealed class Item
    {
        public Item(string line, List<string> comments)
        {
            Line = line;
            Comments = comments;
        }

        public string Line { get; }

        public List<string> Comments { get; }
    }
}
