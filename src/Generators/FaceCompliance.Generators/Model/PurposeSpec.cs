using FaceCompliance.Notice;

namespace FaceCompliance.Generators.Model;

/// <summary>
/// A purpose, its rendered notice with the accessible variants, and the change notices for the earlier approved
/// versions in the baseline (empty until the baseline step adds them): the whole input of the purpose emitter,
/// compared by value. The generator always sets <see cref="Accessible"/>; documents that read only the notice
/// (the report) do without it. <see cref="GdprNotice"/> is the purpose's GDPR Art. 13 notice in English (plain text),
/// empty when the purpose does not serve the EU; <see cref="OperatesIn"/> the assembly's jurisdiction declarations;
/// <see cref="Profile"/> its served profiles and merged consent requirements at the law date (set by the profiles step).
/// </summary>
internal sealed record PurposeSpec(PurposeDeclaration Declaration, RenderedNotice Notice, AccessibleNotice? Accessible = null,
    EquatableArray<RenderedChangeNotice> Changes = default, string GdprNotice = "",
    EquatableArray<JurisdictionDeclaration> OperatesIn = default, ProcessorDeclaration? Processor = null, ProfileSpec? Profile = null)
{
    /// <summary>The assembly's jurisdictions this purpose serves (narrowed by its <c>Jurisdictions</c>).</summary>
    public System.Collections.Generic.List<JurisdictionDeclaration> Served => JurisdictionDeclaration.Served(OperatesIn, Declaration.Jurisdictions);
}

/// <summary>Everything the assembly declares: the input of the assembly-level emitters.</summary>
internal sealed record AssemblySpec(ProcessorDeclaration Processor, EquatableArray<PurposeSpec> Purposes, bool ReportEnabled,
    OperatesInDeclaration? OperatesIn = null)
{
    /// <summary>The assembly's <c>[assembly: OperatesIn]</c> declarations; none when it declares no jurisdiction.</summary>
    public OperatesInDeclaration Jurisdictions => OperatesIn ?? OperatesInDeclaration.None;
}
