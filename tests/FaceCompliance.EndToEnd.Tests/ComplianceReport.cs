using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>The report files a build wrote to a folder (FaceComplianceReportPath), read for assertions.</summary>
internal sealed class ComplianceReport
{
    /// <summary>The report files, as src/Shared/Report/ReportFiles.cs names them.</summary>
    public static readonly string[] FileNames = ["notice.zh-CN.md", "notice.en.md", "retention.md", "filing.json", "pipia.md", "operating-procedures.md", "authorisation-letter.md", "commitment-letter.md", "notice-changes.md", "minors-rules.zh-CN.md", "minors-rules.en.md", "gdpr-notice.en.md", "gdpr-ropa.md", "gdpr-dpia.md", "ai-act.md"];

    private static readonly Regex ChineseVersion = new("^规则版本：`(?<version>[0-9a-f]{16})`$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex EnglishVersion = new("^Rules version: `(?<version>[0-9a-f]{16})`$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Reads a report folder.</summary>
    /// <param name="directory">The folder.</param>
    public ComplianceReport(string directory) => Directory = directory;

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>The names of the files in the folder, sorted.</summary>
    public IReadOnlyList<string> Files => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.EnumerateFileSystemEntries(Directory).Select(path => Path.GetFileName(path)).OrderBy(n => n, StringComparer.Ordinal).ToList()
        : [];

    /// <summary>A file's text, checked to be UTF-8 without a byte order mark and with \n line endings.</summary>
    /// <param name="fileName">The file's name.</param>
    /// <returns>The text.</returns>
    public string Read(string fileName)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Directory, fileName));
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            throw new InvalidDataException($"{fileName} starts with a UTF-8 byte order mark.");
        }

        if (bytes.Contains((byte)'\r'))
        {
            throw new InvalidDataException($"{fileName} has a carriage return; the report is written with \\n line endings.");
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
    }

    /// <summary>filing.json, parsed.</summary>
    /// <returns>The document.</returns>
    public JsonDocument Filing() => JsonDocument.Parse(Read("filing.json"));

    /// <summary>The one purpose in filing.json (the sample declares one).</summary>
    /// <param name="filing">filing.json.</param>
    /// <returns>The purpose object.</returns>
    public static JsonElement OnlyPurpose(JsonDocument filing) => filing.RootElement.GetProperty("处理目的和处理方式").EnumerateArray().Single();

    /// <summary>The notice version the rules in one language end with (<c>规则版本：`…`</c> or <c>Rules version: `…`</c>).</summary>
    /// <param name="fileName">notice.zh-CN.md or notice.en.md.</param>
    /// <returns>The version, 16 hex digits.</returns>
    public string NoticeVersion(string fileName)
    {
        Regex regex = fileName == "notice.zh-CN.md" ? ChineseVersion : EnglishVersion;
        Match match = regex.Match(Read(fileName));
        return match.Success ? match.Groups["version"].Value : throw new InvalidDataException($"{fileName} states no notice version.");
    }

    /// <summary>
    /// Whether a compiled assembly holds the generated class FaceCompliance.Generated.FacialComplianceReport: the
    /// generator emits it only when it sees FaceComplianceReportPath. Read from metadata, without loading it.
    /// </summary>
    /// <param name="assemblyPath">The assembly.</param>
    /// <returns>Whether the class is there.</returns>
    public static bool HasReportClass(string assemblyPath)
    {
        using var pe = new PEReader(new MemoryStream(File.ReadAllBytes(assemblyPath)));
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(metadata.GetTypeDefinition).Any(type =>
            metadata.StringComparer.Equals(type.Namespace, "FaceCompliance.Generated")
            && metadata.StringComparer.Equals(type.Name, "FacialComplianceReport"));
    }

    /// <summary>
    /// The approved notice version of a purpose in a FacialNotice.approved.txt (<c>&lt;purpose id&gt; &lt;version&gt; [facts]</c>
    /// lines, newest first): the version on the purpose's first line.
    /// </summary>
    /// <param name="approvedFile">The file.</param>
    /// <param name="purposeId">The purpose id.</param>
    /// <returns>The version, or null when the file has no line for it.</returns>
    public static string? ApprovedVersion(string approvedFile, string purposeId) =>
        File.ReadAllLines(approvedFile)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 2 && parts[0] == purposeId)
            .Select(parts => parts[1])
            .FirstOrDefault();
}
