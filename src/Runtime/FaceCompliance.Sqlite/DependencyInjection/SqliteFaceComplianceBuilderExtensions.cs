using System;
using FaceCompliance;
using FaceCompliance.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the SQLite store to <c>services.AddFaceCompliance(…)</c> (docs/runtime.md, "Registration").</summary>
public static class SqliteFaceComplianceBuilderExtensions
{
    /// <summary>Adds the store in the file <paramref name="path"/>; see <see cref="AddSqliteStore(IFaceComplianceBuilder, Action{SqliteStoreOptions})"/>.</summary>
    public static IFaceComplianceBuilder AddSqliteStore(this IFaceComplianceBuilder builder, string path) =>
        AddSqliteStore(builder, options => options.Path = path);

    /// <summary>
    /// Adds <see cref="SqliteFacialDataStore"/> as a singleton, opened when the host starts with the
    /// <see cref="FacialDataStoreOptions"/> of <c>AddFaceCompliance</c> (a wrong or missing master key or a damaged file
    /// stops the start with its message) and disposed by the container; its parts as <see cref="IConsentRegistry"/>,
    /// <see cref="ILegalBasisRegistry"/>, <see cref="IFaceTemplateStore"/>, <see cref="IAuditTrail"/> and
    /// <see cref="IFacialDataLifecycle"/>; and the health check "facecompliance.sqlite".
    /// </summary>
    public static IFaceComplianceBuilder AddSqliteStore(this IFaceComplianceBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<SqliteStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.TryAddSingleton(provider => SqliteFacialDataStore.Open(
            provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.Path!,
            provider.GetRequiredService<FacialDataStoreOptions>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteFacialDataStore>().Consents);
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteFacialDataStore>().LegalBases);
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteFacialDataStore>().Templates);
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteFacialDataStore>().Audit);
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteFacialDataStore>().Lifecycle);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FacialDataStoreStartup<SqliteFacialDataStore>>());
        services.AddHealthChecks().AddCheck<SqliteStoreHealthCheck>(SqliteStoreHealthCheck.Name, tags: ["facecompliance"]);
        return builder;
    }
}
