using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// The health check "facecompliance.postgresql": the store opened (master key and schema checked at open), and now the
/// database answers, its key check value matches and the audit chain's head verifies (<see cref="PostgreSqlStoreHosting.Check"/>).
/// </summary>
internal sealed class PostgreSqlStoreHealthCheck(IServiceProvider services) : FacialDataStoreHealthCheck<PostgreSqlStoreHosting>(services)
{
    public const string Name = "facecompliance.postgresql";

    protected override string? Check(PostgreSqlStoreHosting store) => store.Check();

    protected override IReadOnlyDictionary<string, object> Describe(PostgreSqlStoreHosting store) =>
        new Dictionary<string, object> { ["database"] = store.Store.Database };

    protected override bool IsOpenFailure(Exception error) =>
        error is MasterKeyMismatchException or NpgsqlException || base.IsOpenFailure(error);
}
