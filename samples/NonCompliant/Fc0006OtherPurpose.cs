using FaceCompliance;

namespace NonCompliant;

/// <summary>A gate that relies on the wrong consent.</summary>
[UsesFacialData<GateEntry>]
[NonBiometricAlternative(nameof(OpenWithCard))]
public sealed class WrongConsentGate
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
        // FC0006: consent is checked on every path, but for VisitorCounting; agreeing to be counted in the lobby
        // is not agreeing to be verified at the gate (the use site's purpose is GateEntry).
        consent.Ensure<VisitorCounting>(personId);
        return engine.Verify(enrolled, frame); // expect FC0006
    }

    /// <summary>The non-biometric alternative.</summary>
    /// <param name="cardNumber">The card read.</param>
    /// <returns>Whether the gate opens.</returns>
    public bool OpenWithCard(string cardNumber) => cardNumber.Length == 8;
}
