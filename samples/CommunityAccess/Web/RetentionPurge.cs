using System;
using System.Threading;
using System.Threading.Tasks;
using FaceCompliance;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityAccess.Web;

/// <summary>
/// Deletes templates past their retention period (Measures Art. 8 §2; PIPL Art. 47): at start, then every
/// <see cref="GateSettings.PurgeInterval"/>, and whenever the operator asks. Keeps the outcome for the operator page.
/// </summary>
internal sealed class RetentionPurge : BackgroundService
{
    private readonly IFaceTemplateStore templates;
    private readonly GateSettings settings;
    private readonly TimeProvider clock;
    private readonly ILogger<RetentionPurge> logger;
    private readonly Lock gate = new();

    /// <summary>Creates the purge job.</summary>
    public RetentionPurge(IFaceTemplateStore templates, GateSettings settings, TimeProvider clock, ILogger<RetentionPurge> logger)
    {
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>When the last purge ran, or null before the first.</summary>
    public DateTimeOffset? LastRunAt { get; private set; }

    /// <summary>How many templates the last purge deleted.</summary>
    public int LastDeleted { get; private set; }

    /// <summary>How many templates purges deleted since the app started.</summary>
    public int TotalDeleted { get; private set; }

    /// <summary>How many purges ran since the app started.</summary>
    public int Runs { get; private set; }

    /// <summary>When the timer runs the next purge.</summary>
    public DateTimeOffset? NextRunAt { get; private set; }

    /// <summary>The error of the last purge, if it failed.</summary>
    public string? LastError { get; private set; }

    /// <summary>How often the timer runs.</summary>
    public TimeSpan Interval => settings.PurgeInterval;

    /// <summary>Runs a purge now and returns the number of templates deleted.</summary>
    /// <returns>The number deleted.</returns>
    public int RunNow()
    {
        lock (gate)
        {
            try
            {
                int deleted = templates.PurgeExpired();
                LastRunAt = clock.GetUtcNow();
                LastDeleted = deleted;
                TotalDeleted += deleted;
                Runs++;
                LastError = null;
                LogPurged(logger, deleted, null);
                return deleted;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LastRunAt = clock.GetUtcNow();
                LastError = e.Message;
                throw;
            }
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.PurgeInterval, clock);
        do
        {
            try
            {
                RunNow();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            NextRunAt = clock.GetUtcNow() + settings.PurgeInterval;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static readonly Action<ILogger, int, Exception?> LogPurged =
        LoggerMessage.Define<int>(LogLevel.Information, new EventId(1, "Purged"), "Retention purge: {Deleted} template(s) past retention deleted");

    private static readonly Action<ILogger, Exception?> LogFailed =
        LoggerMessage.Define(LogLevel.Error, new EventId(2, "PurgeFailed"), "Retention purge failed");
}
