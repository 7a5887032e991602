using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// The health check "facecompliance.postgresql": the store opened (master key and schema checked at open), and now the
/// database answers, its key check value matches and the audit chain's head verifies (<see cref="PostgreSqlFacialDataStore.CheckHealth"/>).
/// </summary>
internal sealed class PostgreSqlStoreHealthCheck(IServiceProvider services) : FacialDataStoreHealthCheck<PostgreSqlFacialDataStore>(services)
{
    public const string Name = "facecompliance.postgresql";

    protected override string? Check(PostgreSqlFacialDataStore store) => store.CheckHealth();

    protected override IReadOnlyDictionary<string, object> Describe(PostgreSqlFacialDataStore store) =>
        new Dictionary<string, object> { ["database"] = store.Database };

    protected override bool IsOpenFailure(Exception error) =>
        error is MasterKeyMismatchException or NpgsqlException || base.IsOpenFailure(error);
}
