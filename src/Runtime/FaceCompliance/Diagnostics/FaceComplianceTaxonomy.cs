using Microsoft.Extensions.Compliance.Classification;

namespace FaceCompliance;

/// <summary>
/// The data classes of FaceCompliance (Microsoft.Extensions.Compliance): what a redactor must hide when the runtime
/// logs. The runtime's log events mark every subject id <see cref="SubjectId"/> and never log templates or images; mark
/// your own log parameters with <see cref="ClassifiedSubjectIdAttribute"/> and <see cref="ClassifiedFacialDataAttribute"/>,
/// and choose a redactor per class (Microsoft.Extensions.Compliance.Redaction and Microsoft.Extensions.Telemetry):
/// <code>
/// services.AddRedaction(r =&gt; r.SetRedactor&lt;ErasingRedactor&gt;(FaceComplianceTaxonomy.SubjectId, FaceComplianceTaxonomy.FacialData));
/// builder.Logging.EnableRedaction();
/// </code>
/// Without <c>EnableRedaction</c>, the runtime's events leave a classified value out altogether.
/// </summary>
public static class FaceComplianceTaxonomy
{
    /// <summary>The taxonomy's name: "FaceCompliance".</summary>
    public const string TaxonomyName = "FaceCompliance";

    /// <summary>An id that names a person (a subject, a guardian): personal information (PIPL Art. 4).</summary>
    public static DataClassification SubjectId => new(TaxonomyName, nameof(SubjectId));

    /// <summary>Facial data: images, templates, similarities tied to a person (sensitive personal information, PIPL Art. 28).</summary>
    public static DataClassification FacialData => new(TaxonomyName, nameof(FacialData));
}

/// <summary>Classifies a value as an id that names a person (<see cref="FaceComplianceTaxonomy.SubjectId"/>), for redaction in logs.</summary>
[System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property | System.AttributeTargets.Field | System.AttributeTargets.ReturnValue)]
public sealed class ClassifiedSubjectIdAttribute : DataClassificationAttribute
{
    /// <summary>Creates the attribute.</summary>
    public ClassifiedSubjectIdAttribute()
        : base(FaceComplianceTaxonomy.SubjectId)
    {
    }
}

/// <summary>Classifies a value as facial data (<see cref="FaceComplianceTaxonomy.FacialData"/>), for redaction in logs.</summary>
[System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property | System.AttributeTargets.Field | System.AttributeTargets.ReturnValue)]
public sealed class ClassifiedFacialDataAttribute : DataClassificationAttribute
{
    /// <summary>Creates the attribute.</summary>
    public ClassifiedFacialDataAttribute()
        : base(FaceComplianceTaxonomy.FacialData)
    {
    }
}
