using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Npgsql;

namespace FaceCompliance.PostgreSql;

/// <summary>
/// Connection strings for <see cref="PostgreSqlFacialDataStore.Open"/>: Npgsql reads <c>Key=Value;…</c> only, while
/// deployments usually hand out libpq URIs (<c>postgresql://user:password@host:port/database?sslmode=require</c>).
/// </summary>
public static class PostgreSqlConnectionString
{
    // libpq's query parameters that Npgsql spells differently; any other parameter must be an Npgsql keyword.
    private static readonly Dictionary<string, string> LibpqParameters = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    // libpq's sslmode values, as Npgsql's SslMode names them.
    private static readonly Dictionary<string, string> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = "Disable",
        ["allow"] = "Allow",
        ["prefer"] = "Prefer",
        ["require"] = "Require",
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    /// <summary>Whether <paramref name="value"/> is a URI (<c>postgresql://</c> or <c>postgres://</c>) rather than a <c>Key=Value</c> string.</summary>
    public static bool IsUri(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The Npgsql connection string of <paramref name="connectionStringOrUri"/>: a URI
    /// <c>postgresql://[user[:password]@][host[:port][,host[:port]…]][/database][?parameter=value&amp;…]</c> (libpq's form;
    /// percent-encoded parts decoded, so <c>%2Frun%2Fpostgresql</c> is a Unix socket folder; IPv6 hosts in brackets) is
    /// converted; a <c>Key=Value</c> string is checked and returned in Npgsql's spelling.
    /// </summary>
    /// <exception cref="FormatException">The string is malformed; the message names the problem, never the password.</exception>
    public static string ToNpgsql(string connectionStringOrUri)
    {
        ArgumentNullException.ThrowIfNull(connectionStringOrUri);
        var value = connectionStringOrUri.Trim();
        if (!IsUri(value))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(value).ConnectionString;
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"{(value.Contains("://", StringComparison.Ordinal) ? "only postgresql:// and postgres:// URIs are read; " : "")}{e.Message}", e);
            }
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var rest = value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = Split(ref rest, '?');
        var path = Split(ref rest, '/');
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..]);
            }
        }

        if (rest.Length > 0)
        {
            var hosts = rest.Split(',').Select(ParseHost).ToList();
            if (hosts.Count == 1)
            {
                builder.Host = hosts[0].Host;
                if (hosts[0].Port is { } port)
                {
                    builder.Port = port;
                }
            }
            else
            {
                builder.Host = string.Join(",", hosts.Select(h => h.Port is { } port ? $"{h.Host}:{port}" : h.Host));
            }
        }

        if (path is { Length: > 0 })
        {
            builder.Database = Decode(path);
        }

        foreach (var pair in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"the URI's parameter '{pair}' is not name=value.");
            }

            var name = Decode(pair[..equals]);
            var parameter = Decode(pair[(equals + 1)..]);
            if (name == "sslmode")
            {
                parameter = SslModes.TryGetValue(parameter, out var mode)
                    ? mode
                    : throw new FormatException($"the URI's sslmode '{parameter}' is not one of {string.Join(", ", SslModes.Keys)}.");
            }

            try
            {
                builder[LibpqParameters.GetValueOrDefault(name, name)] = parameter;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw new FormatException($"the URI's parameter '{name}' is unknown or its value is not valid (Npgsql: {e.Message})", e);
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>Cuts <paramref name="text"/> at the first <paramref name="separator"/>: returns what follows it (null when absent) and keeps what precedes it.</summary>
    private static string? Split(ref string text, char separator)
    {
        var index = text.IndexOf(separator, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var after = text[(index + 1)..];
        text = text[..index];
        return after;
    }

    private static (string Host, int? Port) ParseHost(string hostAndPort)
    {
        string host;
        string? port = null;
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"the URI's host '{hostAndPort}' opens an IPv6 address with '[' but does not close it with ']'.");
            }

            host = hostAndPort[1..close];
            var after = hostAndPort[(close + 1)..];
            if (after.Length > 0)
            {
                port = after.StartsWith(':') ? after[1..] : throw new FormatException($"the URI's host '{hostAndPort}' has '{after}' after the IPv6 address; expected ':port'.");
            }
        }
        else
        {
            var colon = hostAndPort.LastIndexOf(':');
            host = colon >= 0 ? hostAndPort[..colon] : hostAndPort;
            port = colon >= 0 ? hostAndPort[(colon + 1)..] : null;
        }

        host = Decode(host);
        if (host.Length == 0)
        {
            throw new FormatException($"the URI's host list has an empty host ('{hostAndPort}').");
        }

        if (port is null)
        {
            return (host, null);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535
            ? (host, number)
            : throw new FormatException($"the URI's port '{port}' is not a number from 1 to 65535.");
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text);
}
