using FaceCompliance.Notice;

namespace FaceCompliance.Generators.Model;

/// <summary>
/// A purpose, its rendered notice with the accessible variants, and the change notices for the earlier approved
/// versions in the baseline (empty until the baseline step adds them): the whole input of the purpose emitter,
/// compared by value. The generator always sets <see cref="Accessible"/>; documents that read only the notice
/// (the report) do without it.
/// </summary>
internal sealed record PurposeSpec(PurposeDeclaration Declaration, RenderedNotice Notice, AccessibleNotice? Accessible = null,
    EquatableArray<RenderedChangeNotice> Changes = default);

/// <summary>Everything the assembly declares: the input of the assembly-level emitters.</summary>
/// <see cref="Jurisdictions"/> are the assembly's <c>[OperatesIn]</c> jurisdictions (<c>LawValues.Jurisdiction*</c>), sorted.
internal sealed record AssemblySpec(ProcessorDeclaration Processor, EquatableArray<PurposeSpec> Purposes, bool ReportEnabled,
    EquatableArray<int> Jurisdictions = default);
