using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Xunit.Sdk;

namespace FaceCompliance.Generators.Tests.Harness;

/// <summary>
/// Compares text with a reviewed file in Snapshots/: <c>name.verified.ext</c>. On a mismatch (or when the file does
/// not exist yet) it writes <c>name.received.ext</c> beside it and fails with a line diff. To accept, review the
/// received files and run the tests once with <c>ACCEPT_SNAPSHOTS=1</c>, which overwrites the verified files.
/// </summary>
internal static class Snapshot
{
    /// <summary>Verifies every snapshot, writing every received file, and fails once with all the differences.</summary>
    public static void VerifyAll(IEnumerable<(string Name, string Extension, string Actual)> snapshots)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var (name, extension, actual) in snapshots)
        {
            count++;
            try
            {
                Verify(name, extension, actual);
            }
            catch (XunitException e)
            {
                failures.Add(e.Message);
            }
        }

        if (count == 0)
        {
            throw new XunitException("Nothing to compare: no snapshot was produced.");
        }

        if (failures.Count > 0)
        {
            throw new XunitException($"{failures.Count} of {count} snapshots differ.\n\n" + string.Join("\n", failures));
        }
    }

    public static void Verify(string name, string extension, string actual) =>
        Verify(name, extension, actual, accept: Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1");

    public static void Verify(string name, string extension, string actual, bool accept)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var verified = Path.Combine(Paths.Snapshots, $"{name}.verified.{extension}");
        var received = Path.Combine(Paths.Snapshots, $"{name}.received.{extension}");
        Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        if (accept)
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        var message = expected is null
            ? $"No verified snapshot {Relative(verified)} yet. Review {Relative(received)}; accept with ACCEPT_SNAPSHOTS=1."
            : $"{Relative(received)} differs from {Relative(verified)}; accept with ACCEPT_SNAPSHOTS=1 after review.\n" + Diff(expected, actual);
        throw new XunitException(message);
    }

    /// <summary>The differing lines with two lines of context, <c>-</c> verified, <c>+</c> received.</summary>
    public static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var prefix = 0;
        while (prefix < left.Length && prefix < right.Length && left[prefix] == right[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < left.Length - prefix && suffix < right.Length - prefix
            && left[left.Length - 1 - suffix] == right[right.Length - 1 - suffix])
        {
            suffix++;
        }

        var diff = new StringBuilder();
        for (var i = Math.Max(0, prefix - 2); i < prefix; i++)
        {
            diff.Append($"  {i + 1,4}  {left[i]}\n");
        }

        for (var i = prefix; i < left.Length - suffix; i++)
        {
            diff.Append($"- {i + 1,4}  {left[i]}\n");
        }

        for (var i = prefix; i < right.Length - suffix; i++)
        {
            diff.Append($"+ {i + 1,4}  {right[i]}\n");
        }

        for (var i = right.Length - suffix; i < Math.Min(right.Length, right.Length - suffix + 2); i++)
        {
            diff.Append($"  {i + 1,4}  {right[i]}\n");
        }

        return diff.ToString();
    }

    private static string Relative(string path) => Path.GetRelativePath(Paths.RepositoryRoot, path).Replace('\\', '/');
}
