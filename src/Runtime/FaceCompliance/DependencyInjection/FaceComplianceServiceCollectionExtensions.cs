using System;
using System.Diagnostics.Metrics;
using System.IO;
using FaceCompliance;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FaceCompliance in an application's services (docs/runtime.md, "Registration").</summary>
public static class FaceComplianceServiceCollectionExtensions
{
    /// <summary>
    /// Adds FaceCompliance's shared settings: the master key, the audit actor, the template dimension and the limits
    /// per person (<see cref="FaceComplianceOptions"/>, validated when the host starts), the <see cref="TimeProvider"/>
    /// (<see cref="TimeProvider.System"/> unless one is registered) and the <see cref="FacialDataStoreOptions"/> that a
    /// store is opened with. Add a store and recognition to the builder it returns:
    /// <c>services.AddFaceCompliance(o =&gt; o.MasterKeyFile = "master.key").AddSqliteStore("gate.db").AddOnDeviceRecognition();</c>
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options; may be null when they are bound from configuration instead.</param>
    public static IFaceComplianceBuilder AddFaceCompliance(this IServiceCollection services, Action<FaceComplianceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FaceComplianceOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FaceComplianceOptions>, FaceComplianceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(StoreOptions);
        return new FaceComplianceBuilder(services);
    }

    private static FacialDataStoreOptions StoreOptions(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<FaceComplianceOptions>>().Value;
        byte[] masterKey = options.MasterKey ?? File.ReadAllBytes(options.MasterKeyFile!);
        try
        {
            return new FacialDataStoreOptions(new FacialDataKeys(masterKey))
            {
                Actor = options.Actor,
                TemplateDimension = options.TemplateDimension,
                MaxTemplatesPerSubject = options.MaxTemplatesPerSubject,
                MaxConsentsPerSubjectAndPurpose = options.MaxConsentsPerSubjectAndPurpose,
                Filing = options.Filing,
                FilingThresholdReached = options.FilingThresholdReached,
                TimeProvider = services.GetRequiredService<TimeProvider>(),
                LoggerFactory = services.GetService<ILoggerFactory>(),
                MeterFactory = services.GetService<IMeterFactory>(),
            };
        }
        finally
        {
            if (options.MasterKey is null)
            {
                Array.Clear(masterKey);
            }
        }
    }
}
