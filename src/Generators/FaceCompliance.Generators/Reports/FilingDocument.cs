using System.Collections.Generic;
using FaceCompliance.Generators.Emission;
using FaceCompliance.Generators.Model;
using FaceCompliance.Methods;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;

namespace FaceCompliance.Generators.Reports;

/// <summary>
/// filing.json: the data of the 人脸识别技术应用情况备案表 (Measures Art. 15; REGULATION.md §5): processor, purposes,
/// methods, storage, retention, declared security measures and the assessment reference. What the code cannot
/// know is null and listed in <c>toComplete</c>.
/// </summary>
internal static class FilingDocument
{
    public static int FilingThreshold => FaceCompliance.Profiles.JurisdictionProfiles.China.FilingThreshold;

    public static string Write(AssemblySpec spec)
    {
        var processor = spec.Processor;
        var toComplete = new List<string>
        {
            "numberOfPeopleStored: the current number of distinct people whose face information is stored, counted across all scenarios (the runtime's template store reports it).",
            "processorBasics: unified social credit code, address, legal representative and the person handling the filing (个人信息处理者基本情况表).",
        };
        var json = new JsonWriter().StartObject()
            .String("form", "人脸识别技术应用情况备案表")
            .String("formEn", "Facial recognition technology application filing form")
            .String("legalBasis", "《人脸识别技术应用安全管理办法》第十五条 (Measures for the Security Management of the Application of Facial Recognition Technology, Art. 15)")
            .String("generatedBy", GeneratedCode.Tool + " " + GeneratedCode.Version)
            .StartObject("processor")
            .String("name", processor.Name)
            .String("nameEn", processor.NameEn)
            .String("contact", processor.Contact)
            .String("complaintChannel", processor.ComplaintChannel.Length > 0 ? processor.ComplaintChannel : processor.Contact)
            .EndObject()
            .StartArray("purposes");
        foreach (var purpose in spec.Purposes)
        {
            var declaration = purpose.Declaration;
            json.StartObject()
                .String("id", declaration.Id)
                .StartObject("description").String("zh-CN", declaration.DescriptionZh).String("en", declaration.DescriptionEn).EndObject()
                .String("method", ProcessingMethodTable.Name(declaration.Method))
                .StartObject("necessity").String("zh-CN", declaration.NecessityZh).String("en", declaration.NecessityEn).EndObject()
                .String("storage", DeclarationValues.StorageName(declaration.Storage))
                .Boolean("internetTransfer", declaration.Storage != DeclarationValues.StorageOnDevice)
                .Number("retentionDays", declaration.RetentionDays)
                .Boolean("mayInvolveMinors", declaration.MayInvolveMinors)
                .StartArray("dataCategories");
            foreach (var name in DeclarationValues.FlagNames(declaration.DataCategories, DeclarationValues.Categories))
            {
                json.String(null, name);
            }

            json.EndArray();
            WriteRecipients(json, declaration);
            json.Boolean("publicPlace", declaration.Site == LawValues.SitePublicPlace)
                .String("site", LawValues.Name(LawValues.SiteNames, declaration.Site))
                .String("purposeKind", LawValues.Name(LawValues.KindNames, declaration.Kind));
            if (declaration.PublicPlaceLawZh.Length > 0 || declaration.PublicPlaceLawEn.Length > 0)
            {
                json.StartObject("publicPlaceLaw").String("zh-CN", declaration.PublicPlaceLawZh).String("en", declaration.PublicPlaceLawEn).EndObject();
            }
            else
            {
                json.Null("publicPlaceLaw");
            }

            json.StartArray("attributesEstimated");
            foreach (var name in LawValues.FlagNames(declaration.Attributes, LawValues.Attributes))
            {
                json.String(null, name);
            }

            json.EndArray()
                .String("noticeVersion", purpose.Notice.Version)
                .EndObject();
        }

        json.EndArray()
            .Null("numberOfPeopleStored")
            .Number("filingThreshold", FilingThreshold)
            .StartArray("securityMeasures");
        foreach (var name in DeclarationValues.FlagNames(processor.SecurityMeasures, DeclarationValues.SecurityMeasures))
        {
            json.String(null, name);
        }

        if (processor.SecurityMeasures == 0)
        {
            toComplete.Add("securityMeasures: none declared; set FacialDataProcessor.SecurityMeasures (Measures Art. 14).");
        }

        json.EndArray()
            .StartObject("processingRules")
            .String("zh-CN", "notice.zh-CN.md")
            .String("en", "notice.en.md")
            .EndObject()
            .StartObject("impactAssessment")
            .String("report", "pipia.md")
            .String("reference", processor.ImpactAssessmentReference.Length > 0 ? processor.ImpactAssessmentReference : null)
            .EndObject();
        if (processor.ImpactAssessmentReference.Length == 0)
        {
            toComplete.Add("impactAssessment.reference: the number and date of the completed impact assessment; set FacialDataProcessor.ImpactAssessmentReference (Measures Art. 9).");
        }

        json.StartArray("toComplete");
        foreach (var item in toComplete)
        {
            json.String(null, item);
        }

        return json.EndArray().EndObject().ToString();
    }

    /// <summary>The purpose's <c>recipients</c>: each other processor it provides face information to (PIPL Art. 23), empty when none is declared.</summary>
    private static void WriteRecipients(JsonWriter json, PurposeDeclaration declaration)
    {
        json.StartArray("recipients");
        foreach (var recipient in declaration.Recipients)
        {
            json.StartObject()
                .String("id", recipient.Id)
                .StartObject("name").String("zh-CN", recipient.NameZh).String("en", recipient.NameEn).EndObject()
                .String("contact", recipient.Contact)
                .StartObject("purpose").String("zh-CN", recipient.PurposeZh).String("en", recipient.PurposeEn).EndObject()
                .String("method", ProcessingMethodTable.Name(recipient.Method))
                .StartArray("dataCategories");
            foreach (var name in DeclarationValues.FlagNames(recipient.DataCategories, DeclarationValues.Categories))
            {
                json.String(null, name);
            }

            json.EndArray().EndObject();
        }

        json.EndArray();
    }
}
