using System;

namespace FaceCompliance;

/// <summary>
/// A person's current receipt for one purpose: the latest one issued to them for it, whether or not it is valid now
/// (<see cref="IConsentRegistry.ListCurrentConsents"/>).
/// </summary>
/// <param name="PurposeId">The purpose (<see cref="FacialPurposeInfo.Id"/>).</param>
/// <param name="ReceiptId">The receipt's id.</param>
/// <param name="NoticeVersion">The notice version the person consented to.</param>
/// <param name="GivenAt">When consent was given (UTC).</param>
/// <param name="ExpiresAt">When it stops being valid (UTC).</param>
/// <param name="Scopes">The separate-consent scopes it holds.</param>
/// <param name="WithdrawnAt">When it was withdrawn, or <see langword="null"/>.</param>
public sealed record SubjectConsent(string PurposeId, string ReceiptId, string NoticeVersion, DateTimeOffset GivenAt,
    DateTimeOffset ExpiresAt, FacialConsentScopes Scopes, DateTimeOffset? WithdrawnAt);
