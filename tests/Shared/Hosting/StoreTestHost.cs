using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FaceCompliance.Tests.Shared.Hosting;

/// <summary>
/// A real generic host with <c>AddFaceCompliance(…)</c> and one store, a fake clock and the test's own additions.
/// Linked into the SQLite and PostgreSQL test projects: each says how its store is added and removed afterwards.
/// </summary>
public abstract class StoreTestHost : IAsyncDisposable
{
    private readonly byte[] _masterKey;

    /// <param name="actor">The actor the host's store writes in its audit records.</param>
    /// <param name="masterKey">The master key the host's store opens with.</param>
    protected StoreTestHost(string actor, byte[] masterKey)
    {
        Actor = actor;
        _masterKey = masterKey;
    }

    public string Actor { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public IHost? Host { get; private set; }

    public IServiceProvider Services => Host!.Services;

    /// <summary>
    /// Builds the host: the fake clock, FaceCompliance with the test key and the store (on <paramref name="store"/>, a
    /// path or connection string, in place of the host's own when given), then <paramref name="configure"/>.
    /// </summary>
    public IHost Build(Action<FaceComplianceOptions>? options = null, Action<HostApplicationBuilder>? configure = null, string? store = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(Clock);
        AddStore(builder.Services.AddFaceCompliance(o =>
        {
            o.MasterKey = _masterKey;
            o.Actor = Actor;
            o.TemplateDimension = 8;
            options?.Invoke(o);
        }), store);
        configure?.Invoke(builder);
        Host = builder.Build();
        return Host;
    }

    /// <summary>Builds and starts the host.</summary>
    public async Task<IServiceProvider> StartAsync(Action<FaceComplianceOptions>? options = null, Action<HostApplicationBuilder>? configure = null)
    {
        await Build(options, configure).StartAsync();
        return Services;
    }

    /// <summary>A template of dimension 8, different for each seed.</summary>
    public static FaceTemplate Template(int seed)
    {
        var values = new float[8];
        var random = new Random(seed);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return new FaceTemplate(values);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            try
            {
                await Host.StopAsync();
            }
            catch (InvalidOperationException)
            {
                // A host whose start failed has nothing to stop.
            }

            Host.Dispose();
        }

        DeleteStore();
    }

    /// <summary>Adds the store: on <paramref name="store"/> when given, else on the host's own file or database.</summary>
    protected abstract void AddStore(IFaceComplianceBuilder faceCompliance, string? store);

    /// <summary>Removes the host's own file or database.</summary>
    protected abstract void DeleteStore();
}
