using FaceCompliance;

namespace NonCompliant;

/// <summary>A gate whose alternative was renamed without updating the attribute.</summary>
[UsesFacialData<GateEntry>]
// FC0004: the alternative "OpenWithBadge" does not exist (the method is now OpenWithCard); a string instead of
// nameof let the rename slip through. The face use below is detection only, with consent, so nothing else applies.
[NonBiometricAlternative("OpenWithBadge")] // expect FC0004
public sealed class RenamedAlternativeGate
{
    private readonly FaceEngine engine = new();
    private readonly ConsentRegistry consent = new();

    /// <summary>Admits one person when exactly one face is in view.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="frame">The camera frame.</param>
    /// <returns>Whether the gate opens.</returns>
    public bool Admit(string personId, byte[] frame)
    {
        consent.Ensure<GateEntry>(personId);
        return engine.CountFaces(frame) == 1;
    }

    /// <summary>The real non-biometric alternative.</summary>
    /// <param name="cardNumber">The card read.</param>
    /// <returns>Whether the gate opens.</returns>
    public bool OpenWithCard(string cardNumber) => cardNumber.Length == 8;
}
