using FaceCompliance;
using NonCompliant.Vendor;

namespace NonCompliant;

/// <summary>A gate that matches faces in the cloud under an on-device purpose.</summary>
[UsesFacialData<GateEntry>]
[NonBiometricAlternative(nameof(OpenWithCard))]
public sealed class CloudMatchingGate
{
    private readonly CloudFaceService cloud = new();
    private readonly ConsentRegistry consent = new();

    /// <summary>Admits one resident.</summary>
    /// <param name="personId">The resident claimed.</param>
    /// <param name="frame">The camera frame.</param>
    /// <returns>Whether the gate opens.</returns>
    public bool Admit(string personId, byte[] frame)
    {
        // FC0013: GateEntry stores on the device (the default), so its notice says the face never leaves it, yet the
        // frame goes to a cloud service (FacialDataApis.txt marks it OffDevice; Measures Art. 8 §1).
        consent.EnsureTransfer<GateEntry>(personId);
        return cloud.Verify(personId, frame); // expect FC0013
    }

    /// <summary>The non-biometric alternative.</summary>
    /// <param name="cardNumber">The card read.</param>
    /// <returns>Whether the gate opens.</returns>
    public bool OpenWithCard(string cardNumber) => cardNumber.Length == 8;
}
