using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FaceCompliance;

/// <summary>
/// Opens the registered store <typeparamref name="TStore"/> when the host starts, before any hosted service or request
/// uses it: a wrong or missing master key, a damaged store or an unknown schema stops the start with the store's own
/// message instead of failing the first request. Every store's <c>Add…Store</c> registers it.
/// </summary>
internal sealed class FacialDataStoreStartup<TStore>(IServiceProvider services) : IHostedLifecycleService
    where TStore : notnull
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<TStore>();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
