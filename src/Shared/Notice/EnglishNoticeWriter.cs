using System.Collections.Generic;
using System.Globalization;
using FaceCompliance.Methods;
using FaceCompliance.Profiles;

namespace FaceCompliance.Notice;

/// <summary>The notice in English.</summary>
internal sealed class EnglishNoticeWriter : NoticeWriter
{
    public static EnglishNoticeWriter Instance { get; } = new();

    private const string Undeclared = "[not declared]";

    public override string Language => "en";

    public override string Title => "How we process your face information";

    public override string Introduction => "Please read these rules carefully before you agree to our processing your face information. We ask for your separate consent to processing your face information; whether to give it is your own choice, and you can withdraw it at any time.";

    public override string BasisIntroduction => "Please read these rules carefully. The processing they describe does not rest on your consent; its legal basis is stated below.";

    public override string VersionLabel => "Rules version";

    public override string Number(int index) => index.ToString(CultureInfo.InvariantCulture) + ".";

    public override IEnumerable<NoticeSection> Sections(ProcessorDeclaration processor, PurposeDeclaration purpose)
    {
        var contact = Or(processor.Contact);
        yield return ProcessorSection(processor);
        yield return Section(NoticeElement.Purpose, "Purpose", Sentence(purpose.DescriptionEn));
        var consentBased = IsConsentBased(purpose);
        if (!consentBased)
        {
            // Enforced: every use under such a purpose needs a [FacialBasisCheck] on every path before it (FC0002).
            yield return Section(NoticeElement.LegalBasis, "Legal basis",
                $"We process your face information without asking for your consent, because {BasisText(purpose.LegalBasis)} (Personal Information Protection Law, Article 13). We rely on: {Sentence(purpose.LegalBasisLawEn)} Before each processing we check that this basis applies.");
        }

        yield return Section(NoticeElement.Method, "How your face information is processed", MethodText(purpose) + " " + PlaceText(purpose.Storage), SiteText(purpose));
        yield return Section(NoticeElement.Retention, "How long it is kept", RetentionTexts(purpose));
        yield return Section(NoticeElement.Necessity, "Why your face information is necessary", Sentence(purpose.NecessityEn));
        yield return Section(NoticeElement.Impact, "Impact on your rights", Sentence(purpose.ImpactEn));
        yield return Section(NoticeElement.Rights, "Your rights and how to exercise them",
            "You have the right to access, copy, correct, supplement and delete your face information, to restrict or refuse our processing of it, and to ask us to explain these rules. Where the conditions set by the Cyberspace Administration of China are met, you can ask us to transfer your personal information to another processor you name.",
            $"Send your request to: {contact}. We will answer and act on it promptly once we have confirmed your identity. If we refuse a request, we tell you why, and you can bring a lawsuit before a people's court.",
            consentBased ? "" : "This processing does not rest on your consent, so there is no consent to withdraw; you keep the rights above.");
        if (purpose.OtherNoticeItemsEn.Length > 0)
        {
            yield return Section(NoticeElement.OtherItems, "Other matters the law requires us to tell you", Sentence(purpose.OtherNoticeItemsEn));
        }

        yield return Section(NoticeElement.Categories, "Categories of personal information", CategoriesText(purpose.DataCategories));
        if (purpose.AlternativeEn.Length > 0 || ProcessingMethodTable.IsIdentity(purpose.Method))
        {
            yield return Section(NoticeElement.Alternative, "Another way, without your face",
                Sentence(purpose.AlternativeEn),
                consentBased
                    ? "If you do not agree to our processing your face information, or you withdraw your consent, choose this way instead; we will not refuse you the service because of it."
                    : "You can choose this way instead of face recognition; we will not refuse you the service because of it.");
        }

        if (consentBased)
        {
            yield return Section(NoticeElement.Withdrawal, "How to withdraw your consent",
                "You have the right to withdraw your consent at any time. "
                    + (purpose.WithdrawalEn.Length > 0 ? Sentence(purpose.WithdrawalEn) : "To withdraw, use the contact details in these rules.")
                    + " Once you withdraw, we stop processing and delete your face information. Withdrawing does not affect processing carried out with your consent before you withdrew it.");
        }

        var storage = purpose.Storage == DeclarationValues.StorageOnDevice
            ? "Your face information is stored only inside the face recognition device and is never sent out over the internet."
            // Enforced: every use of an off-device API needs a check of the Transfer scope on every path before it (FC0018).
            : $"With your separate consent, we send your face information over the internet to {Or(purpose.TransferRecipientEn)} and store it on its servers. Without your separate consent, we do not send your face information out over the internet; we check that consent before every transfer."
            + (purpose.TransferAbroad == Profiles.LawValues.CrossBorderNone ? "" : $" With your separate consent, we provide your face information to {Or(purpose.TransferAbroadRecipientEn)} in {Or(purpose.TransferAbroadCountryEn)}, outside China, for the purpose and in the way this notice describes, under {Profiles.CrossBorderMechanisms.En(purpose.TransferAbroad)}; you can exercise the rights this notice describes against us or that recipient in the ways it lists.");
        // Enforced: a face image written to a persistent sink needs a check of the ImageRetention scope on every path before it (FC0014).
        yield return purpose.RetainsImages
            ? Section(NoticeElement.Storage, "Where it is stored, and transfers", storage,
                "We keep your face images themselves, not only the face templates derived from them. By law, keeping face images needs your separate consent: we check it before each image is kept, and if you do not give it, we keep no image of your face.")
            : Section(NoticeElement.Storage, "Where it is stored, and transfers", storage);
        if (purpose.MayInvolveMinors)
        {
            // Enforced: under consent, every use needs a guardian-aware consent check on every path before it (FC0017).
            yield return Section(NoticeElement.Minors, "Children under 14", consentBased
                ? new[]
                {
                    "All personal information of children under 14 is sensitive personal information. We process the face information of a child under 14 only with the prior consent of a parent or other guardian, who gives that consent in their own right after reading these rules and our " + MinorsRulesReference + ". Where we do not know whether a person is under 14, we do not process their face information.",
                    "Our " + MinorsRulesReference + " are a separate document, written for this purpose: they state the scope of the guardian's consent and how the guardian exercises the rights.",
                }
                : new[]
                {
                    "All personal information of children under 14 is sensitive personal information. A parent or other guardian can exercise the rights described here for the child.",
                    "Our " + MinorsRulesReference + " are a separate document, written for this purpose: they state how the guardian exercises the rights.",
                });
        }

        if (purpose.Recipients.Count > 0)
        {
            yield return RecipientsSection(purpose.Recipients);
        }

        yield return ComplaintsSection(processor);
    }

    public override string Sign(ProcessorDeclaration processor, PurposeDeclaration purpose) => !IsPublicPlace(purpose) ? "" : string.Join("\n",
        "Facial recognition in use",
        "You are entering a facial recognition area: " + Or(purpose.CollectionAreaEn),
        "Personal information processor: " + Or(processor.NameEn),
        "Purpose: " + Sentence(purpose.DescriptionEn),
        IsPublicPlaceKind(purpose) ? "Installed to maintain public safety." : "Installed as allowed by: " + Sentence(purpose.PublicPlaceLawEn),
        "Contact: " + Or(processor.Contact),
        "Read the full rules (How we process your face information) at: " + Or(processor.NoticeLocation));

    public override string MinorsRulesTitle => "Rules for processing the face information of children under 14";

    private const string MinorsRulesReference = "Rules for processing the face information of children under 14";

    public override string MinorsRulesIntroduction(PurposeDeclaration purpose) => IsConsentBased(purpose)
        ? "These are the special rules we have made for processing the face information of children under 14 (Personal Information Protection Law, Article 31). They apply together with How we process your face information. Parents and other guardians: please read both before you consent."
        : "These are the special rules we have made for processing the face information of children under 14 (Personal Information Protection Law, Article 31). They apply together with How we process your face information. Parents and other guardians: please read both carefully.";

    public override IEnumerable<NoticeSection> MinorsRulesSections(ProcessorDeclaration processor, PurposeDeclaration purpose)
    {
        if (!purpose.MayInvolveMinors)
        {
            yield break;
        }

        var consentBased = IsConsentBased(purpose);
        yield return ProcessorSection(processor);
        yield return Section(NoticeElement.Purpose, "What these rules cover",
            "These rules apply when we process the face information of a child under 14 for this purpose: " + Sentence(purpose.DescriptionEn),
            "The method, the retention period, the categories of information, where it is stored and the other matters are as stated in How we process your face information.");
        yield return consentBased
            ? Section(NoticeElement.Minors, "The guardian's consent",
                "We process the face information of a child under 14 only with the prior consent of a parent or other guardian, who gives that consent in their own right after reading these rules and How we process your face information. Where we do not know whether a person is under 14, we do not process their face information.",
                "We process a child's face information only within the scope of the guardian's consent.")
            : Section(NoticeElement.Minors, "Legal basis",
                "We process the face information of children under 14 without asking for consent; the legal basis is stated in How we process your face information.");
        yield return Section(NoticeElement.MinorsRules, "Our special rules", Sentence(purpose.MinorsRulesEn));
        yield return Section(NoticeElement.Rights, "The guardian's rights",
            consentBased
                ? "A parent or other guardian can exercise for the child every right described in How we process your face information, including access, copying, correction, supplementing and deletion of the child's face information. The guardian can withdraw their consent at any time; we then stop processing and delete the child's face information."
                : "A parent or other guardian can exercise for the child every right described in How we process your face information, including access, copying, correction, supplementing and deletion of the child's face information.",
            "Send requests to: " + Or(processor.Contact) + ".");
        yield return ComplaintsSection(processor);
    }

    private static NoticeSection ProcessorSection(ProcessorDeclaration processor) => Section(NoticeElement.Processor, "Who processes your face information",
        "Name: " + Or(processor.NameEn),
        "Contact: " + Or(processor.Contact));

    private static NoticeSection ComplaintsSection(ProcessorDeclaration processor)
    {
        var channel = Or(processor.ComplaintChannelEn.Length > 0 ? processor.ComplaintChannelEn : processor.Contact);
        return Section(NoticeElement.Complaints, "Complaints and reports",
            $"If you believe our processing of your face information infringes your rights, you can complain or report it through: {channel}. You can also complain to the Cyberspace Administration of China (or its local offices), the public security organs or another authority responsible for personal information protection.");
    }

    /// <summary>Element 5: what is kept how long (see the Chinese writer).</summary>
    private static string[] RetentionTexts(PurposeDeclaration purpose)
    {
        var days = purpose.RetentionDays.ToString(CultureInfo.InvariantCulture) + (purpose.RetentionDays == 1 ? " day" : " days");
        var kept = purpose.RetainsImages
            ? (KeepsTemplates(purpose) ? $"Face images and face templates are kept for at most {days} from collection." : $"Face images are kept for at most {days} from collection.")
            : (KeepsTemplates(purpose)
                ? $"Face images are deleted as soon as the face template has been extracted; we do not keep them. Face templates are kept for at most {days} from collection."
                : $"Face images are deleted as soon as they have been processed; we do not keep them. Other face information is kept for at most {days} from collection.");
        return new[]
        {
            kept,
            IsConsentBased(purpose)
                ? "We delete your face information promptly when this period ends, when the purpose has been achieved, or when you withdraw your consent, whichever comes first."
                : "We delete your face information promptly when this period ends or when the purpose has been achieved, whichever comes first.",
            "We record each processing of your face information" + (IsConsentBased(purpose) ? ", and your consent and its withdrawal" : "") + "; the records hold no face image or face template, and are kept for at least three years, as the law requires.",
        };
    }

    /// <summary>Element 15 (PIPL Art. 23): each recipient's name, contact, purpose, method and categories, and the separate consent.</summary>
    private static NoticeSection RecipientsSection(EquatableArray<RecipientDeclaration> recipients)
    {
        var paragraphs = new List<string> { "We provide your face information to the other personal information processors listed below. Providing it to another processor needs your separate consent, which we ask for before we provide it; if you do not consent, we do not provide it." };
        foreach (var recipient in recipients)
        {
            paragraphs.Add($"{Or(recipient.NameEn)} (contact: {Or(recipient.Contact)}): purpose: {Or(recipient.PurposeEn.TrimEnd('.', ';'))}; method: {MethodName(recipient.Method)}; categories provided: {CategoryNames(recipient.DataCategories)}.");
        }

        paragraphs.Add("A recipient processes your face information only within this purpose and method and these categories; a recipient that changes the purpose or method must ask for your consent again, as the law requires.");
        return Section(NoticeElement.Recipients, "Other processors we provide your face information to", paragraphs.ToArray());
    }

    private static string MethodName(int method) => method switch
    {
        ProcessingMethodTable.Detection => "face detection",
        ProcessingMethodTable.Liveness => "liveness detection",
        ProcessingMethodTable.AttributeAnalysis => "face attribute analysis",
        ProcessingMethodTable.Verification => "face verification (1:1 comparison)",
        ProcessingMethodTable.Identification => "face identification (1:N search)",
        _ => Undeclared,
    };

    private static string CategoryNames(int categories) => Or(string.Join(", ", DeclarationValues.FlagNames(categories, s_shortCategoryNames)));

    private static readonly (int Value, string Name)[] s_shortCategoryNames =
    {
        (DeclarationValues.CategoryFaceImage, "face images"), (DeclarationValues.CategoryFaceTemplate, "face templates"),
        (DeclarationValues.CategoryLinkedIdentity, "linked identity data"), (DeclarationValues.CategoryLivenessSignal, "liveness signals"),
    };

    private static readonly string[] s_attributeNames =
    {
        "age band", "gender", "facial expression", "whether glasses are worn", "facial hair", "head pose", "whether the face is covered",
        "image quality", "ethnicity", "race", "religion", "health", "political opinion", "sexual orientation",
        "trade-union membership", "philosophical beliefs", "sex life",
    };

    /// <summary>How the notice names the attributes set in <paramref name="attributes"/>, e.g. "whether glasses are worn".</summary>
    internal static System.Collections.Generic.IEnumerable<string> AttributeDescriptions(int attributes) => AttributeNames(attributes, s_attributeNames);

    private static string MethodText(PurposeDeclaration purpose) => purpose.Method == ProcessingMethodTable.AttributeAnalysis && purpose.Attributes != 0
        ? "Face attribute analysis: we analyse the face image to estimate " + string.Join(", ", AttributeNames(purpose.Attributes, s_attributeNames)) + ". We do not identify you."
        : MethodText(purpose.Method);

    /// <summary>Where the devices are: stated for a public place only, with the public-safety purpose or the law FC0015 requires.</summary>
    private static string SiteText(PurposeDeclaration purpose) => !IsPublicPlace(purpose) ? "" :
        "The face recognition devices are installed in a public place (" + Or(purpose.CollectionAreaEn) + ")"
            + (IsPublicPlaceKind(purpose) ? ", where public safety needs them." : ", as " + Or(purpose.PublicPlaceLawEn) + " allows.");

    private static string BasisText(int basis) => basis switch
    {
        LawValues.BasisContractOrEmployment => "it is necessary to conclude or perform a contract to which you are a party, or for human-resources management under lawful labour rules and collective contracts",
        LawValues.BasisLegalDuty => "it is necessary to perform a statutory duty or obligation",
        LawValues.BasisPublicHealthEmergency => "it is necessary to respond to a public-health emergency, or to protect a person's life, health or property in an emergency",
        LawValues.BasisNewsReporting => "it is done within a reasonable scope for news reporting or public-opinion supervision in the public interest",
        LawValues.BasisPubliclyDisclosed => "it is information you disclosed yourself, or that was otherwise lawfully disclosed, processed within a reasonable scope",
        LawValues.BasisOtherLaw => "a law or administrative regulation provides for it",
        _ => "the basis is " + Undeclared,
    };

    private static string MethodText(int method) => method switch
    {
        ProcessingMethodTable.Detection => "Face detection: we only detect whether there is a face in the picture and where it is. We extract no face template and do not identify you.",
        ProcessingMethodTable.Liveness => "Liveness detection: we only check that a real person is present in front of the camera. We do not identify you.",
        ProcessingMethodTable.AttributeAnalysis => "Face attribute analysis: we analyse attributes of the face image. We do not identify you.",
        ProcessingMethodTable.Verification => "Face verification (a 1:1 comparison): a face template is extracted from the face image captured on the spot and compared with the face template you enrolled, to confirm that you are who you say you are.",
        ProcessingMethodTable.Identification => "Face identification (a 1:N search): a face template is extracted from the face image captured on the spot and searched for among the face templates of everyone enrolled, to find out who you are.",
        _ => "The method is " + Undeclared + ".",
    };

    private static string PlaceText(int storage) => storage == DeclarationValues.StorageOnDevice
        ? "This is done automatically, on the face recognition device itself."
        : "This is done automatically, on our servers.";

    private static string CategoriesText(int categories)
    {
        var names = new List<string>();
        if (Has(categories, DeclarationValues.CategoryFaceImage))
        {
            names.Add("face images");
        }

        if (Has(categories, DeclarationValues.CategoryFaceTemplate))
        {
            names.Add("face templates (numbers derived from a face image and used for comparison)");
        }

        if (Has(categories, DeclarationValues.CategoryLinkedIdentity))
        {
            names.Add("identity data linked to your face (such as your name, room number or card number)");
        }

        if (Has(categories, DeclarationValues.CategoryLivenessSignal))
        {
            names.Add("liveness signals (such as depth, motion or texture)");
        }

        return names.Count == 0
            ? "The categories are " + Undeclared + "."
            : "We process " + string.Join("; ", names) + ". Face information is sensitive personal information.";
    }

    private static string Or(string value) => value.Length > 0 ? value : Undeclared;

    private static string Sentence(string value)
    {
        if (value.Length == 0)
        {
            return Undeclared;
        }

        var last = value[value.Length - 1];
        return last is '.' or '!' or '?' ? value : value + ".";
    }
}
