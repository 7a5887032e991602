using FaceCompliance;

namespace NonCompliant;

/// <summary>A gate that only opens for faces.</summary>
[UsesFacialData<GateEntry>]
public sealed class FaceOnlyGate
{
    private readonly FaceEngine engine = new();
    private readonly ConsentRegistry consent = new();

    /// <summary>Admits one resident.</summary>
    /// <param name="personId">The resident claimed.</param>
    /// <param name="enrolled">The resident's template.</param>
    /// <param name="frame">The camera frame.</param>
    /// <returns>Whether the gate opens.</returns>
    public bool Admit(string personId, byte[] enrolled, byte[] frame)
    {
        // FC0003: 1:1 verification with a purpose and a consent check, but no [NonBiometricAlternative] on the
        // method or its class: a resident who refuses face recognition cannot get in (Measures Art. 10).
        consent.Ensure<GateEntry>(personId);
        return engine.Verify(enrolled, frame); // expect FC0003
    }
}
