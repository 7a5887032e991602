using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using FaceCompliance;
using FaceCompliance.PostgreSql;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CommunityAccess.Web;

/// <summary>
/// The sample's settings, from the <c>CommunityAccess</c> configuration section: command line
/// (<c>--CommunityAccess:Port=5081</c>) or environment (<c>CommunityAccess__DataDirectory=/tmp/gate</c>); the store
/// also as <c>--store postgresql://…</c>.
/// </summary>
/// <param name="DataDirectory">Where the master key lives, and the SQLite files when no PostgreSQL database is configured.</param>
/// <param name="Port">The TCP port on 127.0.0.1; 0 lets the system choose a free one.</param>
/// <param name="PurgeInterval">How often the retention purge runs.</param>
internal sealed record GateSettings(string DataDirectory, int Port, TimeSpan PurgeInterval)
{
    /// <summary>Consecutive wrong card or PIN entries for one resident that lock their card or PIN.</summary>
    public int CardLockoutFailures { get; init; } = 5;

    /// <summary>How long a card or PIN stays locked after <see cref="CardLockoutFailures"/> wrong entries.</summary>
    public TimeSpan CardLockoutPeriod { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Card or PIN attempts the gate answers per <see cref="CardAttemptWindow"/>, all residents together; more get 429.</summary>
    public int CardAttemptLimit { get; init; } = 30;

    /// <summary>The window of <see cref="CardAttemptLimit"/>.</summary>
    public TimeSpan CardAttemptWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts answered per <see cref="SignInAttemptWindow"/>, everyone together; more get 429.</summary>
    public int SignInAttemptLimit { get; init; } = 10;

    /// <summary>The window of <see cref="SignInAttemptLimit"/>.</summary>
    public TimeSpan SignInAttemptWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Frames over <see cref="LargeFrameBytes"/> processed at once; more wait in a short queue, then get 429, so large frames cannot starve the gate.</summary>
    public int LargeFrameConcurrency { get; init; } = 1;

    /// <summary>Frames of at most this many bytes (a 1280x720 camera frame) are not held back by large ones.</summary>
    public const long LargeFrameBytes = 1280 * 720 * 3;

    /// <summary>The operator's password for the account created at first start; when not set, a one-time password is printed instead.</summary>
    public string? OperatorPassword { get; init; }

    /// <summary>
    /// The PostgreSQL database (an Npgsql connection string) that holds the FaceCompliance store and the gate's own
    /// tables, shared by every gate instance configured with it; <see langword="null"/> for the SQLite files gate.db and
    /// residents.db in <see cref="DataDirectory"/>. Configured as a <c>postgresql://</c> URI: <c>--store</c>,
    /// <c>CommunityAccess:Store</c> or the environment variable <c>CommunityAccess__Store</c>.
    /// </summary>
    public string? PostgreSqlDatabase { get; init; }

    /// <summary>Who this instance is in the audit records it writes (<c>CommunityAccess:Actor</c>), e.g. gate-north; instances on one database should differ.</summary>
    public string Actor { get; init; } = "gate-1";

    /// <summary>The port when none is configured.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The FaceCompliance store: consent receipts, encrypted templates, the audit trail.</summary>
    public string StorePath => Path.Combine(DataDirectory, "gate.db");

    /// <summary>The gate's own records: residents, peppered card hashes, sign-in password hashes.</summary>
    public string ResidentsPath => Path.Combine(DataDirectory, "residents.db");

    /// <summary>The master key file, created on first run.</summary>
    public string MasterKeyPath => Path.Combine(DataDirectory, "master.key");

    /// <summary>Reads the settings; relative paths are taken from <paramref name="contentRoot"/>.</summary>
    /// <param name="configuration">The app's configuration.</param>
    /// <param name="contentRoot">The content root (the working directory by default).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentException">A setting is not valid; the message names it.</exception>
    public static GateSettings From(IConfiguration configuration, string contentRoot)
    {
        IConfigurationSection section = configuration.GetSection("CommunityAccess");
        string data = Path.GetFullPath(Path.Combine(contentRoot, section["DataDirectory"] is { Length: > 0 } d ? d : "data"));
        int port = section["Port"] is { Length: > 0 } p ? int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture) : DefaultPort;
        if (port > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(configuration), port, "CommunityAccess:Port must be 0 to 65535.");
        }

        TimeSpan purge = section["PurgeInterval"] is { Length: > 0 } i ? TimeSpan.Parse(i, CultureInfo.InvariantCulture) : TimeSpan.FromHours(1);
        var settings = new GateSettings(data, port, purge);
        return settings with
        {
            CardLockoutFailures = Positive(section, "CardLockoutFailures", settings.CardLockoutFailures),
            CardLockoutPeriod = section["CardLockoutPeriod"] is { Length: > 0 } l ? TimeSpan.Parse(l, CultureInfo.InvariantCulture) : settings.CardLockoutPeriod,
            CardAttemptLimit = Positive(section, "CardAttemptLimit", settings.CardAttemptLimit),
            CardAttemptWindow = section["CardAttemptWindow"] is { Length: > 0 } w ? TimeSpan.Parse(w, CultureInfo.InvariantCulture) : settings.CardAttemptWindow,
            SignInAttemptLimit = Positive(section, "SignInAttemptLimit", settings.SignInAttemptLimit),
            SignInAttemptWindow = section["SignInAttemptWindow"] is { Length: > 0 } sw ? TimeSpan.Parse(sw, CultureInfo.InvariantCulture) : settings.SignInAttemptWindow,
            LargeFrameConcurrency = Positive(section, "LargeFrameConcurrency", settings.LargeFrameConcurrency),
            OperatorPassword = section["OperatorPassword"] is { Length: > 0 } password ? password : null,
            Actor = section["Actor"] is { Length: > 0 } actor ? actor.Trim() : settings.Actor,
            PostgreSqlDatabase = (section["Store"] is { Length: > 0 } store ? store : configuration["store"]) is { Length: > 0 } uri
                ? PostgreSqlStore(uri.Trim())
                : null,
        };
    }

    /// <summary>The Npgsql connection string of the <c>postgresql://</c> URI given as the store, or why it is refused (never echoing the password).</summary>
    /// <param name="uri">The URI.</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="ArgumentException">Not a postgresql:// URI, malformed, or without a host.</exception>
    public static string PostgreSqlStore(string uri)
    {
        const string Setting = "CommunityAccess:Store (--store)";
        if (!PostgreSqlConnectionString.IsUri(uri))
        {
            throw new ArgumentException($"{Setting} must be a postgresql:// URI, for example postgresql://gate:password@db.internal:5432/community; "
                + "leave it unset for the SQLite files gate.db and residents.db in the data folder.");
        }

        string connectionString;
        try
        {
            connectionString = PostgreSqlConnectionString.ToNpgsql(uri);
        }
        catch (FormatException malformed)
        {
            throw new ArgumentException($"{Setting} is not a valid postgresql:// URI: {malformed.Message}", malformed);
        }

        return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host)
            ? throw new ArgumentException($"{Setting} names no host: give the server, as in postgresql://gate@db.internal:5432/community.")
            : connectionString;
    }

    private static int Positive(IConfigurationSection section, string name, int fallback)
    {
        if (section[name] is not { Length: > 0 } text)
        {
            return fallback;
        }

        int value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"CommunityAccess:{name} must be at least 1.");
    }

    /// <summary>
    /// Reads the master key, or creates one on first run (32 random bytes, readable by this user only). Everything the
    /// store protects hangs on it: keep it outside the database; in production, in a KMS or HSM. A missing key next to
    /// existing data is an error, never a reason to create a new one: a new key cannot read that data.
    /// </summary>
    /// <param name="created">Whether a new key was created.</param>
    /// <returns>The key.</returns>
    /// <exception cref="InvalidOperationException">The key file is missing but gate.db or residents.db exists (or the PostgreSQL database holds a store), or the key is too short.</exception>
    /// <exception cref="NpgsqlException">The PostgreSQL server cannot be reached.</exception>
    public byte[] LoadOrCreateMasterKey(out bool created)
    {
        RestrictDataDirectory();
        if (!File.Exists(MasterKeyPath) && (File.Exists(StorePath) || File.Exists(ResidentsPath)))
        {
            throw new InvalidOperationException(
                $"{MasterKeyPath} is missing, but {DataDirectory} already holds the gate's data (gate.db or residents.db). "
                + "A new key could not read it, so none is created. Restore master.key from its backup or key vault; "
                + "to start over with no data, delete the whole folder.");
        }

        if (!File.Exists(MasterKeyPath) && PostgreSqlDatabase is not null && DatabaseHoldsStore(PostgreSqlDatabase))
        {
            throw new InvalidOperationException(
                $"{MasterKeyPath} is missing, but the PostgreSQL database {Describe(PostgreSqlDatabase)} already holds a FaceCompliance store. "
                + "A new key could not read it, so none is created. Every instance on one database needs the same master key: copy master.key "
                + "from the instance that created the store (or restore it from its backup or key vault) into " + DataDirectory + ".");
        }

        if (File.Exists(MasterKeyPath))
        {
            byte[] key = File.ReadAllBytes(MasterKeyPath);
            if (key.Length < FacialDataKeys.MinimumMasterKeyLength)
            {
                throw new InvalidOperationException($"{MasterKeyPath} holds {key.Length} bytes; a master key has at least {FacialDataKeys.MinimumMasterKeyLength}.");
            }

            created = false;
            CreateResidentsFilePrivately();
            return key;
        }

        byte[] fresh = FacialDataKeys.NewMasterKey();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(MasterKeyPath, options))
        {
            file.Write(fresh);
        }

        created = true;
        CreateResidentsFilePrivately();
        return fresh;
    }

    /// <summary>Whether the database already has the store's tables (created by another instance, or an earlier run).</summary>
    private static bool DatabaseHoldsStore(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT to_regclass('facecompliance_schema') IS NOT NULL", connection);
        return command.ExecuteScalar() is true;
    }

    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>
    /// On Unix, makes the data folder 0700 and the data files already in it 0600 (owner only): they hold card hashes
    /// that can be cracked offline, and the encrypted store. The store creates gate.db 0600 itself; SQLite gives the
    /// -wal and -shm files the mode of their database.
    /// </summary>
    private void RestrictDataDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DataDirectory);
            return;
        }

        Directory.CreateDirectory(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (string database in new[] { StorePath, ResidentsPath })
        {
            foreach (string file in new[] { database, database + "-wal", database + "-shm" })
            {
                if (File.Exists(file))
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }
    }

    /// <summary>Creates an empty residents.db readable by this user only (0600 on Unix) before SQLite first opens it.</summary>
    private void CreateResidentsFilePrivately()
    {
        if (OperatingSystem.IsWindows() || PostgreSqlDatabase is not null || File.Exists(ResidentsPath))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        using (new FileStream(ResidentsPath, options))
        {
        }
    }
}
