using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FaceCompliance.PostgreSql.Tests.Hosting;

/// <summary>
/// A real generic host with <c>AddFaceCompliance(…).AddPostgreSqlStore(…)</c> on a fresh database, a fake clock and
/// the test's own additions; drops the database afterwards.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public static readonly byte[] MasterKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    public string ConnectionString { get; } = TestServer.CreateDatabase();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public IHost? Host { get; private set; }

    public IServiceProvider Services => Host!.Services;

    /// <summary>Builds the host: the fake clock, FaceCompliance with the test key and the store, then <paramref name="configure"/>.</summary>
    public IHost Build(Action<FaceComplianceOptions>? options = null, Action<HostApplicationBuilder>? configure = null, string? connectionString = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddFaceCompliance(o =>
        {
            o.MasterKey = MasterKey;
            o.Actor = "node-1";
            o.TemplateDimension = 8;
            options?.Invoke(o);
        }).AddPostgreSqlStore(connectionString ?? ConnectionString);
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

        TestServer.DropDatabase(ConnectionString);
    }
}
