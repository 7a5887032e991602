using FaceCompliance.Notice;

namespace FaceCompliance.Generators.Model;

/// <summary>
/// A purpose, its rendered notice with the accessible variants, and the change notices for the earlier approved
/// versions in the baseline (empty until the baseline step adds them): the whole input of the purpose emitter,
/// compared by value. The generator always sets <see cref="Accessible"/>; documents that read only the notice
/// (the report) do without it. <see cref="Narrowed"/> is the purpose's <c>Jurisdictions</c>; <see cref="Profile"/> its
/// served profiles and merged consent requirements (set by the profiles step).
/// </summary>
internal sealed record PurposeSpec(PurposeDeclaration Declaration, RenderedNotice Notice, AccessibleNotice? Accessible = null,
    EquatableArray<RenderedChangeNotice> Changes = default, EquatableArray<int> Narrowed = default, ProfileSpec? Profile = null);

/// <summary>Everything the assembly declares: the input of the assembly-level emitters.</summary>
internal sealed record AssemblySpec(ProcessorDeclaration Processor, EquatableArray<PurposeSpec> Purposes, bool ReportEnabled);
