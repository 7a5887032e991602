using System;
using FaceCompliance;

namespace TimeClock;

/// <summary>
/// The time clock: enrolment after the employee e-signs the written release, punches by face (1:1) or by badge.
/// Every face call takes the employee's consent receipt, which the store checks again.
/// </summary>
[UsesFacialData<ClockIn>]
[NonBiometricAlternative(nameof(PunchWithBadge))]
public sealed class Clock(IConsentRegistry consents, IFaceTemplateStore templates, IDemoCamera camera)
{
    /// <summary>The similarity a punch by face requires (cosine).</summary>
    public const float Threshold = 0.9f;

    /// <summary>
    /// Records the employee's electronic signature of <see cref="ClockIn.WrittenReleaseForm"/> (BIPA §15(b)(3); an
    /// electronic signature is a written release since 2024) and only then captures and enrols their face.
    /// </summary>
    /// <returns>The receipt, which records <see cref="ConsentForm.ElectronicSignature"/>.</returns>
    public ConsentReceipt<ClockIn> SignReleaseAndEnrol(string employeeId, string typedSignature)
    {
        if (string.IsNullOrWhiteSpace(typedSignature))
        {
            throw new ArgumentException("The release must be signed (type your full name) before your face is captured.", nameof(typedSignature));
        }

        var receipt = consents.Grant<ClockIn>(new ConsentGrant(employeeId, ConsentForm.ElectronicSignature) { AgeBand = FacialAgeBand.Adult });
        templates.Enroll(receipt, camera.Capture(receipt));
        return receipt;
    }

    /// <summary>Clocks the employee in by face; a match also records their last interaction.</summary>
    public bool PunchWithFace(ConsentReceipt<ClockIn> receipt)
        => templates.Verify(receipt, camera.Capture(receipt), Threshold).IsMatch;

    /// <summary>The non-biometric alternative: the badge, at the same clock, with the same result.</summary>
    public bool PunchWithBadge(string employeeId, string badge)
    {
        var valid = badge == Badges.Of(employeeId);
        consents.RecordAlternativeUsed<ClockIn>(employeeId, valid ? "badge punch" : "badge refused");
        return valid;
    }
}

/// <summary>Badges issued to employees (a stand-in for the badge system: the badge number is derived from the id).</summary>
public static class Badges
{
    /// <summary>The badge number of <paramref name="employeeId"/>.</summary>
    /// <param name="employeeId">The employee.</param>
    /// <returns>The badge number.</returns>
    public static string Of(string employeeId) => "B-" + employeeId.ToUpperInvariant();
}
