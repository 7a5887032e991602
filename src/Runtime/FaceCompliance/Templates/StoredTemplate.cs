using System;

namespace FaceCompliance;

/// <summary>
/// What is known about one stored template without decrypting it (<see cref="IFaceTemplateStore.ListTemplates"/>): whose
/// it is, for which purpose, when it was collected and when retention deletes it.
/// </summary>
/// <param name="TemplateId">The id <see cref="IFaceTemplateStore.Enroll"/> returned.</param>
/// <param name="SubjectId">The person.</param>
/// <param name="PurposeId">The purpose it was collected for.</param>
/// <param name="CollectedAt">When it was enrolled (UTC).</param>
/// <param name="ExpiresAt">When its retention ends (UTC).</param>
/// <param name="Quarantined">Whether it failed authentication and is no longer used.</param>
public sealed record StoredTemplate(string TemplateId, string SubjectId, string PurposeId, DateTimeOffset CollectedAt, DateTimeOffset ExpiresAt,
    bool Quarantined);
