namespace FaceCompliance.PostgreSql;

/// <summary>The settings of <c>.AddPostgreSqlStore(…)</c>; validated when the host starts.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>
    /// The database: an Npgsql connection string (<c>Host=db.internal;Database=faces;Username=gate;Password=…</c>) or a
    /// libpq URI (<c>postgresql://gate:…@db.internal:5432/faces</c>, converted by
    /// <see cref="PostgreSqlConnectionString.ToNpgsql"/>). An empty database gets the store's tables at first start; one
    /// that has them must have been created with the same master key. Every node of one deployment names the same database.
    /// </summary>
    public string? ConnectionString { get; set; }
}
