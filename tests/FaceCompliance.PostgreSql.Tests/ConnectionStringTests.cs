using System;
using Npgsql;
using Xunit;

namespace FaceCompliance.PostgreSql.Tests;

/// <summary><see cref="PostgreSqlConnectionString.ToNpgsql"/>: libpq URIs become Npgsql connection strings; a malformed one is refused naming the problem, never the password.</summary>
public sealed class ConnectionStringTests
{
    [Fact]
    public void A_full_uri_gives_host_port_database_user_password_and_parameters()
    {
        var converted = Parse("postgresql://gate:s3cret@db.internal:5433/faces?sslmode=verify-full&application_name=gate-1&connect_timeout=7");

        Assert.Equal("db.internal", converted.Host);
        Assert.Equal(5433, converted.Port);
        Assert.Equal("faces", converted.Database);
        Assert.Equal("gate", converted.Username);
        Assert.Equal("s3cret", converted.Password);
        Assert.Equal(SslMode.VerifyFull, converted.SslMode);
        Assert.Equal("gate-1", converted.ApplicationName);
        Assert.Equal(7, converted.Timeout);
    }

    [Fact]
    public void Percent_encoded_parts_are_decoded_so_a_password_may_hold_at_signs_and_a_host_may_be_a_socket_folder()
    {
        var converted = Parse("postgres://gate:p%40ss%3Aw%2Fd@%2Fvar%2Frun%2Fpostgresql/my%20db");

        Assert.Equal("p@ss:w/d", converted.Password);
        Assert.Equal("/var/run/postgresql", converted.Host);
        Assert.Equal("my db", converted.Database);
    }

    [Fact]
    public void An_ipv6_host_in_brackets_and_a_list_of_hosts_are_read()
    {
        var ipv6 = Parse("postgresql://[::1]:5433/faces");
        Assert.Equal("::1", ipv6.Host);
        Assert.Equal(5433, ipv6.Port);

        var several = Parse("postgresql://gate@db-a:5432,db-b:5433/faces?target_session_attrs=primary");
        Assert.Equal("db-a:5432,db-b:5433", several.Host);
        Assert.Equal(TargetSessionAttributes.Primary.ToString(), several.TargetSessionAttributes, ignoreCase: true);
    }

    [Fact]
    public void A_uri_without_a_host_may_name_it_as_a_parameter()
    {
        var converted = Parse("postgresql:///faces?host=%2Ftmp%2Fpg&port=5432&user=gate");

        Assert.Equal("/tmp/pg", converted.Host);
        Assert.Equal("faces", converted.Database);
        Assert.Equal("gate", converted.Username);
    }

    [Fact]
    public void A_key_value_connection_string_is_returned_as_npgsql_reads_it()
    {
        var converted = Parse("Host=db.internal;Database=faces;Username=gate");

        Assert.Equal("db.internal", converted.Host);
        Assert.Equal("faces", converted.Database);
        Assert.False(PostgreSqlConnectionString.IsUri("Host=db.internal"));
        Assert.True(PostgreSqlConnectionString.IsUri("PostgreSQL://db"));
    }

    [Theory]
    [InlineData("postgresql://gate:s3cret@db:54x2/faces", "the URI's port '54x2' is not a number from 1 to 65535")]
    [InlineData("postgresql://gate:s3cret@db:70000/faces", "the URI's port '70000' is not a number from 1 to 65535")]
    [InlineData("postgresql://gate:s3cret@[::1/faces", "opens an IPv6 address with '[' but does not close it")]
    [InlineData("postgresql://gate:s3cret@db/faces?sslmode=sometimes", "the URI's sslmode 'sometimes' is not one of disable, allow, prefer, require, verify-ca, verify-full")]
    [InlineData("postgresql://gate:s3cret@db/faces?colour=blue", "the URI's parameter 'colour' is unknown")]
    [InlineData("postgresql://gate:s3cret@db/faces?sslmode", "the URI's parameter 'sslmode' is not name=value")]
    [InlineData("postgresql://gate:s3cret@db,/faces", "the URI's host list has an empty host")]
    [InlineData("mysql://gate:s3cret@db/faces", "only postgresql:// and postgres:// URIs are read")]
    public void A_malformed_uri_is_refused_naming_the_problem_but_not_the_password(string uri, string problem)
    {
        var refused = Assert.Throws<FormatException>(() => PostgreSqlConnectionString.ToNpgsql(uri));

        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", refused.Message, StringComparison.Ordinal);
    }

    private static NpgsqlConnectionStringBuilder Parse(string value) => new(PostgreSqlConnectionString.ToNpgsql(value));
}
