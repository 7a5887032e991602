using System;

namespace FaceCompliance.Vision;

/// <summary>
/// A <see cref="SynchronizedFaceGallery{TPurpose}"/> refused a 1:N search because this node cannot be sure its gallery
/// holds every change made on the other nodes: its change feed has not caught up since it started, lost its connection,
/// or has been silent for longer than <see cref="SynchronizedFaceGalleryOptions.MaxSilence"/>. 1:1 verification, which
/// reads the shared store, is not affected. The gallery reconnects and catches up by itself; retry then.
/// </summary>
public sealed class GalleryNotCurrentException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="purposeId">The gallery's purpose.</param>
    /// <param name="reason">Why the gallery may not be current, in words.</param>
    /// <param name="innerException">The feed's failure, if that is the reason.</param>
    public GalleryNotCurrentException(string purposeId, string reason, Exception? innerException = null)
        : base($"1:N identification for purpose '{purposeId}' is refused on this node: it cannot be sure its gallery is current ({reason}). "
            + "1:1 verification is not affected. The gallery reconnects and catches up from the store by itself; retry then (WaitUntilCurrentAsync).", innerException)
    {
        PurposeId = purposeId;
        Reason = reason;
    }

    /// <summary>The gallery's purpose.</summary>
    public string PurposeId { get; }

    /// <summary>Why the gallery may not be current.</summary>
    public string Reason { get; }
}
