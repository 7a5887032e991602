using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using FaceCompliance.Reports;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace FaceCompliance.Build.Tasks;

/// <summary>
/// Writes the compliance report files (notice.zh-CN.md, notice.en.md, retention.md, filing.json, pipia.md, notice-changes.md,
/// minors-rules.zh-CN.md, minors-rules.en.md, ai-act.md) from
/// the constants the FaceCompliance generator compiled into <see cref="AssemblyPath"/>. The generator does no file
/// I/O; this task does it after compilation, reading the constants from the assembly's metadata without loading it.
/// Each file is written as UTF-8 without a byte order mark, exactly as emitted (\n line endings), and only when its
/// content differs from what is already on disk, so unchanged files keep their timestamps.
/// </summary>
public sealed class WriteFacialComplianceReport : Task
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The compiled assembly (normally <c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The folder to write the report to (the value of <c>FaceComplianceReportPath</c>); created when missing.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>
    /// The folder a relative <see cref="OutputDirectory"/> is relative to: the project's folder. When empty, the
    /// current directory, which MSBuild sets to the project's folder while it runs a task.
    /// </summary>
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>
    /// Every report file, full path, in the order of <see cref="ReportFiles.All"/>, each now holding its constant's
    /// content. Metadata <c>Updated</c> is <c>true</c> when this run wrote the file and <c>false</c> when it already
    /// held that content.
    /// </summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc/>
    public override bool Execute()
    {
        IReadOnlyDictionary<string, string>? constants;
        try
        {
            constants = ReportAssemblyReader.ReadConstants(AssemblyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or ArgumentException or NotSupportedException)
        {
            Error(ErrorCodes.CannotReadAssembly, $"Cannot read the compiled assembly '{AssemblyPath}' to write the FaceCompliance report: {e.Message}");
            return false;
        }

        string className = ReportFiles.ClassNamespace + "." + ReportFiles.ClassName;
        if (constants is null)
        {
            Error(
                ErrorCodes.NoReportClass,
                $"FaceComplianceReportPath is set, but '{AssemblyPath}' contains no generated class {className}, so there is no report to write. "
                + "Is the FaceCompliance generator referenced as an analyzer (the FaceCompliance package, or a ProjectReference to FaceCompliance.Generators with OutputItemType=\"Analyzer\")? "
                + "Is FaceComplianceReportPath a CompilerVisibleProperty (FaceCompliance.props adds it)? Does the assembly declare at least one [FacialDataPurpose]?");
            return false;
        }

        var contents = new List<(string Constant, string FileName, string Content)>();
        foreach (var (constant, fileName) in ReportFiles.All)
        {
            if (constants.TryGetValue(constant, out string? content))
            {
                contents.Add((constant, fileName, content));
            }
            else
            {
                Error(
                    ErrorCodes.MissingConstant,
                    $"The generated class {className} in '{AssemblyPath}' has no string constant '{constant}', the content of {fileName}. "
                    + "The FaceCompliance generator and build task come from different versions; use one version of both.");
            }
        }

        if (contents.Count != ReportFiles.All.Length)
        {
            return false;
        }

        string directory;
        try
        {
            directory = ResolveDirectory();
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            Error(ErrorCodes.CannotWrite, $"Cannot write the FaceCompliance report: FaceComplianceReportPath '{OutputDirectory}' is not a valid folder path ({e.Message}).");
            return false;
        }

        var written = new List<ITaskItem>();
        int updated = 0;
        string current = directory;
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var (_, fileName, content) in contents)
            {
                current = Path.Combine(directory, fileName);
                bool changed = WriteIfChanged(current, Utf8NoBom.GetBytes(content));
                if (changed)
                {
                    updated++;
                }

                var item = new TaskItem(current);
                item.SetMetadata("Updated", changed ? "true" : "false");
                written.Add(item);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            Error(ErrorCodes.CannotWrite, $"Cannot write the FaceCompliance report to '{current}' (FaceComplianceReportPath '{OutputDirectory}'): {e.Message}");
            return false;
        }

        WrittenFiles = written.ToArray();
        Log.LogMessage(
            MessageImportance.High,
            $"FaceCompliance report -> {directory} ({updated} of {written.Count} files updated)");
        return true;
    }

    private string ResolveDirectory()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("the path is empty");
        }

        string baseDirectory = string.IsNullOrEmpty(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory;
        return Path.GetFullPath(Path.Combine(baseDirectory, OutputDirectory));
    }

    // Writes the file unless it already holds exactly these bytes; returns whether it wrote.
    private static bool WriteIfChanged(string path, byte[] bytes)
    {
        if (File.Exists(path))
        {
            byte[] existing = File.ReadAllBytes(path);
            if (existing.AsSpan().SequenceEqual(bytes))
            {
                return false;
            }
        }

        File.WriteAllBytes(path, bytes);
        return true;
    }

    private void Error(string code, string message) =>
        Log.LogError(subcategory: null, errorCode: code, helpKeyword: null, file: null, lineNumber: 0, columnNumber: 0, endLineNumber: 0, endColumnNumber: 0, message: message);
}
