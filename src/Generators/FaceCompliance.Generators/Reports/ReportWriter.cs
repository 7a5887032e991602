using FaceCompliance.Generators.Model;

namespace FaceCompliance.Generators.Reports;

/// <summary>Renders every report file, in the order of <see cref="FaceCompliance.Reports.ReportFiles.All"/>.</summary>
internal static class ReportWriter
{
    /// <summary>Marks what people must complete by hand, the same way in every report.</summary>
    public const string Gap = "【待填写 TO COMPLETE】";

    /// <summary>The same mark in the documents filed in Chinese only (pipia.md and the filing templates).</summary>
    public const string GapZh = "【待填写】";

    public static string[] Write(AssemblySpec spec) => new[]
    {
        NoticeDocument.Write(spec, chinese: true),
        NoticeDocument.Write(spec, chinese: false),
        RetentionDocument.Write(spec),
        FilingDocument.Write(spec),
        ImpactAssessmentDocument.Write(spec),
        FilingTemplates.OperatingProcedures(spec),
        FilingTemplates.AuthorisationLetter(spec),
        FilingTemplates.CommitmentLetter(spec),
        ChangeNoticeDocument.Write(spec),
        NoticeDocument.WriteMinorsRules(spec, chinese: true),
        NoticeDocument.WriteMinorsRules(spec, chinese: false),
        GdprDocuments.Notice(spec),
        GdprDocuments.RecordOfProcessing(spec),
        GdprDocuments.ImpactAssessment(spec),
        AiActDocument.Write(spec),
    };
}
