using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.Model;

/// <summary>The FaceCompliance declaration types of one compilation, resolved once by metadata name (never by assembly reference).</summary>
internal sealed class FacialSymbols
{
    /// <summary>
    /// The metadata names of the FaceCompliance declaration types. <see cref="Compilation.GetTypeByMetadataName"/>
    /// returns null for a name that two referenced assemblies define, and the rules would then check nothing:
    /// FC1003 reports every such name (<c>Rules/DeclarationTypesUniqueAnalyzer.cs</c>).
    /// </summary>
    public static readonly ImmutableArray<string> DeclarationTypeNames = ImmutableArray.Create(
        "FaceCompliance.ProcessesFacialDataAttribute",
        "FaceCompliance.UsesFacialDataAttribute`1",
        "FaceCompliance.NonBiometricAlternativeAttribute",
        "FaceCompliance.FacialConsentCheckAttribute",
        "FaceCompliance.FacialConsentReceiptAttribute",
        "FaceCompliance.RequiresFacialConsentAttribute",
        "FaceCompliance.FacialDataPurposeAttribute",
        "FaceCompliance.FacialDataProcessorAttribute",
        "FaceCompliance.FacialDataRecipientAttribute",
        "FaceCompliance.OperatesInAttribute",
        "FaceCompliance.ProfileConflictResolutionAttribute",
        "FaceCompliance.FacialDataRetentionDutyAttribute");

    private FacialSymbols(Compilation compilation)
    {
        ProcessesFacialData = compilation.GetTypeByMetadataName(DeclarationTypeNames[0]);
        UsesFacialData = compilation.GetTypeByMetadataName(DeclarationTypeNames[1]);
        NonBiometricAlternative = compilation.GetTypeByMetadataName(DeclarationTypeNames[2]);
        FacialConsentCheck = compilation.GetTypeByMetadataName(DeclarationTypeNames[3]);
        FacialConsentReceipt = compilation.GetTypeByMetadataName(DeclarationTypeNames[4]);
        RequiresFacialConsent = compilation.GetTypeByMetadataName(DeclarationTypeNames[5]);
        FacialDataPurpose = compilation.GetTypeByMetadataName(DeclarationTypeNames[6]);
        FacialDataProcessor = compilation.GetTypeByMetadataName(DeclarationTypeNames[7]);
        // Not among DeclarationTypeNames (FC1003): when two assemblies define it, basis checks are not recognised, and
        // the uses they would have proved are reported (FC0002), which fails closed.
        FacialBasisCheck = compilation.GetTypeByMetadataName("FaceCompliance.FacialBasisCheckAttribute");
        // Not among DeclarationTypeNames either: when two assemblies define it, no jurisdiction is found and FC0100 reports, which fails closed.
        OperatesIn = compilation.GetTypeByMetadataName("FaceCompliance.OperatesInAttribute");
        DoesNotReturn = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute");
        Obsolete = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        _declarationAssemblies = new[] { ProcessesFacialData, UsesFacialData, NonBiometricAlternative, FacialConsentCheck, FacialConsentReceipt, RequiresFacialConsent, FacialDataPurpose, FacialDataProcessor, FacialBasisCheck }
            .Where(t => t is not null)
            .Select(t => t!.ContainingAssembly)
            .Where(a => a is not null)
            .Distinct<IAssemblySymbol>(SymbolEqualityComparer.Default)
            .ToImmutableArray();
    }

    // The assemblies that define the FaceCompliance declaration types (one, normally), and whether an assembly can carry
    // those attributes at all: a framework assembly that references none of them cannot, and reading its symbols'
    // attributes (decoded from metadata on first use, for every framework member the project calls) is skipped.
    private readonly ImmutableArray<IAssemblySymbol> _declarationAssemblies;
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _mayCarry = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _forwards = new(SymbolEqualityComparer.Default);

    public INamedTypeSymbol? ProcessesFacialData { get; }
    public INamedTypeSymbol? UsesFacialData { get; }
    public INamedTypeSymbol? NonBiometricAlternative { get; }
    public INamedTypeSymbol? FacialConsentCheck { get; }
    public INamedTypeSymbol? FacialConsentReceipt { get; }
    public INamedTypeSymbol? FacialBasisCheck { get; }
    public INamedTypeSymbol? RequiresFacialConsent { get; }
    public INamedTypeSymbol? FacialDataPurpose { get; }
    public INamedTypeSymbol? FacialDataProcessor { get; }
    public INamedTypeSymbol? OperatesIn { get; }
    public INamedTypeSymbol? DoesNotReturn { get; }
    public INamedTypeSymbol? Obsolete { get; }

    /// <summary>True when the compilation references the FaceCompliance declarations at all.</summary>
    public bool HasDeclarations => ProcessesFacialData is not null || UsesFacialData is not null;

    public static FacialSymbols Create(Compilation compilation) => new(compilation);

    public AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null || !MayCarry(symbol, attributeType))
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

    /// <summary>
    /// False only when <paramref name="symbol"/> is declared in a referenced assembly that can hold no attribute of
    /// <paramref name="attributeType"/> (a FaceCompliance declaration type): it neither defines that type nor references
    /// an assembly that defines or forwards it, so no attribute of it can be encoded in its metadata.
    /// </summary>
    private bool MayCarry(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        var assembly = symbol.ContainingAssembly;
        var declaring = attributeType.ContainingAssembly;
        if (assembly is null || declaring is null || assembly is ISourceAssemblySymbol || !_declarationAssemblies.Contains(declaring, SymbolEqualityComparer.Default))
        {
            return true;
        }

        return _mayCarry.GetOrAdd(assembly, ComputeMayCarry);
    }

    private bool ComputeMayCarry(IAssemblySymbol assembly)
    {
        if (_declarationAssemblies.Contains(assembly, SymbolEqualityComparer.Default))
        {
            return true;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblySymbols)
            {
                if (_declarationAssemblies.Contains(referenced, SymbolEqualityComparer.Default) || _forwards.GetOrAdd(referenced, ForwardsDeclarations))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether an assembly forwards one of the declaration types (to where the compilation finds it).</summary>
    private static bool ForwardsDeclarations(IAssemblySymbol assembly)
    {
        foreach (var name in DeclarationTypeNames)
        {
            if (assembly.ResolveForwardedType(name) is not null)
            {
                return true;
            }
        }

        return assembly.ResolveForwardedType("FaceCompliance.FacialBasisCheckAttribute") is not null;
    }

    public bool IsPurposeType(ITypeSymbol? type) => type is INamedTypeSymbol named && Has(named.OriginalDefinition, FacialDataPurpose);

    public bool IsReceiptType(ITypeSymbol? type) => type is INamedTypeSymbol named && Has(named.OriginalDefinition, FacialConsentReceipt);

    /// <summary>The method declared by a purpose type's <c>[FacialDataPurpose(method)]</c>, or Unspecified.</summary>
    public ProcessingMethod GetPurposeMethod(ITypeSymbol purpose)
    {
        var attribute = Find(purpose.OriginalDefinition, FacialDataPurpose);
        return attribute is null ? ProcessingMethod.Unspecified : ProcessingMethods.FromAttributeArgument(attribute);
    }

    /// <summary>Whether a purpose type declares <c>MayInvolveMinors = true</c> (FC0017).</summary>
    public bool PurposeMayInvolveMinors(ITypeSymbol purpose)
        => Find(purpose.OriginalDefinition, FacialDataPurpose) is { } attribute
            && attribute.NamedArguments.Any(a => a.Key == "MayInvolveMinors" && a.Value.Value is true);

    /// <summary>The <c>LawValues.Basis*</c> value a purpose type declares as its <c>LegalBasis</c>; consent by default.</summary>
    public int GetPurposeLegalBasis(ITypeSymbol purpose)
    {
        var attribute = Find(purpose.OriginalDefinition, FacialDataPurpose);
        var basis = attribute?.NamedArguments.LastOrDefault(a => a.Key == "LegalBasis").Value.Value;
        return basis is int value ? value : Profiles.LawValues.BasisConsent;
    }

    /// <summary>The <c>LawValues.CrossBorder*</c> mechanism a purpose type declares as its <c>TransferAbroad</c>; none by default (FC0018).</summary>
    public int GetPurposeTransferAbroad(ITypeSymbol purpose)
    {
        var attribute = Find(purpose.OriginalDefinition, FacialDataPurpose);
        var mechanism = attribute?.NamedArguments.LastOrDefault(a => a.Key == "TransferAbroad").Value.Value;
        return mechanism is int value ? value : Profiles.LawValues.CrossBorderNone;
    }
}
