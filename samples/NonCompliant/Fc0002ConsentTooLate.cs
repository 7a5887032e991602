using FaceCompliance;

namespace NonCompliant;

/// <summary>A turnstile that checks consent only after looking for faces.</summary>
[UsesFacialData<GateEntry>]
[NonBiometricAlternative(nameof(OpenWithCard))]
public sealed class TurnstileWithLateConsent
{
    private readonly FaceEngine engine = new();
    private readonly ConsentRegistry consent = new();

    /// <summary>Admits one person.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="frame">The camera frame.</param>
    /// <returns>Whether the turnstile opens.</returns>
    public bool Admit(string personId, byte[] frame)
    {
        // FC0002: purpose and alternative are declared, but the face is processed before consent is checked.
        int faces = engine.CountFaces(frame); // expect FC0002
        consent.Ensure<GateEntry>(personId);
        return faces == 1;
    }

    /// <summary>The non-biometric alternative.</summary>
    /// <param name="cardNumber">The card read.</param>
    /// <returns>Whether the turnstile opens.</returns>
    public bool OpenWithCard(string cardNumber) => cardNumber.Length == 8;
}
