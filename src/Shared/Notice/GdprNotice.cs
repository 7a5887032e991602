using System.Collections.Generic;
using System.Globalization;
using System.Text;
using FaceCompliance.Methods;
using FaceCompliance.Profiles;

namespace FaceCompliance.Notice;

/// <summary>
/// The GDPR Art. 13 notice of a purpose that serves the EU, in English: one section per notice element of the EU
/// profile (<see cref="JurisdictionRequirementTable.EU"/>, JURISDICTIONS.md EU-GDPR-13-NOTICE and EU-EDPB-ALT), in the
/// profile's order, filled from the declarations; and the elements a declaration leaves out (FC0120). The text states
/// only what the declarations say and what the toolkit enforces: explicit consent checked before every use (FC0002),
/// retention purged at run time, access and erasure requests tracked against the Art. 12(3) deadline.
/// </summary>
internal static class GdprNotice
{
    public const string Title = "Information on the processing of your face data (GDPR Art. 13)";

    /// <summary>The FC0120 names of the Art. 13 elements no other rule checks, when the declaration leaves them out.</summary>
    public static IReadOnlyList<string> MissingElements(OperatesInDeclaration operatesIn, PurposeDeclaration purpose)
    {
        var missing = new List<string>();
        if (operatesIn.SupervisoryAuthority.Length == 0)
        {
            missing.Add("OperatesIn(Jurisdiction.EU).SupervisoryAuthority (Art. 13(2)(d))");
        }

        if (purpose.ProvisionRequirementEn.Length == 0)
        {
            missing.Add("ProvisionRequirementEn (Art. 13(2)(e))");
        }

        return missing;
    }

    /// <summary>Whether the purpose's data is special-category biometric data: 1:1 verification included (Recital 51; EU-1TO1-SPECIAL).</summary>
    public static bool IsSpecialCategory(PurposeDeclaration purpose)
        => purpose.Method == ProcessingMethodTable.Identification
            || (purpose.Method == ProcessingMethodTable.Verification && JurisdictionRequirementTable.EU.OneToOneIsSpecialCategory is { Value: true });

    /// <summary>The notice's sections: a heading naming the Article, and its paragraphs.</summary>
    public static IReadOnlyList<(string Heading, string[] Paragraphs)> Sections(ProcessorDeclaration processor, PurposeDeclaration purpose, OperatesInDeclaration operatesIn)
    {
        var sections = new List<(string, string[])>();
        var seen = new HashSet<RequiredNoticeElement>();
        foreach (var element in JurisdictionRequirementTable.EU.NoticeElements)
        {
            if (seen.Add(element.Value) && Section(element.Value, processor, purpose, operatesIn) is { } section)
            {
                sections.Add(section);
            }
        }

        return sections;
    }

    public static string PlainText(ProcessorDeclaration processor, PurposeDeclaration purpose, OperatesInDeclaration operatesIn)
    {
        var text = new StringBuilder(Title).Append("\n\n").Append(Introduction(processor, purpose)).Append('\n');
        foreach (var (heading, paragraphs) in Sections(processor, purpose, operatesIn))
        {
            text.Append('\n').Append(heading).Append('\n');
            foreach (var paragraph in paragraphs)
            {
                text.Append(paragraph).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <param name="level">The heading level of the title (2 when the notice is a section of a longer document).</param>
    public static string Markdown(ProcessorDeclaration processor, PurposeDeclaration purpose, OperatesInDeclaration operatesIn, int level = 1)
    {
        var hashes = new string('#', level);
        var text = new StringBuilder(hashes).Append(' ').Append(Title).Append("\n\n")
            .Append(NoticeRenderer.Escape(Introduction(processor, purpose))).Append("\n\n");
        foreach (var (heading, paragraphs) in Sections(processor, purpose, operatesIn))
        {
            text.Append(hashes).Append("# ").Append(heading).Append("\n\n");
            foreach (var paragraph in paragraphs)
            {
                text.Append(NoticeRenderer.Escape(paragraph)).Append("\n\n");
            }
        }

        return text.ToString();
    }

    private static string Introduction(ProcessorDeclaration processor, PurposeDeclaration _)
        => $"{Or(ControllerName(processor))} processes your face data for the purpose described below. This notice gives the information of Article 13 of the General Data Protection Regulation (EU) 2016/679 (GDPR).";

    public static string ControllerName(ProcessorDeclaration processor) => processor.NameEn.Length > 0 ? processor.NameEn : processor.Name;

    private static (string, string[])? Section(RequiredNoticeElement element, ProcessorDeclaration processor, PurposeDeclaration purpose, OperatesInDeclaration operatesIn) => element switch
    {
        RequiredNoticeElement.ControllerContact => ("Controller (Art. 13(1)(a))",
            new[] { $"{Or(ControllerName(processor))}, contact: {Or(processor.Contact)}." }),
        RequiredNoticeElement.DpoContact => operatesIn.DataProtectionOfficerContact.Length == 0 ? null
            : ("Data protection officer (Art. 13(1)(b))", new[] { operatesIn.DataProtectionOfficerContact }),
        RequiredNoticeElement.SpecificPurpose => ("Purpose (Art. 13(1)(c))",
            new[] { Or(purpose.DescriptionEn), MethodText(purpose.Method) }),
        RequiredNoticeElement.LegalBasis => ("Legal basis (Art. 13(1)(c))", new[] { BasisText(purpose) }),
        RequiredNoticeElement.Recipients => ("Recipients (Art. 13(1)(e))", RecipientsText(purpose)),
        RequiredNoticeElement.TransfersAbroad => ("Transfers to third countries (Art. 13(1)(f))", new[] { TransferText(purpose) }),
        RequiredNoticeElement.RetentionTerm => ("How long your face data is kept (Art. 13(2)(a))",
            new[] { $"At most {purpose.RetentionDays.ToString(CultureInfo.InvariantCulture)} days after it is collected. It is deleted earlier when you withdraw your consent or when it is erased at your request." }),
        RequiredNoticeElement.Rights => ("Your rights (Art. 13(2)(b))", new[]
        {
            "You have the right to access your face data (Art. 15), to have it rectified (Art. 16) or erased (Art. 17), to restrict its processing (Art. 18), to object (Art. 21) and to data portability (Art. 20).",
            $"To exercise them, contact {Or(processor.Contact)}. We must answer within one month of receiving your request; where necessary, taking into account the complexity and number of requests, this can be extended by two further months, in which case we must tell you so, with the reasons, within the first month (Art. 12(3)).",
        }),
        RequiredNoticeElement.WithdrawConsent => ("Withdrawing your consent (Art. 13(2)(c))", new[]
        {
            "You can withdraw your consent at any time (Art. 7(3)); your face data for this purpose is then deleted. Withdrawal does not affect the lawfulness of processing before it. "
                + (purpose.WithdrawalEn.Length > 0 ? purpose.WithdrawalEn : "Contact " + Or(processor.Contact) + "."),
        }),
        RequiredNoticeElement.ComplaintToAuthority => ("Complaint to a supervisory authority (Art. 13(2)(d))",
            new[] { "You have the right to lodge a complaint with a supervisory authority (Art. 77): " + Or(operatesIn.SupervisoryAuthority) + "." }),
        RequiredNoticeElement.StatutoryOrContractualRequirement => ("Whether you must provide your face data (Art. 13(2)(e))",
            new[] { Or(purpose.ProvisionRequirementEn) }),
        RequiredNoticeElement.AutomatedDecisions => ("Automated decision-making (Art. 13(2)(f))",
            new[] { purpose.AutomatedDecisionEn.Length > 0 ? purpose.AutomatedDecisionEn : "No decision based solely on automated processing, including profiling, within Art. 22(1) and (4) is declared for this purpose." }),
        RequiredNoticeElement.NonBiometricAlternative => purpose.AlternativeEn.Length == 0 ? null
            : ("An alternative without face recognition", new[] { purpose.AlternativeEn }),
        _ => null,
    };

    private static string MethodText(int method) => method switch
    {
        ProcessingMethodTable.Verification => "Method: 1:1 verification. A face template is compared only with the template you enrolled, to confirm that you are who you say you are.",
        ProcessingMethodTable.Identification => "Method: 1:N identification. A face template is searched for among the templates of everyone enrolled, to find out who you are.",
        ProcessingMethodTable.Detection => "Method: face detection only; no face template is extracted and you are not identified.",
        ProcessingMethodTable.Liveness => "Method: liveness detection only; you are not identified.",
        ProcessingMethodTable.AttributeAnalysis => "Method: face attribute analysis; you are not identified.",
        _ => "Method: " + Undeclared + ".",
    };

    private static string BasisText(PurposeDeclaration purpose)
    {
        if (purpose.LegalBasis != LawValues.BasisConsent)
        {
            // FC0121 fails the build: the EU profile models explicit consent only.
            return Undeclared;
        }

        var special = IsSpecialCategory(purpose)
            ? " Your face template is biometric data used to "
                + (purpose.Method == ProcessingMethodTable.Verification ? "confirm (1:1 verification)" : "establish")
                + " who you are, a special category of personal data (Art. 9(1); Recital 51)."
            : "";
        return "Your explicit consent to this purpose (Art. 6(1)(a) and Art. 9(2)(a)), asked for before your face data is processed; without it, your face data is not processed for this purpose." + special;
    }

    private static string[] RecipientsText(PurposeDeclaration purpose)
    {
        var paragraphs = new List<string>();
        if (purpose.Storage == DeclarationValues.StorageServer)
        {
            paragraphs.Add("Your face data is sent to " + Or(purpose.TransferRecipientEn) + " to be processed on its servers.");
        }

        foreach (var recipient in purpose.Recipients)
        {
            paragraphs.Add($"{Or(recipient.NameEn)} (contact: {Or(recipient.Contact)}), for: {Or(recipient.PurposeEn.TrimEnd('.', ';'))}.");
        }

        if (paragraphs.Count == 0)
        {
            paragraphs.Add("None: your face data is kept on the face recognition device and is not provided to anyone else.");
        }

        return paragraphs.ToArray();
    }

    private static string TransferText(PurposeDeclaration purpose)
        => purpose.TransferAbroad == LawValues.CrossBorderNone
            ? "None: no transfer of your face data to a third country or an international organisation is declared for this purpose."
            : $"Your face data is transferred to {Or(purpose.TransferAbroadRecipientEn)} in {Or(purpose.TransferAbroadCountryEn)}. The safeguard under Chapter V GDPR (adequacy decision or Art. 46 safeguards) is {Undeclared}.";

    public const string Undeclared = "[not declared]";

    private static string Or(string value) => value.Length > 0 ? value : Undeclared;
}
