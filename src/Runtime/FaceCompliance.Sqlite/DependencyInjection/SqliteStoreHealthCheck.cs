using System;
using System.Collections.Generic;

namespace FaceCompliance.Sqlite;

/// <summary>
/// The health check "facecompliance.sqlite": the store opened (integrity and master key checked at open), and now its
/// key check value and the audit chain's head verify (<see cref="SqliteFacialDataStore.CheckHealth"/>).
/// </summary>
internal sealed class SqliteStoreHealthCheck(IServiceProvider services) : FacialDataStoreHealthCheck<SqliteFacialDataStore>(services)
{
    public const string Name = "facecompliance.sqlite";

    protected override string? Check(SqliteFacialDataStore store) => store.CheckHealth();

    protected override IReadOnlyDictionary<string, object> Describe(SqliteFacialDataStore store) =>
        new Dictionary<string, object> { ["path"] = store.Path };

    protected override bool IsOpenFailure(Exception error) =>
        error is MasterKeyMismatchException or Microsoft.Data.Sqlite.SqliteException || base.IsOpenFailure(error);
}
