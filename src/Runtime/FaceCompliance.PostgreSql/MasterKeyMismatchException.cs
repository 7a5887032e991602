using System;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// The master key given to <see cref="PostgreSqlFacialDataStore.Open"/> is not the one the store was created with.
/// The store was not opened and nothing was written: with another key every consent would read as tampered, the audit
/// chain as broken and every template as unreadable. Open it with the original master key.
/// </summary>
public sealed class MasterKeyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for the database <paramref name="database"/> (host, port and name).</summary>
    public MasterKeyMismatchException(string database, string message)
        : base(message) => Database = database;

    /// <summary>The database: host, port and name.</summary>
    public string Database { get; }
}
