using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaceCompliance.Sqlite;

/// <summary>
/// The health check "facecompliance.sqlite": the store opened (integrity and master key checked at open), and now its
/// key check value and the audit chain's head verify (<see cref="StoreHealth"/>).
/// </summary>
internal sealed class SqliteStoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "facecompliance.sqlite";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        SqliteFacialDataStore store;
        try
        {
            store = services.GetRequiredService<SqliteFacialDataStore>();
        }
        catch (Exception e) when (e is MasterKeyMismatchException or System.IO.InvalidDataException or InvalidOperationException or ArgumentException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The FaceCompliance store did not open: " + e.Message, e));
        }

        var data = new Dictionary<string, object> { ["path"] = store.Path };
        return Task.FromResult(store.CheckHealth() is { } problem
            ? HealthCheckResult.Unhealthy(problem, data: data)
            : HealthCheckResult.Healthy("The FaceCompliance store opened; its master key and audit chain head verify.", data));
    }
}
