using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaceCompliance.Sqlite;

/// <summary>The store's logger and instruments, created once per store from its options.</summary>
internal sealed class StoreTelemetry(ILogger logger, StoreMetrics metrics) : IDisposable
{
    public ILogger Logger { get; } = logger;

    public StoreMetrics Metrics { get; } = metrics;

    public static ILogger CreateLogger(FacialDataStoreOptions options) =>
        options.LoggerFactory?.CreateLogger("FaceCompliance.Sqlite.SqliteFacialDataStore") ?? NullLogger.Instance;

    public void Dispose() => Metrics.Dispose();
}
