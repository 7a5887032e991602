using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.RateLimiting;
using CommunityAccess;
using CommunityAccess.Gate;
using CommunityAccess.Residents;
using CommunityAccess.Web;
using FaceCompliance;
using FaceCompliance.Generated;
using FaceCompliance.Vision;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The community gate: a minimal API and a small page (wwwroot/) on the FaceCompliance runtime. See README.md.
Console.OutputEncoding = Encoding.UTF8;

WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
GateSettings settings;
try
{
    settings = GateSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
}
catch (ArgumentException invalid)
{
    Console.Error.WriteLine("CommunityAccess: cannot start: " + invalid.Message);
    return 1;
}

// Localhost only: the gate terminal's browser runs on the device itself, and face data never leaves it (Art. 8).
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, settings.Port);
    kestrel.AddServerHeader = false;
});

// No personal data in the log (review defect 14): ASP.NET Core logs each request's path (with resident ids in it) at
// Information, so its categories log warnings and errors only; the gate's own messages name no resident.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

byte[] masterKey;
bool keyCreated;
try
{
    masterKey = settings.LoadOrCreateMasterKey(out keyCreated);
}
catch (Exception missingKey) when (missingKey is InvalidOperationException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine("CommunityAccess: cannot start: " + missingKey.Message);
    return 1;
}

// The runtime, registered as services: the store, SQLite (gate.db) or PostgreSQL (--store postgresql://…), opened while
// the host starts (a wrong master key, a damaged store or an unreachable server stops the start with its message),
// on-device recognition with its models warmed up before the first request, health checks, log events with resident
// ids classified, metrics on the meters FaceCompliance*.
IFaceComplianceBuilder faceCompliance = builder.Services.AddFaceCompliance(options =>
    {
        options.MasterKeyFile = settings.MasterKeyPath;
        options.Actor = settings.Actor;
        options.TemplateDimension = 512;
        options.Filing = new FilingThresholdOptions { Calendar = WorkingDayCalendar.ChinaOfficial() };
        // A resident consents again only when the notice changes, and enrols a few photos at most (review defect 9).
        options.MaxConsentsPerSubjectAndPurpose = 3;
        options.MaxTemplatesPerSubject = 5;
        // Art. 15: warn the operator when the number of people stored reaches 80,000, and at 100,000 (file within 30
        // working days); also when the store is opened already past a level it never reported.
        options.FilingThresholdReached = (_, e) => Console.WriteLine(
            $"CommunityAccess: filing threshold: {e.Level} level {e.Threshold:N0} reached with {e.Count:N0} people stored"
            + (e.FilingDeadline is { } deadline ? $"; file with the provincial CAC by {deadline:yyyy-MM-dd}" : string.Empty)
            + (e.FilingDeadlineIsEstimate ? $" (estimate: no holiday schedule for {string.Join(", ", e.YearsWithoutSchedule)})" : string.Empty));
    });
if (settings.PostgreSqlDatabase is { } database)
{
    faceCompliance.AddPostgreSqlStore(database);
}
else
{
    faceCompliance.AddSqliteStore(settings.StorePath);
}

faceCompliance.AddOnDeviceRecognition();

// Resident ids in the runtime's log events come out erased (review defect 14), whatever the log level.
builder.Services.AddRedaction(redaction => redaction.SetRedactor<ErasingRedactor>(FaceComplianceTaxonomy.SubjectId, FaceComplianceTaxonomy.FacialData));
builder.Logging.EnableRedaction();

// The card or PIN pepper lives with the master key, never in residents.db or the database (review defect 10).
byte[] cardPepper = ResidentDirectory.CardPepper(masterKey);
Array.Clear(masterKey);

ResidentDirectory residents;
try
{
    // With PostgreSQL the gate's own tables live in the store's database, so that every instance on it shares them.
    residents = new ResidentDirectory(
        settings.PostgreSqlDatabase is { } shared ? ResidentDatabase.PostgreSql(shared) : ResidentDatabase.Sqlite(settings.ResidentsPath),
        cardPepper, TimeProvider.System);
}
catch (Exception refused) when (refused is InvalidOperationException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine("CommunityAccess: cannot start: " + refused.Message);
    return 1;
}

// The operator account: created at first start with CommunityAccess:OperatorPassword, or with a one-time password
// printed here once (the console of the device), never written anywhere else.
string? oneTimePassword = null;
if (!residents.HasOperator())
{
    string password = settings.OperatorPassword ?? (oneTimePassword = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15)));
    if (!residents.CreateOperator(SignIn.OperatorName, password))
    {
        // Another instance on the same database created the account a moment ago: its password stands.
        oneTimePassword = null;
    }
}

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(residents);
builder.Services.AddSingleton(services => new GateStore(services.GetRequiredService<IConsentRegistry>(), services.GetRequiredService<IFaceTemplateStore>(),
    services.GetRequiredService<IAuditTrail>()));
builder.Services.AddSingleton(services => new ResidentConsents(services.GetRequiredService<IConsentRegistry>(), services.GetRequiredService<IFaceTemplateStore>()));
builder.Services.AddSingleton(services => new GateFaceEngine(services.GetRequiredService<FaceRecognizer>(), services.GetRequiredService<IFaceTemplateStore>(),
    services.GetRequiredService<ResidentConsents>()));
builder.Services.AddSingleton(services => new GateController(services.GetRequiredService<GateFaceEngine>(), services.GetRequiredService<ResidentConsents>(), residents));
builder.Services.AddGateSignIn();
// A body that does not bind (malformed JSON, a missing body, a number for a text) throws, and ErrorResponses answers
// it in the {error, kind} contract instead of an empty 400 (review defect 12).
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<GateLog>();
builder.Services.AddSingleton<CardLockout>();
builder.Services.AddRateLimiter(limiter =>
{
    // One keypad at one gate: all card or PIN attempts share one window, whichever resident they claim.
    limiter.AddFixedWindowLimiter(GateApi.CardRateLimit, window =>
    {
        window.PermitLimit = settings.CardAttemptLimit;
        window.Window = settings.CardAttemptWindow;
        window.QueueLimit = 0;
    });
    limiter.AddFixedWindowLimiter(GateApi.SignInRateLimit, window =>
    {
        window.PermitLimit = settings.SignInAttemptLimit;
        window.Window = settings.SignInAttemptWindow;
        window.QueueLimit = 0;
    });
    // Large frames are processed one at a time (LargeFrameConcurrency) with a short queue, apart from camera-sized
    // frames, so a flood of 24 MiB frames cannot starve the gate (review defect 11).
    limiter.AddPolicy(GateApi.FrameLimit, http => http.Request.ContentLength > GateSettings.LargeFrameBytes
        ? RateLimitPartition.GetConcurrencyLimiter("large", _ => new ConcurrencyLimiterOptions { PermitLimit = settings.LargeFrameConcurrency, QueueLimit = 2 })
        : RateLimitPartition.GetConcurrencyLimiter("camera", _ => new ConcurrencyLimiterOptions { PermitLimit = Environment.ProcessorCount * 2, QueueLimit = 32 }));
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    limiter.OnRejected = async (context, cancellation) =>
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        string path = context.HttpContext.Request.Path.Value ?? string.Empty;
        string message = path.EndsWith("/gate/card", StringComparison.Ordinal)
            ? $"Too many card or PIN attempts at this gate: at most {settings.CardAttemptLimit} per {settings.CardAttemptWindow:c}. Wait and try again."
            : path.EndsWith("/signin", StringComparison.Ordinal)
                ? $"Too many sign-in attempts: at most {settings.SignInAttemptLimit} per {settings.SignInAttemptWindow:c}. Wait and try again."
                : "The gate is busy with large images; send a smaller frame (a camera frame), or try again in a moment.";
        await context.HttpContext.Response.WriteAsJsonAsync(new ErrorResponse(message, "rate-limited"), cancellation);
    };
});
builder.Services.AddSingleton<RetentionPurge>();
builder.Services.AddHostedService(services => services.GetRequiredService<RetentionPurge>());

WebApplication app = builder.Build();

app.UseMiddleware<LocalOnly>();
app.UseMiddleware<ErrorResponses>();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRouting();
app.UseMiddleware<BodyLimits>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
GateApi.Map(app);
// The store (file, key check value, audit head) and the models: "Healthy", or what is wrong.
app.MapHealthChecks("/api/health");

app.Lifetime.ApplicationStarted.Register(() =>
{
    string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? $"http://127.0.0.1:{settings.Port}";
    Console.WriteLine($"CommunityAccess: community gate listening on {address} (localhost only)");
    Console.WriteLine($"  resident page : {address}/");
    Console.WriteLine($"  operator page : {address}/operator.html");
    Console.WriteLine($"  processor     : {FacialDataDeclarations.ProcessorName}");
    Console.WriteLine($"  purpose       : {CommunityEntry.PurposeId}, notice version {CommunityEntry.NoticeVersion}, templates kept at most {CommunityEntry.RetentionPeriod.TotalDays} days");
    Console.WriteLine(settings.PostgreSqlDatabase is null
        ? $"  data          : {settings.DataDirectory} (gate.db: receipts, encrypted templates, audit trail; residents.db: residents, card and password hashes)"
        : $"  data          : PostgreSQL {app.Services.GetRequiredService<FaceCompliance.PostgreSql.PostgreSqlFacialDataStore>().Database} (receipts, encrypted templates, audit trail, residents, card and password hashes; shared by every instance on it), audit actor {settings.Actor}");
    Console.WriteLine($"  master key    : {settings.MasterKeyPath}{(keyCreated ? " (created now)" : string.Empty)}; in production keep it in a KMS, not on disk");
    if (oneTimePassword is not null)
    {
        Console.WriteLine($"  operator      : account '{SignIn.OperatorName}' created with the one-time password {oneTimePassword} (shown once; set CommunityAccess:OperatorPassword to choose it)");
    }

    Console.WriteLine("  Ctrl+C stops it.");
});

try
{
    app.Run();
}
catch (Exception refused) when (refused is MasterKeyMismatchException
    or System.IO.InvalidDataException or Npgsql.NpgsqlException)
{
    // A wrong master key, a damaged store or an unreachable server, found when the store opened at start: stop with the store's message.
    Console.Error.WriteLine("CommunityAccess: cannot start: " + refused.Message
        + (refused is MasterKeyMismatchException && settings.PostgreSqlDatabase is not null
            ? $" Every instance on one database needs the master key it was created with: copy master.key from the first instance into {settings.DataDirectory}."
            : string.Empty));
    return 1;
}

return 0;
