using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaceCompliance;

/// <summary>A store's logger and instruments, created once per store from its options.</summary>
internal sealed class StoreTelemetry(ILogger logger, StoreMetrics metrics) : IDisposable
{
    /// <summary>The SQLite store's logger category (docs/runtime.md, "Logging").</summary>
    public const string SqliteCategory = "FaceCompliance.Sqlite.SqliteFacialDataStore";

    /// <summary>The PostgreSQL store's logger category.</summary>
    public const string PostgreSqlCategory = "FaceCompliance.PostgreSql.PostgreSqlFacialDataStore";

    public ILogger Logger { get; } = logger;

    public StoreMetrics Metrics { get; } = metrics;

    /// <summary>The logger of the category <paramref name="category"/>, or none when the options have no logger factory.</summary>
    public static ILogger CreateLogger(FacialDataStoreOptions options, string category) =>
        options.LoggerFactory?.CreateLogger(category) ?? NullLogger.Instance;

    /// <summary>The logger of <paramref name="category"/> and the instruments of the meter "FaceCompliance", counting the people and templates of the store <paramref name="templates"/> gives (once it exists).</summary>
    public static StoreTelemetry Create(FacialDataStoreOptions options, string category, Func<Storage.RelationalTemplateStore> templates) =>
        new(CreateLogger(options, category), new StoreMetrics(options.MeterFactory, () => templates().PeopleStored, () => templates().TemplatesStored));

    public void Dispose() => Metrics.Dispose();
}
