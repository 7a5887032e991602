using System;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace CommunityAccess.Residents;

/// <summary>
/// The gate's own records, in a small SQLite file beside the FaceCompliance store or in the store's PostgreSQL database
/// (<see cref="ResidentDatabase"/>): who lives here, a peppered hash of
/// each resident's access card number or PIN, and the sign-in passwords of residents and operators (hashed with
/// ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>). Nothing about consent or faces: receipts, templates
/// and their dates are read from the store, so every action writes one database in one transaction.
/// </summary>
/// <remarks>
/// A card or PIN is short (4 digits can be tried in seconds), so its hash is PBKDF2 over an HMAC of it keyed with a
/// pepper that is not in the database (<see cref="CardPepper"/>, derived from the master key): a copy of residents.db,
/// or of the tables, alone does not let anyone test PINs offline (review defect 10).
/// </remarks>
public sealed class ResidentDirectory
{
    private const int CardHashIterations = 100_000;
    private static readonly PasswordHasher<string> Passwords = new();
    private readonly ResidentDatabase database;
    private readonly byte[] cardPepper;
    private readonly TimeProvider clock;

    /// <summary>Opens (or creates) the directory in the SQLite file <paramref name="path"/>.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="cardPepper">The secret mixed into every card or PIN hash (<see cref="CardPepper"/>).</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="InvalidOperationException">The file was written by an older version of the sample (card hashes without a pepper).</exception>
    public ResidentDirectory(string path, byte[] cardPepper, TimeProvider clock)
        : this(ResidentDatabase.Sqlite(path), cardPepper, clock)
    {
    }

    /// <summary>Opens the directory in <paramref name="database"/>, creating its tables when missing.</summary>
    /// <param name="database">The SQLite file or the PostgreSQL database.</param>
    /// <param name="cardPepper">The secret mixed into every card or PIN hash (<see cref="CardPepper"/>).</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="InvalidOperationException">The tables were written by an older version of the sample (card hashes without a pepper).</exception>
    public ResidentDirectory(ResidentDatabase database, byte[] cardPepper, TimeProvider clock)
    {
        this.database = database ?? throw new ArgumentNullException(nameof(database));
        this.cardPepper = cardPepper is { Length: >= 32 } ? cardPepper : throw new ArgumentException("The card pepper has at least 32 bytes.", nameof(cardPepper));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        database.CreateTables();
    }

    /// <summary>The shortest sign-in password accepted.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>The card or PIN pepper: HKDF-SHA256 of the master key, so it lives (and is rotated) with the key, never in residents.db.</summary>
    /// <param name="masterKey">The master key.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] CardPepper(ReadOnlySpan<byte> masterKey)
    {
        byte[] pepper = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, pepper, salt: [], "CommunityAccess card and PIN pepper v1"u8);
        return pepper;
    }

    /// <summary>Registers a new resident with their access card number or PIN and their initial sign-in password. An existing resident is never changed here.</summary>
    /// <param name="residentId">The resident, normalised (<see cref="ResidentId.Normalize"/>).</param>
    /// <param name="cardOrPin">The card number or PIN: 4 to 32 characters.</param>
    /// <param name="password">The resident's initial sign-in password.</param>
    /// <exception cref="ArgumentException">A card or password that is too short or too long.</exception>
    /// <exception cref="ResidentExistsException">The resident is registered already; nothing was changed.</exception>
    public void Register(string residentId, string cardOrPin, string password)
    {
        ArgumentNullException.ThrowIfNull(cardOrPin);
        if (cardOrPin.Trim().Length is < 4 or > 32)
        {
            throw new ArgumentException("An access card number or PIN has 4 to 32 characters.", nameof(cardOrPin));
        }

        CheckPassword(password);
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        using DbConnection connection = database.Open();
        using DbCommand insert = Command(connection, null, """
            INSERT INTO residents (resident_id, card_salt, card_hash, password_hash, registered_at) VALUES (@id, @salt, @hash, @password, @now)
            ON CONFLICT (resident_id) DO NOTHING
            """,
            ("@id", residentId), ("@salt", salt), ("@hash", HashCard(cardOrPin.Trim(), salt)), ("@password", Passwords.HashPassword(residentId, password)),
            ("@now", clock.GetUtcNow().UtcTicks));
        if (insert.ExecuteNonQuery() == 0)
        {
            throw new ResidentExistsException(residentId);
        }
    }

    /// <summary>Whether the resident is registered.</summary>
    /// <param name="residentId">The resident.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool IsRegistered(string residentId) => RegisteredAt(residentId) is not null;

    /// <summary>When the resident was registered, or <see langword="null"/> when they are not.</summary>
    /// <param name="residentId">The resident.</param>
    /// <returns>The time (UTC), or <see langword="null"/>.</returns>
    public DateTimeOffset? RegisteredAt(string residentId)
    {
        using DbConnection connection = database.Open();
        return Scalar(connection, null, "SELECT registered_at FROM residents WHERE resident_id = @id", ("@id", residentId)) is long ticks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
    }

    /// <summary>Whether the card number or PIN is the one issued to the resident (compared in constant time).</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="cardOrPin">The card number read or PIN typed.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool CardMatches(string residentId, string cardOrPin)
    {
        using DbConnection connection = database.Open();
        using var command = Command(connection, null, "SELECT card_salt, card_hash FROM residents WHERE resident_id = @id", ("@id", residentId));
        using var reader = command.ExecuteReader();
        return reader.Read()
            && CryptographicOperations.FixedTimeEquals((byte[])reader.GetValue(1), HashCard(cardOrPin.Trim(), (byte[])reader.GetValue(0)));
    }

    /// <summary>Whether <paramref name="password"/> is the resident's sign-in password.</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="password">The password given.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool PasswordMatches(string residentId, string password) =>
        Verify("SELECT password_hash FROM residents WHERE resident_id = @id", residentId, password);

    /// <summary>Whether <paramref name="password"/> is the operator's password.</summary>
    /// <param name="name">The operator.</param>
    /// <param name="password">The password given.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool OperatorPasswordMatches(string name, string password) =>
        Verify("SELECT password_hash FROM operators WHERE name = @id", name, password);

    /// <summary>Whether an operator account exists.</summary>
    /// <returns><see langword="true"/> when one does.</returns>
    public bool HasOperator()
    {
        using DbConnection connection = database.Open();
        return Scalar(connection, null, "SELECT COUNT(*) FROM operators") is long and > 0;
    }

    /// <summary>Creates the operator account, unless one of that name exists.</summary>
    /// <param name="name">The operator's name.</param>
    /// <param name="password">Their password.</param>
    /// <returns><see langword="true"/> when it was created.</returns>
    public bool CreateOperator(string name, string password)
    {
        CheckPassword(password);
        using DbConnection connection = database.Open();
        using DbCommand insert = Command(connection, null,
            "INSERT INTO operators (name, password_hash, created_at) VALUES (@name, @hash, @now) ON CONFLICT (name) DO NOTHING",
            ("@name", name), ("@hash", Passwords.HashPassword(name, password)), ("@now", clock.GetUtcNow().UtcTicks));
        return insert.ExecuteNonQuery() > 0;
    }

    /// <summary>The number of registered residents.</summary>
    /// <returns>The count.</returns>
    public int CountResidents()
    {
        using DbConnection connection = database.Open();
        return Convert.ToInt32(Scalar(connection, null, "SELECT COUNT(*) FROM residents"), CultureInfo.InvariantCulture);
    }

    private static void CheckPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length is < MinPasswordLength or > 128)
        {
            throw new ArgumentException($"A sign-in password has {MinPasswordLength} to 128 characters.", nameof(password));
        }
    }

    private bool Verify(string sql, string name, string password)
    {
        using DbConnection connection = database.Open();
        if (Scalar(connection, null, sql, ("@id", name)) is not string hash)
        {
            // Hash anyway, so that an unknown name takes as long to refuse as a wrong password.
            _ = Passwords.VerifyHashedPassword(name, DummyHash, password);
            return false;
        }

        return Passwords.VerifyHashedPassword(name, hash, password) != PasswordVerificationResult.Failed;
    }

    private static readonly string DummyHash = Passwords.HashPassword(string.Empty, "not a password of anyone");

    private byte[] HashCard(string cardOrPin, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(HMACSHA256.HashData(cardPepper, Encoding.UTF8.GetBytes(cardOrPin)), salt, CardHashIterations, HashAlgorithmName.SHA256, 32);

    /// <summary>A command on <paramref name="connection"/> with <c>@name</c> parameters (both engines read them).</summary>
    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    internal static void Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using DbCommand command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using DbCommand command = Command(connection, transaction, sql, parameters);
        object? value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
