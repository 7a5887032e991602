namespace FaceCompliance.Reports;

/// <summary>
/// The report files a build writes when <c>FaceComplianceReportPath</c> is set, and the constants of the generated
/// report class that hold them. Shared by the generator (which emits the constants) and the build task (which
/// reads them from the compiled assembly and writes the files), so the two cannot drift apart.
/// </summary>
internal static class ReportFiles
{
    /// <summary>The MSBuild property that turns the report on, as the generator sees it.</summary>
    public const string ReportPathProperty = "build_property.FaceComplianceReportPath";

    /// <summary>The generated class, full metadata name.</summary>
    public const string ClassNamespace = "FaceCompliance.Generated";

    /// <summary>The generated class name.</summary>
    public const string ClassName = "FacialComplianceReport";

    /// <summary>Constant name and file name of each report file, in the order they are written.</summary>
    public static readonly (string Constant, string FileName)[] All =
    {
        ("NoticeChineseMarkdown", "notice.zh-CN.md"),
        ("NoticeEnglishMarkdown", "notice.en.md"),
        ("RetentionMarkdown", "retention.md"),
        ("FilingJson", "filing.json"),
        ("ImpactAssessmentMarkdown", "pipia.md"),
        ("OperatingProceduresMarkdown", "operating-procedures.md"),
        ("AuthorisationLetterMarkdown", "authorisation-letter.md"),
        ("CommitmentLetterMarkdown", "commitment-letter.md"),
        ("ChangeNoticesMarkdown", "notice-changes.md"),
        ("MinorsRulesChineseMarkdown", "minors-rules.zh-CN.md"),
        ("MinorsRulesEnglishMarkdown", "minors-rules.en.md"),
        ("GdprNoticeMarkdown", "gdpr-notice.en.md"),
        ("GdprRecordOfProcessingMarkdown", "gdpr-ropa.md"),
        ("GdprImpactAssessmentMarkdown", "gdpr-dpia.md"),
        ("AiActMarkdown", "ai-act.md"),
    };
}
