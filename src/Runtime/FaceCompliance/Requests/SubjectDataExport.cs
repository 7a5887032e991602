using System;
using System.Collections.Generic;

namespace FaceCompliance;

/// <summary>
/// The answer to an access request (GDPR Art. 15): what the store holds about the person. Templates are described
/// (id, purpose, dates), never exported as values: a template in clear could be enrolled in another biometric system
/// (EDPB Guidelines 3/2019 ¶87-88: templates must not be transferable across systems) and means nothing to the person.
/// </summary>
/// <param name="SubjectId">The person.</param>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="Consents">Every consent receipt recorded for the person, in force, expired or withdrawn.</param>
/// <param name="Templates">Every face template held for the person, described.</param>
public sealed record SubjectDataExport(string SubjectId, DateTimeOffset ExportedAt, IReadOnlyList<ExportedConsent> Consents, IReadOnlyList<ExportedTemplate> Templates);

/// <summary>A consent as exported in <see cref="SubjectDataExport"/>.</summary>
/// <param name="ReceiptId">The receipt's id.</param>
/// <param name="PurposeId">The purpose consented to.</param>
/// <param name="NoticeVersion">The notice version read.</param>
/// <param name="GivenAt">When consent was given.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="WithdrawnAt">When it was withdrawn or ended; null while in force.</param>
public sealed record ExportedConsent(string ReceiptId, string PurposeId, string NoticeVersion, DateTimeOffset GivenAt, DateTimeOffset ExpiresAt, DateTimeOffset? WithdrawnAt);

/// <summary>A face template as described in <see cref="SubjectDataExport"/> (its values are not exported).</summary>
/// <param name="TemplateId">The template's id.</param>
/// <param name="PurposeId">The purpose it is held for.</param>
/// <param name="CollectedAt">When it was enrolled.</param>
/// <param name="ExpiresAt">When its retention ends.</param>
public sealed record ExportedTemplate(string TemplateId, string PurposeId, DateTimeOffset CollectedAt, DateTimeOffset ExpiresAt);
