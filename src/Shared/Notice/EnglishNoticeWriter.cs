using System.Collections.Generic;
using System.Globalization;
using FaceCompliance.Methods;

namespace FaceCompliance.Notice;

/// <summary>The notice in English.</summary>
internal sealed class EnglishNoticeWriter : NoticeWriter
{
    public static EnglishNoticeWriter Instance { get; } = new();

    private const string Undeclared = "[not declared]";

    public override string Language => "en";

    public override string Title => "How we process your face information";

    public override string Introduction => "Please read these rules carefully before you agree. Whether to agree is your own choice, and you can withdraw your consent at any time.";

    public override string VersionLabel => "Rules version";

    public override string Number(int index) => index.ToString(CultureInfo.InvariantCulture) + ".";

    public override IEnumerable<NoticeSection> Sections(ProcessorDeclaration processor, PurposeDeclaration purpose)
    {
        var contact = Or(processor.Contact);
        var days = purpose.RetentionDays.ToString(CultureInfo.InvariantCulture) + (purpose.RetentionDays == 1 ? " day" : " days");
        yield return Section(NoticeElement.Processor, "Who processes your face information",
            "Name: " + Or(processor.NameEn),
            "Contact: " + contact);
        yield return Section(NoticeElement.Purpose, "Purpose", Sentence(purpose.DescriptionEn));
        yield return Section(NoticeElement.Method, "How your face information is processed", MethodText(purpose.Method) + " " + PlaceText(purpose.Storage));
        yield return Section(NoticeElement.Retention, "How long it is kept",
            $"At most {days} from collection. We delete your face information promptly when this period ends, when the purpose has been achieved, or when you withdraw your consent, whichever comes first.");
        yield return Section(NoticeElement.Necessity, "Why your face information is necessary", Sentence(purpose.NecessityEn));
        yield return Section(NoticeElement.Impact, "Impact on your rights", Sentence(purpose.ImpactEn));
        yield return Section(NoticeElement.Rights, "Your rights and how to exercise them",
            $"You have the right to access, copy, correct, supplement and delete your face information, and to ask us to explain these rules. Send your request to: {contact}. We will act on it promptly once we have confirmed your identity.",
            "You have the right to withdraw your consent at any time. "
                + (purpose.WithdrawalEn.Length > 0 ? Sentence(purpose.WithdrawalEn) : "To withdraw, contact us as above.")
                + " Once you withdraw, we stop processing and delete your face information. Withdrawing does not affect processing carried out with your consent before you withdrew it.");
        if (purpose.AlternativeEn.Length > 0 || ProcessingMethodTable.IsIdentity(purpose.Method))
        {
            yield return Section(NoticeElement.Alternative, "Another way, without your face",
                Sentence(purpose.AlternativeEn),
                "If you do not agree to the processing of your face information, choose this way instead; we will not refuse you the service because of it.");
        }

        yield return Section(NoticeElement.Categories, "Categories of personal information", CategoriesText(purpose.DataCategories));
        var storage = purpose.Storage == DeclarationValues.StorageOnDevice
            ? "Your face information is stored only inside the face recognition device and is never sent out over the internet."
            : $"Your face information is sent over the internet to {Or(purpose.TransferRecipientEn)} and stored on its servers. Sending face information over the internet needs your separate consent: your separate consent to the purpose described here includes this transfer; if you do not consent, we neither process nor transfer your face information.";
        yield return purpose.RetainsImages
            ? Section(NoticeElement.Storage, "Where it is stored, and transfers", storage,
                "We keep your face images themselves, not only the face templates derived from them. Keeping face images needs your separate consent, which we ask for separately; if you do not consent, we do not keep your face images.")
            : Section(NoticeElement.Storage, "Where it is stored, and transfers", storage);
        if (purpose.MayInvolveMinors)
        {
            yield return Section(NoticeElement.Minors, "Children under 14",
                "All personal information of children under 14 is sensitive personal information. We process the face information of a child under 14 only with the prior consent of a parent or other guardian, who reads these rules and consents on the child's behalf.",
                "We process a child's face information only within the scope of the guardian's consent. The guardian can exercise the rights described here for the child at any time, including withdrawing consent and asking for deletion.");
        }

        var channel = Or(processor.ComplaintChannelEn.Length > 0 ? processor.ComplaintChannelEn : processor.Contact);
        yield return Section(NoticeElement.Complaints, "Complaints and reports",
            $"If you believe our processing of your face information infringes your rights, you can complain or report it through: {channel}. You can also complain to the cyberspace administration or another authority responsible for personal information protection.");
    }

    public override string Sign(ProcessorDeclaration processor, PurposeDeclaration purpose) => !purpose.PublicPlace ? "" : string.Join("\n",
        "Facial recognition in use",
        "You are entering a face capture area: " + Or(purpose.CollectionAreaEn),
        "Operated by: " + Or(processor.NameEn),
        "Purpose: " + Sentence(purpose.DescriptionEn),
        "Contact: " + Or(processor.Contact),
        "Ask the operator for the full rules.");

    private static string MethodText(int method) => method switch
    {
        ProcessingMethodTable.Detection => "Face detection: we only detect whether there is a face in the picture and where it is. We extract no face template and do not identify you.",
        ProcessingMethodTable.Liveness => "Liveness detection: we only check that a real person is present in front of the camera. We do not identify you.",
        ProcessingMethodTable.AttributeAnalysis => "Face attribute analysis: we analyse attributes of the face image. We do not identify you.",
        ProcessingMethodTable.Verification => "Face verification (a 1:1 comparison): the face captured on the spot is compared with the face template you enrolled, to confirm that you are who you say you are.",
        ProcessingMethodTable.Identification => "Face identification (a 1:N search): the face captured on the spot is searched against the face templates of everyone enrolled, to find out who you are.",
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
