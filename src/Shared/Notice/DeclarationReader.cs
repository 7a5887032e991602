using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FaceCompliance.Methods;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FaceCompliance.Notice;

/// <summary>Turns the processor and purpose attributes into plain declarations; the only code that reads them.</summary>
internal static class DeclarationReader
{
    public static ProcessorDeclaration ReadProcessor(AttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments;
        var name = arguments.Length > 0 ? Text(arguments[0]) : "";
        var contact = arguments.Length > 1 ? Text(arguments[1]) : "";
        var named = Named(attribute);
        var complaint = Text(named, "ComplaintChannel");
        return new ProcessorDeclaration(
            name,
            Fallback(Text(named, "NameEn"), name),
            contact,
            complaint,
            Fallback(Text(named, "ComplaintChannelEn"), complaint),
            Int(named, "SecurityMeasures", 0),
            Text(named, "ImpactAssessmentReference"),
            Text(named, "NoticeLocation"));
    }

    public static PurposeDeclaration ReadPurpose(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        var named = Named(attribute);
        var method = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value ? value : ProcessingMethodTable.Unspecified;
        return new PurposeDeclaration(
            Id: MetadataName(type),
            Type: ReadShape(type, cancellationToken),
            Method: method,
            DescriptionZh: Text(named, "DescriptionZh"),
            DescriptionEn: Text(named, "DescriptionEn"),
            NecessityZh: Text(named, "NecessityZh"),
            NecessityEn: Text(named, "NecessityEn"),
            ImpactZh: Text(named, "ImpactZh"),
            ImpactEn: Text(named, "ImpactEn"),
            RetentionDays: Int(named, "RetentionDays", 0),
            Storage: Int(named, "Storage", DeclarationValues.StorageOnDevice),
            MayInvolveMinors: named.TryGetValue("MayInvolveMinors", out var minors) && minors.Value is true,
            DataCategories: Int(named, "DataCategories", DeclarationValues.DefaultDataCategories),
            AlternativeZh: Text(named, "AlternativeZh"),
            AlternativeEn: Text(named, "AlternativeEn"),
            WithdrawalZh: Text(named, "WithdrawalZh"),
            WithdrawalEn: Text(named, "WithdrawalEn"),
            Site: Int(named, "Site", Profiles.LawValues.SiteNonPublic),
            CollectionAreaZh: Text(named, "CollectionAreaZh"),
            CollectionAreaEn: Text(named, "CollectionAreaEn"),
            TransferRecipientZh: Text(named, "TransferRecipientZh"),
            TransferRecipientEn: Text(named, "TransferRecipientEn"),
            Kind: Int(named, "Kind", Profiles.LawValues.KindGeneral),
            PublicPlaceLawZh: Text(named, "PublicPlaceLawZh"),
            PublicPlaceLawEn: Text(named, "PublicPlaceLawEn"),
            Attributes: Int(named, "Attributes", 0),
            LegalBasis: Int(named, "LegalBasis", Profiles.LawValues.BasisConsent),
            LegalBasisLawZh: Text(named, "LegalBasisLawZh"),
            LegalBasisLawEn: Text(named, "LegalBasisLawEn"),
            MinorsRulesZh: Text(named, "MinorsRulesZh"),
            MinorsRulesEn: Text(named, "MinorsRulesEn"),
            Recipients: ReadRecipients(type),
            RetainsImages: named.TryGetValue("RetainsImages", out var retainsImages) && retainsImages.Value is true,
            TransferAbroad: Int(named, "TransferAbroad", Profiles.LawValues.CrossBorderNone),
            TransferAbroadRecipientZh: Text(named, "TransferAbroadRecipientZh"),
            TransferAbroadRecipientEn: Text(named, "TransferAbroadRecipientEn"),
            TransferAbroadCountryZh: Text(named, "TransferAbroadCountryZh"),
            TransferAbroadCountryEn: Text(named, "TransferAbroadCountryEn"),
            OtherNoticeItemsZh: Text(named, "OtherNoticeItemsZh"),
            OtherNoticeItemsEn: Text(named, "OtherNoticeItemsEn"),
            ProvisionRequirementEn: Text(named, "ProvisionRequirementEn"),
            AutomatedDecisionEn: Text(named, "AutomatedDecisionEn"),
            ImageSource: Int(named, "ImageSource", Profiles.LawValues.ImageSourceTargeted),
            Contexts: Int(named, "Contexts", 0),
            MedicalOrSafetyReason: Text(named, "MedicalOrSafetyReason"),
            IdentificationMode: Int(named, "IdentificationMode", Profiles.LawValues.IdentificationModeUnspecified),
            RealTimeException: Int(named, "RealTimeException", Profiles.LawValues.RealTimeExceptionNone),
            RealTimeAuthorisation: Text(named, "RealTimeAuthorisation"),
            Jurisdictions: Ints(named, "Jurisdictions"),
            Resolutions: ConflictResolutionDeclaration.Read(type.GetAttributes()));
    }

    /// <summary>
    /// What the assembly's <c>[assembly: OperatesIn]</c> attributes declare: the jurisdictions, and the EU's contacts
    /// from the <c>OperatesIn(Jurisdiction.EU)</c> one (GDPR Art. 13(1)(b), (2)(d)).
    /// </summary>
    public static OperatesInDeclaration ReadOperatesIn(IEnumerable<AttributeData> attributes)
    {
        var jurisdictions = new SortedSet<int>();
        var dpo = "";
        var authority = "";
        var declared = new List<JurisdictionDeclaration>();
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass?.ToDisplayString() != OperatesInDeclaration.AttributeName
                || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not int jurisdiction)
            {
                continue;
            }

            jurisdictions.Add(jurisdiction);
            declared.Add(new JurisdictionDeclaration(jurisdiction, Text(Named(attribute), "PublicRetentionPolicyUrl")));
            if (jurisdiction == Profiles.LawValues.JurisdictionEU)
            {
                var named = Named(attribute);
                dpo = Text(named, "DataProtectionOfficerContact");
                authority = Text(named, "SupervisoryAuthority");
            }
        }

        return new OperatesInDeclaration(new EquatableArray<int>(ImmutableArray.CreateRange(jurisdictions)), dpo, authority,
            new EquatableArray<JurisdictionDeclaration>(declared
                .OrderBy(static d => d.Jurisdiction).ThenBy(static d => d.PublicRetentionPolicyUrl, StringComparer.Ordinal).ToImmutableArray()),
            ConflictResolutionDeclaration.Read(attributes));
    }

    /// <summary>The type's <c>[FacialDataRecipient]</c> declarations, in source order (PIPL Art. 23).</summary>
    public static EquatableArray<RecipientDeclaration> ReadRecipients(INamedTypeSymbol type)
    {
        var recipients = ImmutableArray.CreateBuilder<RecipientDeclaration>();
        foreach (var attribute in type.GetAttributes())
        {
            if (IsRecipient(attribute))
            {
                recipients.Add(ReadRecipient(attribute));
            }
        }

        return new EquatableArray<RecipientDeclaration>(recipients.ToImmutable());
    }

    public static bool IsRecipient(AttributeData attribute) => attribute.AttributeClass?.ToDisplayString() == RecipientDeclaration.AttributeName;

    public static RecipientDeclaration ReadRecipient(AttributeData attribute)
    {
        var named = Named(attribute);
        return new RecipientDeclaration(
            Id: attribute.ConstructorArguments.Length == 1 ? Text(attribute.ConstructorArguments[0]) : "",
            NameZh: Text(named, "NameZh"),
            NameEn: Text(named, "NameEn"),
            Contact: Text(named, "Contact"),
            PurposeZh: Text(named, "PurposeZh"),
            PurposeEn: Text(named, "PurposeEn"),
            Method: Int(named, "Method", ProcessingMethodTable.Unspecified),
            DataCategories: Int(named, "DataCategories", 0),
            DisclosureBasis: Int(named, "DisclosureBasis", Profiles.LawValues.DisclosureUnspecified),
            ForProfit: named.TryGetValue("ForProfit", out var forProfit) && forProfit.Value is true);
    }

    /// <summary>The name a purpose is stored and approved under: namespace, containing types and type, as in metadata.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var parts = new Stack<string>();
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = current.ContainingSymbol)
        {
            parts.Push(named.MetadataName);
        }

        var name = string.Join("+", parts);
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() + "." : "";
        return ns + name;
    }

    /// <summary>Whether the type and every containing type are declared <c>partial</c> and are not generic.</summary>
    public static TypeShape ReadShape(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var declarations = new List<string>();
        var canBeExtended = true;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            canBeExtended &= current.TypeParameters.IsEmpty && IsPartial(current, cancellationToken);
            declarations.Insert(0, "partial " + Keyword(current) + " " + current.Name);
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : "";
        return new TypeShape(ns, new EquatableArray<string>(declarations.ToImmutableArray()), canBeExtended);
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (_, TypeKind.Struct) => "struct",
        (_, TypeKind.Interface) => "interface",
        _ => "class",
    };

    private static Dictionary<string, TypedConstant> Named(AttributeData attribute)
    {
        var named = new Dictionary<string, TypedConstant>();
        foreach (var argument in attribute.NamedArguments)
        {
            named[argument.Key] = argument.Value;
        }

        return named;
    }

    private static string Text(TypedConstant constant) => (constant.Kind == TypedConstantKind.Primitive ? constant.Value as string : null)?.Trim() ?? "";

    private static string Text(Dictionary<string, TypedConstant> named, string name) => named.TryGetValue(name, out var value) ? Text(value) : "";

    private static int Int(Dictionary<string, TypedConstant> named, string name, int fallback) => named.TryGetValue(name, out var value) && value.Value is int number ? number : fallback;

    private static EquatableArray<int> Ints(Dictionary<string, TypedConstant> named, string name)
    {
        var values = ImmutableArray.CreateBuilder<int>();
        if (named.TryGetValue(name, out var array) && array.Kind == TypedConstantKind.Array && !array.IsNull)
        {
            foreach (var value in array.Values)
            {
                if (value.Value is int number)
                {
                    values.Add(number);
                }
            }
        }

        return new EquatableArray<int>(values.ToImmutable());
    }

    private static string Fallback(string value, string fallback) => value.Length > 0 ? value : fallback;
}
