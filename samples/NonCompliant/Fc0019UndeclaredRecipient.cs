using FaceCompliance;

namespace NonCompliant;

/// <summary>Sends enrolled face templates to the property group's headquarters, another personal information processor.</summary>
public sealed class GroupTemplateSync
{
    /// <summary>Uploads one resident's template to the group's access system.</summary>
    /// <param name="personId">The resident.</param>
    /// <param name="template">The template.</param>
    /// <returns>Whether the upload was accepted.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Verification, ProvidesToRecipient = true)]
    public bool Upload(string personId, byte[] template) => personId.Length > 0 && template.Length > 0;
}

/// <summary>An enrolment desk that shares templates with the group, under a purpose that declares no recipient.</summary>
[UsesFacialData<GateEntry>]
[NonBiometricAlternative(nameof(OpenWithCard))]
public sealed class GroupEnrolmentDesk
{
    private readonly GroupTemplateSync sync = new();
    private readonly ConsentRegistry consent = new();

    /// <summary>Shares a resident's template with the group.</summary>
    /// <param name="personId">The resident.</param>
    /// <param name="template">The template.</param>
    /// <returns>Whether the group accepted it.</returns>
    public bool Share(string personId, byte[] template)
    {
        // FC0019: the headquarters is another processor, but GateEntry declares no [FacialDataRecipient], so the notice
        // would not name it, its purpose, method or the categories provided (PIPL Art. 23).
        consent.EnsureProvision<GateEntry>(personId);
        return sync.Upload(personId, template); // expect FC0019
    }

    /// <summary>The non-biometric alternative.</summary>
    /// <param name="cardNumber">The card read.</param>
    /// <returns>Whether the gate opens.</returns>
    public bool OpenWithCard(string cardNumber) => cardNumber.Length == 8;
}
