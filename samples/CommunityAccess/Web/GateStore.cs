using FaceCompliance;

namespace CommunityAccess.Web;

/// <summary>
/// The FaceCompliance store the gate reads and writes, whichever engine holds it (the SQLite file gate.db or a
/// PostgreSQL database, <see cref="GateSettings.PostgreSqlDatabase"/>): the parts that <c>AddSqliteStore</c> and
/// <c>AddPostgreSqlStore</c> both register.
/// </summary>
/// <param name="Consents">The consent registry.</param>
/// <param name="Templates">The encrypted templates and the filing count.</param>
/// <param name="Audit">The audit trail.</param>
internal sealed record GateStore(IConsentRegistry Consents, IFaceTemplateStore Templates, IAuditTrail Audit);
