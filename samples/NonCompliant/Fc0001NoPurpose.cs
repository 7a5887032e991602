using FaceCompliance;
using NonCompliant.Vendor;

namespace NonCompliant;

/// <summary>Counts lobby visitors with the vendor scanner.</summary>
public sealed class LobbyCamera
{
    private readonly FaceScanner scanner = new();
    private readonly ConsentRegistry consent = new();

    /// <summary>Counts the people in a frame.</summary>
    /// <param name="personId">Who is in front of the camera.</param>
    /// <param name="frame">The frame.</param>
    /// <returns>The number of faces.</returns>
    public int CountVisitors(string personId, byte[] frame)
    {
        // FC0001: the vendor's Scan (a processing API via FacialDataApis.txt) is used where no purpose is declared:
        // neither this method nor its class carries [UsesFacialData<T>]. Consent is checked first (for every
        // purpose) and Scan's method is unspecified, so no other rule applies.
        consent.EnsureAny(personId);
        return scanner.Scan(frame); // expect FC0001
    }
}
