namespace FaceCompliance.Notice;

/// <summary>What <c>[assembly: FacialDataProcessor]</c> declares, as plain values (no symbols).</summary>
internal sealed record ProcessorDeclaration(
    string Name,
    string NameEn,
    string Contact,
    string ComplaintChannel,
    string ComplaintChannelEn,
    int SecurityMeasures,
    string ImpactAssessmentReference,
    string NoticeLocation = "")
{
    /// <summary>Stands in for a missing declaration (FC0007 reports it), so that the notice shows the gap.</summary>
    public static ProcessorDeclaration Undeclared { get; } = new("", "", "", "", "", 0, "");
}
