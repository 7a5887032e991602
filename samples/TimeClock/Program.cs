using System;
using System.Globalization;
using System.IO;
using FaceCompliance;
using FaceCompliance.Sqlite;
using TimeClock;

// dotnet run --project samples/TimeClock -- <data folder> <command> [arguments] [--at yyyy-MM-dd]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: TimeClock <data folder> policy|release|enrol <id> <typed signature>|punch <id> face|punch <id> badge <badge>|status <id>|purge [--at yyyy-MM-dd]");
    return 2;
}

var folder = args[0];
var command = args[1];
if (command == "policy")
{
    Console.Write(ClockIn.BiometricRetentionPolicy);
    return 0;
}

if (command == "release")
{
    Console.Write(ClockIn.WrittenReleaseForm);
    return 0;
}

// --at runs the command at another date (to show the purge); the store dates everything from this clock.
var atIndex = Array.IndexOf(args, "--at");
TimeProvider clock = atIndex > 0
    ? new FixedClock(DateTimeOffset.ParseExact(args[atIndex + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
    : TimeProvider.System;
Directory.CreateDirectory(folder);
using var store = SqliteFacialDataStore.Open(Path.Combine(folder, "timeclock.db"),
    new FacialDataStoreOptions(new FacialDataKeys(MasterKey.LoadOrCreate(Path.Combine(folder, "master.key"))))
    {
        Actor = "timeclock-1",
        TemplateDimension = DemoCamera.Dimension,
        TimeProvider = clock,
    });
var timeClock = new Clock(store.Consents, store.Templates, new DemoCamera());
switch (command)
{
    case "enrol":
        var receipt = timeClock.SignReleaseAndEnrol(args[2], args[3]);
        Console.WriteLine($"enrolled {args[2]}: release signed electronically ({receipt.Form}), receipt {receipt.Id}");
        Console.WriteLine($"badge instead of face: {Badges.Of(args[2])}");
        return 0;
    case "punch" when args.Length > 3 && args[3] == "face":
        if (!store.Consents.TryGetCurrentReceipt<ClockIn>(args[2], out var current))
        {
            Console.WriteLine($"{args[2]} has not signed the release: use the badge");
            return 1;
        }

        bool matched;
        try
        {
            matched = timeClock.PunchWithFace(current);
        }
        catch (System.Collections.Generic.KeyNotFoundException)
        {
            Console.WriteLine($"{args[2]} has no face template (destroyed, or never enrolled): use the badge, or sign the release and enrol again");
            return 1;
        }

        Console.WriteLine(matched ? $"{args[2]} clocked in by face" : $"{args[2]} not recognised: use the badge");
        return matched ? 0 : 1;
    case "punch" when args.Length > 4 && args[3] == "badge":
        var accepted = timeClock.PunchWithBadge(args[2], args[4]);
        Console.WriteLine(accepted ? $"{args[2]} clocked in by badge" : "badge refused");
        return accepted ? 0 : 1;
    case "status":
        var last = store.Templates.LastInteraction<ClockIn>(args[2]);
        Console.WriteLine(last is { } at
            ? $"{args[2]}: last interaction {at:yyyy-MM-dd}; template destroyed by {ClockIn.Info.DeleteBy(at):yyyy-MM-dd} at the latest (3 years, BIPA §15(a)), or earlier at the end of the declared {ClockIn.RetentionPeriod.TotalDays:0} days"
            : $"{args[2]}: no interaction recorded");
        return 0;
    case "purge":
        Console.WriteLine($"purged {store.Templates.PurgeExpired()} template(s); people stored: {store.Templates.PeopleStored}");
        return 0;
    default:
        Console.Error.WriteLine($"unknown command '{command}'");
        return 2;
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The demo's master key: 32 random bytes in a file readable by its owner only, created on first use.</summary>
internal static class MasterKey
{
    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        File.WriteAllBytes(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
