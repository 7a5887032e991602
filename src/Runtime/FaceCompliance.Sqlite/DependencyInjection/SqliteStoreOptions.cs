namespace FaceCompliance.Sqlite;

/// <summary>The settings of <c>.AddSqliteStore(…)</c>; validated when the host starts.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// The store's file, for example <c>/var/lib/gate/gate.db</c>. Created on first start (0600 on Unix, in a folder
    /// created 0700 when missing); an existing file must have been created with the same master key.
    /// </summary>
    public string? Path { get; set; }
}
