using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance.Analyzers;
using FaceCompliance.Analyzers.Approval;
using FaceCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace FaceCompliance.CodeFixes;

/// <summary>
/// FC0010: "Approve the notice of 'X'" writes the notice's current version, with the facts it was rendered from,
/// as X's first line of the project's <c>FacialNotice.approved.txt</c> (an additional document), keeping X's earlier
/// lines below it as the record the change notice is written from, and creating the file next to the project file
/// when there is none. The file keeps its header comments, its entries are sorted ordinally and its lines end with <c>\n</c>
/// (<see cref="ApprovedNoticeList.Approve"/>). Fix All approves every reported notice of a project in one edit.
/// Approving is a person's decision: the action is for whoever reviewed the generated text.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApproveNoticeCodeFixProvider))]
[Shared]
public sealed class ApproveNoticeCodeFixProvider : CodeFixProvider
{
    /// <summary>The header of a file the fix creates.</summary>
    public const string NewFileHeader =
        "# Notice versions approved for publication (FC0010). One line per purpose: <purpose id> <notice version>.\n"
        + "# When the generated notice changes, review the new text, then update this file (code fix \"Approve the notice\").\n"
        + "# People who consented to an older version must consent again (Measures Art. 5 §2). Earlier lines of a purpose record\n"
        + "# its earlier approved versions: keep them, the generated change notice (ChangeNotices) says what changed since each.\n";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.NoticeNotApproved);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (TryGetApproval(diagnostic, out var purposeId, out var version))
            {
                var project = context.Document.Project;
                var approvals = new Dictionary<string, string>(StringComparer.Ordinal) { [purposeId] = version };
                context.RegisterCodeFix(
                    CodeAction.Create(
                        string.Format(CultureInfo.InvariantCulture, CodeFixTitles.ApproveNoticeFormat, purposeId),
                        token => ApproveAsync(project.Solution, project.Id, approvals, token),
                        equivalenceKey: CodeFixTitles.ApproveNoticeEquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    public override FixAllProvider GetFixAllProvider() => ApproveAllProvider.Instance;

    /// <summary>The purpose id and the rest of its approved line: the version, then the notice's facts when the diagnostic carries them.</summary>
    private static bool TryGetApproval(Diagnostic diagnostic, out string purposeId, out string version)
    {
        purposeId = diagnostic.Properties.TryGetValue(NoticeApprovedAnalyzer.PurposeIdProperty, out var id) ? id ?? "" : "";
        version = diagnostic.Properties.TryGetValue(NoticeApprovedAnalyzer.NoticeVersionProperty, out var v) ? v ?? "" : "";
        var valid = purposeId.Length > 0 && ApprovedNoticeList.IsVersion(version);
        if (diagnostic.Properties.TryGetValue(NoticeApprovedAnalyzer.NoticeFactsProperty, out var facts) && facts is { Length: > 0 })
        {
            version += " " + facts;
        }

        return valid;
    }

    /// <summary>
    /// Writes every approval into the project's approved file: the first file (ordinal path order) that already
    /// lists the purpose, else the first file; a new file next to the project file when the project has none.
    /// </summary>
    private static async Task<Solution> ApproveAsync(Solution solution, ProjectId projectId, IReadOnlyDictionary<string, string> approvals,
        CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        if (project is null || approvals.Count == 0)
        {
            return solution;
        }

        var files = project.AdditionalDocuments
            .Where(d => ApprovedNoticeList.IsApprovedFile(d.FilePath ?? d.Name))
            .OrderBy(d => d.FilePath ?? d.Name, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            var directory = project.FilePath is { Length: > 0 } projectPath ? Path.GetDirectoryName(projectPath) : null;
            var text = ApprovedNoticeList.Approve(NewFileHeader, approvals);
            return solution.AddAdditionalDocument(
                DocumentId.CreateNewId(projectId, ApprovedNoticeList.FileName),
                ApprovedNoticeList.FileName,
                SourceText.From(text, System.Text.Encoding.UTF8),
                filePath: directory is null ? null : Path.Combine(directory, ApprovedNoticeList.FileName));
        }

        var texts = new List<(TextDocument File, string Text)>();
        foreach (var file in files)
        {
            texts.Add((file, (await file.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString()));
        }

        var byFile = new Dictionary<DocumentId, Dictionary<string, string>>();
        foreach (var approval in approvals)
        {
            var target = texts.FirstOrDefault(t => Lists(t.Text, approval.Key)).File ?? files[0];
            if (!byFile.TryGetValue(target.Id, out var forFile))
            {
                byFile[target.Id] = forFile = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            forFile[approval.Key] = approval.Value;
        }

        foreach (var (file, text) in texts)
        {
            if (byFile.TryGetValue(file.Id, out var forFile))
            {
                var encoding = (await file.GetTextAsync(cancellationToken).ConfigureAwait(false)).Encoding ?? System.Text.Encoding.UTF8;
                solution = solution.WithAdditionalDocumentText(file.Id, SourceText.From(ApprovedNoticeList.Approve(text, forFile), encoding));
            }
        }

        return solution;
    }

    /// <summary>Whether a line of <paramref name="text"/> starts with <paramref name="purposeId"/> as its first word.</summary>
    private static bool Lists(string text, string purposeId)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(purposeId, StringComparison.Ordinal)
                && (trimmed.Length == purposeId.Length || char.IsWhiteSpace(trimmed[purposeId.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Approves every reported notice in the scope with one edit per project.</summary>
    private sealed class ApproveAllProvider : FixAllProvider
    {
        public static readonly ApproveAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
        {
            if (context.CodeActionEquivalenceKey != CodeFixTitles.ApproveNoticeEquivalenceKey)
            {
                return null;
            }

            var diagnostics = new List<Diagnostic>();
            switch (context.Scope)
            {
                case FixAllScope.Document when context.Document is not null:
                    diagnostics.AddRange(await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in context.Solution.Projects)
                    {
                        diagnostics.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
                default:
                    return null;
            }

            var byProject = new Dictionary<ProjectId, Dictionary<string, string>>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id != RuleIdentifiers.NoticeNotApproved || !TryGetApproval(diagnostic, out var purposeId, out var version)
                    || diagnostic.Location.SourceTree is not { } tree || context.Solution.GetDocument(tree) is not { } document)
                {
                    continue;
                }

                if (!byProject.TryGetValue(document.Project.Id, out var approvals))
                {
                    byProject[document.Project.Id] = approvals = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                approvals[purposeId] = version;
            }

            if (byProject.Count == 0)
            {
                return null;
            }

            return CodeAction.Create(
                CodeFixTitles.ApproveAllNotices,
                async token =>
                {
                    var solution = context.Solution;
                    foreach (var pair in byProject)
                    {
                        solution = await ApproveAsync(solution, pair.Key, pair.Value, token).ConfigureAwait(false);
                    }

                    return solution;
                },
                CodeFixTitles.ApproveNoticeEquivalenceKey);
        }
    }
}
