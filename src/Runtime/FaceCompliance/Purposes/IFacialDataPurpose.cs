namespace FaceCompliance;

/// <summary>
/// Implemented by the source generator on every <c>partial</c> type marked <see cref="FacialDataPurposeAttribute"/>,
/// so that generic code (consent receipts, template stores) reaches the purpose's declaration, notice and retention
/// through the type alone: <c>TPurpose.Info.Notice.Version</c>.
/// </summary>
public interface IFacialDataPurpose
{
    /// <summary>The purpose's declaration, generated notice and retention period.</summary>
    static abstract FacialPurposeInfo Info { get; }
}
