using FaceCompliance.Notice;

namespace FaceCompliance.Generators.Model;

/// <summary>A purpose and its rendered notice: the whole input of the purpose emitter, compared by value.</summary>
internal sealed record PurposeSpec(PurposeDeclaration Declaration, RenderedNotice Notice);

/// <summary>Everything the assembly declares: the input of the assembly-level emitters.</summary>
internal sealed record AssemblySpec(ProcessorDeclaration Processor, EquatableArray<PurposeSpec> Purposes, bool ReportEnabled);
