namespace FaceCompliance.Vision.Components;

/// <summary>One face of a batch, with the consent receipt of the person it shows.</summary>
/// <typeparam name="TPurpose">The purpose the person consented to.</typeparam>
/// <param name="Receipt">The person's receipt; checked with the registry before any face of the batch is processed.</param>
/// <param name="Face">The face image (for <see cref="FaceEmbedder.EmbedBatch{TPurpose}"/>: aligned to 112x112 by <see cref="FaceAligner.Align{TPurpose}"/>).</param>
public readonly record struct ConsentedFace<TPurpose>(ConsentReceipt<TPurpose> Receipt, FaceImage Face)
    where TPurpose : IFacialDataPurpose;
