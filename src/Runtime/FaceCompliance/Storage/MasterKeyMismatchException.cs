using System;

namespace FaceCompliance;

/// <summary>
/// The master key given to a store's <c>Open</c> (or <c>RotateMasterKey</c>) is not the one the store was created
/// with. The store was not opened and nothing was written to it: with another key every consent would read as
/// tampered, the audit chain as broken and every template as unreadable. Open it with the original master key; never
/// create a new key for a store that already holds data. Thrown by every store (SQLite, PostgreSQL).
/// </summary>
public sealed class MasterKeyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="store"/>: the store file's path, or the database's host, port and name.</summary>
    public MasterKeyMismatchException(string store, string message)
        : base(message) => Store = store;

    /// <summary>The store: the SQLite file's path, or the PostgreSQL database's host, port and name (never a password).</summary>
    public string Store { get; }
}
