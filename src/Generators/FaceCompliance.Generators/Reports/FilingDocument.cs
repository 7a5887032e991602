using System.Linq;
using FaceCompliance.Filing;
using FaceCompliance.Generators.Emission;
using FaceCompliance.Generators.Model;
using FaceCompliance.Notice;

namespace FaceCompliance.Generators.Reports;

/// <summary>
/// filing.json at build time: the declarations as <see cref="FilingFacts"/>, written by the one shared
/// <see cref="FilingWriter"/> as a first filing (首次备案) whose count and date are null and listed under 待补充事项;
/// the runtime's FilingExport writes the same form with the real count.
/// </summary>
internal static class FilingDocument
{
    public static int FilingThreshold => FaceCompliance.Profiles.JurisdictionProfiles.China.FilingThreshold;

    public static string Write(AssemblySpec spec) =>
        FilingWriter.Write(Facts(spec), new FilingOccasion(FilingKind.Initial, GeneratedCode.Tool + " " + GeneratedCode.Version), FilingThreshold);

    /// <summary>The filing facts of the assembly's declarations (also what pipia.md and the templates read).</summary>
    public static FilingFacts Facts(AssemblySpec spec)
    {
        var p = spec.Processor;
        var processor = new FilingProcessor(p.Name, p.NameEn, p.Contact, p.ComplaintChannel, p.ComplaintChannelEn, p.SecurityMeasures, p.ImpactAssessmentReference);
        return new FilingFacts(processor, spec.Purposes.Select(purpose => Purpose(purpose.Declaration, purpose.Notice.Version)).ToList());
    }

    private static FilingPurpose Purpose(PurposeDeclaration d, string noticeVersion) => new(
        d.Id, d.DescriptionZh, d.DescriptionEn, d.Method, d.NecessityZh, d.NecessityEn, d.ImpactZh, d.ImpactEn,
        d.AlternativeZh, d.AlternativeEn, d.Storage, d.TransferRecipientZh, d.TransferRecipientEn, d.RetentionDays,
        d.RetainsImages, d.MayInvolveMinors, d.DataCategories, d.Site, d.CollectionAreaZh, d.CollectionAreaEn, d.Kind,
        d.PublicPlaceLawZh, d.PublicPlaceLawEn, d.Attributes, d.LegalBasis, d.LegalBasisLawZh, d.LegalBasisLawEn,
        d.Recipients.ToList(),
        noticeVersion, d.TransferAbroad, d.TransferAbroadRecipientZh, d.TransferAbroadRecipientEn, d.TransferAbroadCountryZh, d.TransferAbroadCountryEn);
}
