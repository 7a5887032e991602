using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Model;

/// <summary>The FaceCompliance declaration types of one compilation, resolved once by metadata name (never by assembly reference).</summary>
internal sealed class FacialSymbols
{
    private FacialSymbols(Compilation compilation)
    {
        ProcessesFacialData = compilation.GetTypeByMetadataName("FaceCompliance.ProcessesFacialDataAttribute");
        UsesFacialData = compilation.GetTypeByMetadataName("FaceCompliance.UsesFacialDataAttribute`1");
        NonBiometricAlternative = compilation.GetTypeByMetadataName("FaceCompliance.NonBiometricAlternativeAttribute");
        FacialConsentCheck = compilation.GetTypeByMetadataName("FaceCompliance.FacialConsentCheckAttribute");
        FacialConsentReceipt = compilation.GetTypeByMetadataName("FaceCompliance.FacialConsentReceiptAttribute");
        RequiresFacialConsent = compilation.GetTypeByMetadataName("FaceCompliance.RequiresFacialConsentAttribute");
        FacialDataPurpose = compilation.GetTypeByMetadataName("FaceCompliance.FacialDataPurposeAttribute");
        FacialDataProcessor = compilation.GetTypeByMetadataName("FaceCompliance.FacialDataProcessorAttribute");
        DoesNotReturn = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute");
        Obsolete = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
    }

    public INamedTypeSymbol? ProcessesFacialData { get; }
    public INamedTypeSymbol? UsesFacialData { get; }
    public INamedTypeSymbol? NonBiometricAlternative { get; }
    public INamedTypeSymbol? FacialConsentCheck { get; }
    public INamedTypeSymbol? FacialConsentReceipt { get; }
    public INamedTypeSymbol? RequiresFacialConsent { get; }
    public INamedTypeSymbol? FacialDataPurpose { get; }
    public INamedTypeSymbol? FacialDataProcessor { get; }
    public INamedTypeSymbol? DoesNotReturn { get; }
    public INamedTypeSymbol? Obsolete { get; }

    /// <summary>True when the compilation references the FaceCompliance declarations at all.</summary>
    public bool HasDeclarations => ProcessesFacialData is not null || UsesFacialData is not null;

    public static FacialSymbols Create(Compilation compilation) => new(compilation);

    public AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass?.OriginalDefinition, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool Has(ISymbol symbol, INamedTypeSymbol? attributeType) => Find(symbol, attributeType) is not null;

    public bool IsPurposeType(ITypeSymbol? type) => type is INamedTypeSymbol named && Has(named.OriginalDefinition, FacialDataPurpose);

    public bool IsReceiptType(ITypeSymbol? type) => type is INamedTypeSymbol named && Has(named.OriginalDefinition, FacialConsentReceipt);

    /// <summary>The method declared by a purpose type's <c>[FacialDataPurpose(method)]</c>, or Unspecified.</summary>
    public ProcessingMethod GetPurposeMethod(ITypeSymbol purpose)
    {
        var attribute = Find(purpose.OriginalDefinition, FacialDataPurpose);
        return attribute is null ? ProcessingMethod.Unspecified : ProcessingMethods.FromAttributeArgument(attribute);
    }
}
