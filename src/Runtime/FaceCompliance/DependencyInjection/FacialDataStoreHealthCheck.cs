using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaceCompliance;

/// <summary>
/// The health check of a registered store (<c>facecompliance.sqlite</c>, <c>facecompliance.postgresql</c>): the store
/// opened (its checks at open passed), and now the store's own quick check (<see cref="Check"/>) finds nothing wrong.
/// </summary>
internal abstract class FacialDataStoreHealthCheck<TStore>(IServiceProvider services) : IHealthCheck
    where TStore : notnull
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        TStore store;
        try
        {
            store = services.GetRequiredService<TStore>();
        }
        catch (Exception e) when (IsOpenFailure(e))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The FaceCompliance store did not open: " + e.Message, e));
        }

        var data = Describe(store);
        return Task.FromResult(Check(store) is { } problem
            ? HealthCheckResult.Unhealthy(problem, data: data)
            : HealthCheckResult.Healthy("The FaceCompliance store opened; its master key and audit chain head verify.", data));
    }

    /// <summary>Null when all is well, otherwise what is wrong; cheap (milliseconds), as a health check is polled.</summary>
    protected abstract string? Check(TStore store);

    /// <summary>Where the store is (a path, a host and database), never a secret.</summary>
    protected abstract IReadOnlyDictionary<string, object> Describe(TStore store);

    /// <summary>Whether <paramref name="error"/>, thrown while the store opened, is a reason the check reports (a wrong key, a damaged store, no server).</summary>
    protected virtual bool IsOpenFailure(Exception error) =>
        error is System.IO.InvalidDataException or InvalidOperationException or ArgumentException;
}
