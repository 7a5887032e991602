using System;
using FaceCompliance;
using FaceCompliance.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the PostgreSQL store to <c>services.AddFaceCompliance(…)</c> (docs/runtime.md, "Registration").</summary>
public static class PostgreSqlFaceComplianceBuilderExtensions
{
    /// <summary>
    /// Adds the store in the database <paramref name="connectionString"/> names: an Npgsql connection string or a
    /// <c>postgresql://</c> URI; see <see cref="AddPostgreSqlStore(IFaceComplianceBuilder, Action{PostgreSqlStoreOptions})"/>.
    /// </summary>
    public static IFaceComplianceBuilder AddPostgreSqlStore(this IFaceComplianceBuilder builder, string connectionString) =>
        AddPostgreSqlStore(builder, options => options.ConnectionString = connectionString);

    /// <summary>
    /// Adds <see cref="PostgreSqlFacialDataStore"/> as a singleton, opened when the host starts with the
    /// <see cref="FacialDataStoreOptions"/> of <c>AddFaceCompliance</c> (a wrong master key, a damaged or unknown schema
    /// or an unreachable server stops the start with its message) and disposed by the container; its parts as
    /// <see cref="IConsentRegistry"/>, <see cref="ILegalBasisRegistry"/>, <see cref="IFaceTemplateStore"/>,
    /// <see cref="IAuditTrail"/> and <see cref="IFacialDataLifecycle"/>; and the health check "facecompliance.postgresql".
    /// Every node of a deployment registers the same database and the same master key.
    /// </summary>
    public static IFaceComplianceBuilder AddPostgreSqlStore(this IFaceComplianceBuilder builder, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<PostgreSqlStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
        services.TryAddSingleton(provider => PostgreSqlFacialDataStore.Open(
            PostgreSqlConnectionString.ToNpgsql(provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value.ConnectionString!),
            provider.GetRequiredService<FacialDataStoreOptions>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<PostgreSqlFacialDataStore>().Consents);
        services.TryAddSingleton(provider => provider.GetRequiredService<PostgreSqlFacialDataStore>().LegalBases);
        services.TryAddSingleton(provider => provider.GetRequiredService<PostgreSqlFacialDataStore>().Templates);
        services.TryAddSingleton(provider => provider.GetRequiredService<PostgreSqlFacialDataStore>().Audit);
        services.TryAddSingleton(provider => provider.GetRequiredService<PostgreSqlFacialDataStore>().Lifecycle);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FacialDataStoreStartup<PostgreSqlFacialDataStore>>());
        services.AddHealthChecks().AddCheck<PostgreSqlStoreHealthCheck>(PostgreSqlStoreHealthCheck.Name, tags: ["facecompliance"]);
        return builder;
    }
}
