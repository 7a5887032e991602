using System;
using FaceCompliance.Storage;

namespace FaceCompliance.Sqlite;

/// <summary>The audit trail of a SQLite file: the relational store's (<see cref="RelationalAuditTrail"/>), named for the health check and the tests that reach under it.</summary>
internal sealed class SqliteAuditTrail(SqliteDatabase database, AuditChain chain, string actor, TimeProvider clock)
    : RelationalAuditTrail(database, chain, actor, clock);
