using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FaceCompliance.Storage;

/// <summary>
/// Follows a store's audit trail for an <see cref="IAuditChangeObserver"/> on a background task: connect, catch up
/// (read every record after the last delivered, in pages), report current, wait for a signal or the heartbeat, catch
/// up again; on any failure report the interruption, wait (100 ms, doubling to 5 s) and start over. The last
/// delivered sequence advances only after the observer took a page, so nothing is skipped across reconnections.
/// Subclasses say how to connect and how to wait (PostgreSQL: LISTEN; SQLite: a timer).
/// </summary>
internal abstract class AuditFollower : IDisposable
{
    private const int PageSize = 1000;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    private readonly Func<long, int, IReadOnlyList<AuditRecord>> _read;
    private readonly IAuditChangeObserver _observer;
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private long _delivered;

    /// <param name="read">Reads at most the given number of records after a sequence, in order (<see cref="IAuditTrail.Read"/>).</param>
    /// <param name="afterSequence">The last record the observer already has.</param>
    /// <param name="observer">Who receives the records.</param>
    protected AuditFollower(Func<long, int, IReadOnlyList<AuditRecord>> read, long afterSequence, IAuditChangeObserver observer)
    {
        _read = read;
        _delivered = afterSequence;
        _observer = observer;
    }

    /// <summary>The last sequence delivered to the observer.</summary>
    protected long Delivered => Volatile.Read(ref _delivered);

    /// <summary>Starts following; call once, after construction.</summary>
    public void Start() => _running = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Opens what the wait needs (a listening connection); called before each catch-up that follows a failure.</summary>
    protected abstract Task ConnectAsync(CancellationToken cancellation);

    /// <summary>Waits until records may have been written (true), or the heartbeat passed (false); throws when the connection is lost.</summary>
    protected abstract Task<bool> WaitAsync(CancellationToken cancellation);

    /// <summary>On a heartbeat with nothing written: proves the connection still works (throws if not).</summary>
    protected abstract Task CheckAliveAsync(CancellationToken cancellation);

    /// <summary>Closes what <see cref="ConnectAsync"/> opened; must not throw.</summary>
    protected abstract void Disconnect();

    private async Task RunAsync(CancellationToken stop)
    {
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ConnectAsync(stop).ConfigureAwait(false);
                while (true)
                {
                    CatchUp();
                    _observer.OnCurrent();
                    retry = FirstRetry;
                    if (!await WaitAsync(stop).ConfigureAwait(false))
                    {
                        await CheckAliveAsync(stop).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Any failure (network, server restart, the observer's own) is reported, then retried.
            catch (Exception error)
#pragma warning restore CA1031
            {
                Disconnect();
                _observer.OnInterrupted(error);
                try
                {
                    await Task.Delay(retry, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }

        Disconnect();
    }

    private void CatchUp()
    {
        while (true)
        {
            var page = _read(Delivered, PageSize);
            if (page.Count == 0)
            {
                return;
            }

            _observer.OnRecords(page);
            Volatile.Write(ref _delivered, page[^1].Sequence);
            if (page.Count < PageSize)
            {
                return;
            }
        }
    }

    /// <summary>Stops following and waits for the background task to end.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _running.Wait();
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Follows an audit trail by reading it every <c>interval</c>: for a store that one process owns (SQLite), where there is no connection to lose.</summary>
internal sealed class PollingAuditFollower(IAuditTrail audit, TimeSpan interval, long afterSequence, IAuditChangeObserver observer)
    : AuditFollower((after, max) => audit.Read(after, max), afterSequence, observer)
{
    protected override Task ConnectAsync(CancellationToken cancellation) => Task.CompletedTask;

    protected override async Task<bool> WaitAsync(CancellationToken cancellation)
    {
        await Task.Delay(interval, cancellation).ConfigureAwait(false);
        return true;
    }

    protected override Task CheckAliveAsync(CancellationToken cancellation) => Task.CompletedTask;

    protected override void Disconnect()
    {
    }
}
