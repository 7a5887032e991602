using System;
using System.IO;
using FaceCompliance.Generators.Tests.Harness;
using Xunit;
using Xunit.Sdk;

namespace FaceCompliance.Generators.Tests;

/// <summary>The snapshot mechanism itself: a match passes, a mismatch writes the received file and fails with a diff.</summary>
public sealed class SnapshotMechanismTests : IDisposable
{
    private readonly string _folder = Path.Combine(Paths.Snapshots, "_mechanism_" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_mismatch_writes_the_received_file_and_fails_with_the_differing_lines()
    {
        var name = Path.GetFileName(_folder) + "/notice";
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "notice.verified.txt"), "一、个人信息处理者\n名称：甲\n联系方式：a@example.com\n");

        var error = Assert.Throws<XunitException>(() => Snapshot.Verify(name, "txt", "一、个人信息处理者\n名称：乙\n联系方式：a@example.com\n", accept: false));

        Assert.Equal("一、个人信息处理者\n名称：乙\n联系方式：a@example.com\n", File.ReadAllText(Path.Combine(_folder, "notice.received.txt")));
        Assert.Contains("-    2  名称：甲\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("+    2  名称：乙\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("     1  一、个人信息处理者\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("ACCEPT_SNAPSHOTS=1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_passes_and_removes_a_stale_received_file()
    {
        var name = Path.GetFileName(_folder) + "/same";
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "same.verified.txt"), "text\r\n");
        File.WriteAllText(Path.Combine(_folder, "same.received.txt"), "old");

        Snapshot.Verify(name, "txt", "text\n", accept: false);

        Assert.False(File.Exists(Path.Combine(_folder, "same.received.txt")));
    }

    [Fact]
    public void Accepting_overwrites_the_verified_file_and_removes_the_received_one()
    {
        var name = Path.GetFileName(_folder) + "/accepted";
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "accepted.verified.txt"), "old\n");
        File.WriteAllText(Path.Combine(_folder, "accepted.received.txt"), "new\n");

        Snapshot.Verify(name, "txt", "new\n", accept: true);

        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_folder, "accepted.verified.txt")));
        Assert.False(File.Exists(Path.Combine(_folder, "accepted.received.txt")));
    }

    [Fact]
    public void A_missing_verified_file_fails_and_says_how_to_accept()
    {
        var error = Assert.Throws<XunitException>(() => Snapshot.Verify(Path.GetFileName(_folder) + "/new", "md", "# new\n", accept: false));

        Assert.Contains("No verified snapshot", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "new.received.md")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
