using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.Analyzers.Approval;

/// <summary>One approved line: a purpose id and the notice version approved for it.</summary>
internal sealed class ApprovedNotice
{
    public ApprovedNotice(string purposeId, string version, string path, int line)
    {
        PurposeId = purposeId;
        Version = version;
        Path = path;
        Line = line;
    }

    public string PurposeId { get; }

    public string Version { get; }

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
/// The project's <c>FacialNotice.approved.txt</c>: one line per purpose, <c>&lt;purpose id&gt; &lt;notice version&gt;</c>,
/// where the id is the purpose type's metadata name and the version the 16 hex digits the generator computes;
/// a line whose first non-blank character is <c>#</c> is a comment; blank lines are ignored. The first line of
/// an id counts; a later one is a duplicate (FC1002), as is a line that does not have exactly these two parts.
/// </summary>
internal sealed class ApprovedNoticeList
{
    public const string FileName = "FacialNotice.approved.txt";

    public const int VersionLength = 16;

    private static readonly char[] s_separators = { ' ', '\t' };

    private readonly Dictionary<string, ApprovedNotice> _entries = new(StringComparer.Ordinal);

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

    public ApprovedNotice? Find(string purposeId) => _entries.TryGetValue(purposeId, out var entry) ? entry : null;

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
            if (parts.Length != 2)
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

            if (_entries.TryGetValue(parts[0], out var first))
            {
                Errors.Add(new ApprovedNoticeError(path, span,
                    $"'{parts[0]}' is listed twice; first at {System.IO.Path.GetFileName(first.Path)} line {first.Line + 1}"));
                continue;
            }

            _entries.Add(parts[0], new ApprovedNotice(parts[0], parts[1], path, line.LineNumber));
        }
    }

    /// <summary>
    /// The text of an approved-notice file after approving <paramref name="approvals"/> (purpose id to version):
    /// the comment lines before the first entry are kept as the header, followed by one blank line; each approved
    /// id gets exactly one line <c>id version</c> (later lines of the same id are removed); entries are sorted by
    /// their first word, ordinally, each keeping the comment lines written above it; blank lines between entries
    /// are dropped; lines end with <c>\n</c>, the last one too.
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
            if (approvals.ContainsKey(key) && byKey.TryGetValue(key, out var existing))
            {
                existing.Comments.AddRange(pending);
            }
            else
            {
                var block = new Block(key, line, pending);
                blocks.Add(block);
                byKey[key] = block;
            }

            pending = new List<string>();
        }

        foreach (var approval in approvals.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var line = approval.Key + " " + approval.Value;
            if (byKey.TryGetValue(approval.Key, out var block))
            {
                block.Line = line;
            }
            else
            {
                blocks.Add(new Block(approval.Key, line, new List<string>()));
            }
        }

        var result = new List<string>(header);
        if (header.Count > 0 && blocks.Count + pending.Count > 0)
        {
            result.Add("");
        }

        foreach (var block in blocks.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            result.AddRange(block.Comments);
            result.Add(block.Line);
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

    private sealed class Block
    {
        public Block(string key, string line, List<string> comments)
        {
            Key = key;
            Line = line;
            Comments = comments;
        }

        public string Key { get; }

        public string Line { get; set; }

        public List<string> Comments { get; }
    }
}
