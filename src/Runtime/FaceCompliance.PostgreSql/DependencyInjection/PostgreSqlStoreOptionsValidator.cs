using System;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FaceCompliance.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlStoreOptions.ConnectionString"/> when the host starts, naming the option and the problem (never the password).</summary>
internal sealed class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("PostgreSqlStoreOptions.ConnectionString must be set: the store's database, for example "
                + "AddPostgreSqlStore(\"postgresql://gate@db.internal:5432/faces\") or AddPostgreSqlStore(\"Host=db.internal;Database=faces;Username=gate\").");
        }

        string normalized;
        try
        {
            normalized = PostgreSqlConnectionString.ToNpgsql(options.ConnectionString);
        }
        catch (FormatException malformed)
        {
            return ValidateOptionsResult.Fail("PostgreSqlStoreOptions.ConnectionString is not a valid connection string or postgresql:// URI: " + malformed.Message);
        }

        return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(normalized).Host)
            ? ValidateOptionsResult.Fail("PostgreSqlStoreOptions.ConnectionString names no host: give the server's host name, address or Unix socket folder (Host=… or postgresql://host/…).")
            : ValidateOptionsResult.Success;
    }
}
