using System;
using System.Threading.Tasks;

namespace FaceCompliance.Tests.Shared.Hosting;

/// <summary>The base of a test class on a store in a real host: a fresh <typeparamref name="THost"/> per test, disposed after it.</summary>
/// <typeparam name="THost">The store's host.</typeparam>
public abstract class StoreHostTests<THost> : IAsyncDisposable
    where THost : StoreTestHost, new()
{
    protected THost Test { get; } = new();

    public ValueTask DisposeAsync() => Test.DisposeAsync();
}
