using System;

namespace FaceCompliance.Sqlite;

/// <summary>
/// The master key given to <see cref="SqliteFacialDataStore.Open"/> is not the one the store was created with. The
/// store was not opened and nothing was written to it: with another key every consent would read as tampered, the
/// audit chain as broken and every template as unreadable. Open it with the original master key; never create a new
/// key for a file that already holds data.
/// </summary>
public sealed class MasterKeyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for the store file <paramref name="path"/>.</summary>
    public MasterKeyMismatchException(string path, string message)
        : base(message) => Path = path;

    /// <summary>The store file.</summary>
    public string Path { get; }
}
