using System;
using System.IO;
using Microsoft.Extensions.Options;

namespace FaceCompliance.Sqlite;

/// <summary>Checks <see cref="SqliteStoreOptions.Path"/> when the host starts, naming the option and the path.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail("SqliteStoreOptions.Path must be set: the store's file, for example AddSqliteStore(\"/var/lib/gate/gate.db\").");
        }

        string full;
        try
        {
            full = System.IO.Path.GetFullPath(options.Path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ValidateOptionsResult.Fail($"SqliteStoreOptions.Path '{options.Path}' is not a valid path: {e.Message}");
        }

        if (Directory.Exists(full))
        {
            return ValidateOptionsResult.Fail($"SqliteStoreOptions.Path '{full}' is a folder; give the store's file inside it, for example '{System.IO.Path.Combine(full, "facecompliance.db")}'.");
        }

        for (var folder = System.IO.Path.GetDirectoryName(full); !string.IsNullOrEmpty(folder); folder = System.IO.Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return ValidateOptionsResult.Fail($"SqliteStoreOptions.Path '{full}' cannot be created: '{folder}' is a file, not a folder.");
            }

            if (Directory.Exists(folder))
            {
                break;
            }
        }

        return ValidateOptionsResult.Success;
    }
}
