using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace FaceCompliance.Stores.Tests;

/// <summary>
/// A PostgreSQL server of one test's own, which the test may stop and start (the shared test server must never be
/// restarted: other test projects use it at the same time). Like ./test.sh's server: initdb into a temporary folder,
/// listening only on a Unix socket there; Debian's binaries from FACECOMPLIANCE_TEST_PG_BIN, run through the prefix
/// in FACECOMPLIANCE_TEST_PG_AS (as root: <c>runuser -u postgres --</c>, since initdb refuses root). Both set by ./test.sh.
/// </summary>
public sealed class PrivatePostgresServer : IDisposable
{
    public const string BinVariable = "FACECOMPLIANCE_TEST_PG_BIN";
    public const string AsVariable = "FACECOMPLIANCE_TEST_PG_AS";

    private readonly string _bin;
    private readonly string[] _as;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "facecompliance-pg-private-" + Guid.NewGuid().ToString("N"));

    /// <summary>Creates the server's data folder (initdb); <see cref="Start"/> starts it.</summary>
    /// <exception cref="InvalidOperationException">FACECOMPLIANCE_TEST_PG_BIN is not set: the test fails, it does not skip.</exception>
    public PrivatePostgresServer()
    {
        _bin = Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } bin && File.Exists(Path.Combine(bin, "pg_ctl"))
            ? bin
            : throw new InvalidOperationException(
                $"{BinVariable} does not name a PostgreSQL bin folder with initdb and pg_ctl, so this test cannot start a server of its own to restart. "
                + $"Run the tests with ./test.sh (README's test command), which sets it (and {AsVariable} when run as root), "
                + "or set it to a folder such as /usr/lib/postgresql/15/bin.");
        _as = (Environment.GetEnvironmentVariable(AsVariable) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows())
        {
            // The server may run as another user (postgres): it writes its data folder and socket here.
            File.SetUnixFileMode(_directory, (UnixFileMode)0x1FF);
        }

        Run("initdb", "-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
    }

    /// <summary>The server's connection string (database postgres, user postgres, over the Unix socket).</summary>
    public string ConnectionString => $"Host={_directory};Port=5432;Username=postgres;Database=postgres";

    /// <summary>Whether the server syncs its WAL to disk at commit; off (the default), as ./test.sh's server: the tests stop the server, never the machine.</summary>
    public bool Fsync { get; init; }

    private string DataDirectory => Path.Combine(_directory, "data");

    public void Start() => Run("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-k {_directory} -c listen_addresses='' -c max_connections=100 -c fsync={(Fsync ? "on" : "off")}", "start");

    /// <summary>Stops the server: "immediate" ends every backend at once without a checkpoint (recovery replays the WAL at the next start), as a crash would.</summary>
    public void Stop(string mode = "immediate") => Run("pg_ctl", "-D", DataDirectory, "-m", mode, "-w", "stop");

    public void Dispose()
    {
        try
        {
            Stop("fast");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Run(string program, params string[] arguments)
    {
        var command = _as.Concat([Path.Combine(_bin, program)]).Concat(arguments).ToArray();
        var startInfo = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command[1..])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{program} did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_directory, "server.log");
            throw new InvalidOperationException($"{string.Join(' ', command)} failed (exit code {process.ExitCode}):\n{text}\n{errors.Result}"
                + (File.Exists(log) ? "\nserver.log:\n" + File.ReadAllText(log) : ""));
        }
    }
}
