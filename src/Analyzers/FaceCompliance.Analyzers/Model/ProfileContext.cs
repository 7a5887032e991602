using System;
using System.Collections.Generic;
using System.Linq;
using FaceCompliance.Analyzers.Rules;
using FaceCompliance.Notice;
using FaceCompliance.Profiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FaceCompliance.Analyzers.Model;

/// <summary>
/// The jurisdiction profiles of one compilation: the declared <c>[OperatesIn]</c> jurisdictions, the law date
/// (<c>FaceComplianceLawDate</c>, <see cref="Profiles.LawDate"/>), and the assembly's conflict resolutions and retention
/// duties. <see cref="MergedFor"/> is the one call a rule makes to get a purpose's merged requirements.
/// </summary>
internal sealed class ProfileContext
{
    private const string ResolutionAttributeName = "FaceCompliance.ProfileConflictResolutionAttribute";
    private const string RetentionDutyAttributeName = "FaceCompliance.FacialDataRetentionDutyAttribute";

    private readonly INamedTypeSymbol? _resolutionType;
    private readonly INamedTypeSymbol? _retentionDutyType;
    private readonly IReadOnlyList<ConflictResolution> _assemblyResolutions;
    private readonly IReadOnlyList<int> _assemblyRetentionDuties;

    private ProfileContext(Compilation compilation, AnalyzerOptions options, FacialSymbols symbols)
    {
        Declared = JurisdictionDeclaredAnalyzer.DeclaredJurisdictions(compilation.Assembly, symbols.OperatesIn);
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(Profiles.LawDate.BuildProperty, out var text);
        LawDateText = text;
        LawDateValid = Profiles.LawDate.TryParse(text, out var lawDate);
        LawDate = lawDate;
        _resolutionType = compilation.GetTypeByMetadataName(ResolutionAttributeName);
        _retentionDutyType = compilation.GetTypeByMetadataName(RetentionDutyAttributeName);
        _assemblyResolutions = Resolutions(compilation.Assembly);
        _assemblyRetentionDuties = RetentionDuties(compilation.Assembly);
    }

    public static ProfileContext Create(Compilation compilation, AnalyzerOptions options, FacialSymbols symbols) => new(compilation, options, symbols);

    /// <summary>The <see cref="LawValues"/> jurisdiction values of the assembly's <c>[OperatesIn]</c> attributes.</summary>
    public HashSet<int> Declared { get; }

    /// <summary>The law date the profiles are evaluated at; <see cref="Profiles.LawDate.Default"/> when unset or invalid.</summary>
    public DateTime LawDate { get; }

    /// <summary>False when <c>FaceComplianceLawDate</c> is set to something that is not a <c>yyyy-MM-dd</c> date (FC0103).</summary>
    public bool LawDateValid { get; }

    /// <summary>The property's raw value, null when unset.</summary>
    public string? LawDateText { get; }

    /// <summary>
    /// The merged requirements of <paramref name="type"/>'s purpose at <see cref="LawDate"/>: its served profiles (the
    /// declared ones, narrowed by <c>Jurisdictions</c>), its design (server storage; the longest retention duty on the
    /// purpose or the assembly), and the resolutions on the purpose and the assembly. Null when it serves no profile.
    /// </summary>
    public MergedRequirements? MergedFor(INamedTypeSymbol type, AttributeData purpose)
    {
        if (Declared.Count == 0)
        {
            return null;
        }

        var storage = purpose.NamedArguments.LastOrDefault(a => a.Key == "Storage").Value.Value;
        var keepDays = _assemblyRetentionDuties.Concat(RetentionDuties(type)).DefaultIfEmpty(0).Max();
        var design = new PurposeDesign(
            matchesInCloud: storage is int value && value == DeclarationValues.StorageServer,
            templateKeepDuty: keepDays > 0 ? LawPeriod.OfDays(keepDays) : null);
        return PurposeProfiles.Merge(
            Declared, JurisdictionDeclaredAnalyzer.PurposeJurisdictions(purpose), LawDate, design, _assemblyResolutions.Concat(Resolutions(type)));
    }

    private List<ConflictResolution> Resolutions(ISymbol symbol)
    {
        var resolutions = new List<ConflictResolution>();
        foreach (var attribute in Attributes(symbol, _resolutionType))
        {
            if (attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is string rule
                && attribute.ConstructorArguments[1].Value is string justification
                && !string.IsNullOrWhiteSpace(justification))
            {
                resolutions.Add(new ConflictResolution(rule, justification));
            }
        }

        return resolutions;
    }

    private List<int> RetentionDuties(ISymbol symbol)
        => Attributes(symbol, _retentionDutyType)
            .Where(attribute => attribute.ConstructorArguments.Length == 2)
            .Select(attribute => attribute.ConstructorArguments[0].Value is int days ? days : 0)
            .Where(days => days > 0)
            .ToList();

    private static IEnumerable<AttributeData> Attributes(ISymbol symbol, INamedTypeSymbol? attributeType)
        => attributeType is null
            ? Enumerable.Empty<AttributeData>()
            : symbol.GetAttributes().Where(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType));
}
