using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FaceCompliance.Sqlite.Tests.Hosting;

/// <summary>
/// A real generic host with <c>AddFaceCompliance(…).AddSqliteStore(…)</c> on a fresh folder, a fake clock and the
/// test's own additions; deletes the folder afterwards.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public TestHost()
    {
        Directory = Path.Combine(Path.GetTempPath(), "facecompliance-hosting-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        StorePath = Path.Combine(Directory, "gate.db");
    }

    public string Directory { get; }

    public string StorePath { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public IHost? Host { get; private set; }

    public IServiceProvider Services => Host!.Services;

    /// <summary>Builds the host: the fake clock, FaceCompliance with the test key and the store, then <paramref name="configure"/>.</summary>
    public IHost Build(Action<FaceComplianceOptions>? options = null, Action<HostApplicationBuilder>? configure = null, string? storePath = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddFaceCompliance(o =>
        {
            o.MasterKey = TestStore.MasterKey;
            o.Actor = "gate-1";
            o.TemplateDimension = 8;
            options?.Invoke(o);
        }).AddSqliteStore(storePath ?? StorePath);
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

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
