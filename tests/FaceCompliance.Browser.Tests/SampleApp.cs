using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// One running copy of the sample: its build output copied to a temporary folder (so that a concurrent build of
/// the sample cannot replace a file under it) and started with <c>dotnet CommunityAccess.dll</c> on 127.0.0.1 with a
/// port the system chooses, and a fresh temporary data folder. Stopped and deleted on dispose.
/// </summary>
public sealed partial class SampleApp : IAsyncDisposable
{
    /// <summary>The operator's password the tests start the app with (<c>CommunityAccess:OperatorPassword</c>).</summary>
    public const string OperatorPassword = "operator-test-password";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly List<string> output = [];
    private readonly string root;

    private readonly string dataDirectory;

    private SampleApp(Process process, string root, string dataDirectory, Uri address)
    {
        this.process = process;
        this.root = root;
        this.dataDirectory = dataDirectory;
        Address = address;
    }

    /// <summary>The app's address, e.g. http://127.0.0.1:43123/.</summary>
    public Uri Address { get; private set; }

    /// <summary>The data folder: gate.db, residents.db, master.key.</summary>
    public string DataDirectory => dataDirectory;

    /// <summary>The FaceCompliance store the app writes.</summary>
    public string StorePath => Path.Combine(DataDirectory, "gate.db");

    /// <summary>How long the app took from process start to listening.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>Everything the app printed so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join("\n", output);
            }
        }
    }

    /// <summary>Copies the sample's build output, starts it, and waits until it prints its address.</summary>
    /// <param name="settings">Extra <c>CommunityAccess</c> settings by name (e.g. <c>CardAttemptLimit</c>), or <see langword="null"/>.</param>
    /// <param name="dataDirectory">An existing data folder to start on (kept on dispose), or <see langword="null"/> for a fresh one.</param>
    /// <param name="environment">Extra environment variables (e.g. <c>Logging__LogLevel__Default</c>), or <see langword="null"/>.</param>
    /// <param name="arguments">Command-line arguments after the dll (e.g. <c>--store postgresql://…</c>), or <see langword="null"/>.</param>
    public static async Task<SampleApp> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string? dataDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? arguments = null)
    {
        string dll = Path.Combine(BrowserPaths.SampleOutput, "CommunityAccess.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The sample's build output {dll} is missing: build samples/CommunityAccess (the test project references it, so `dotnet test` builds it).", dll);
        }

        string root = Path.Combine(Path.GetTempPath(), "facecompliance-browser-" + Guid.NewGuid().ToString("N"));
        string app = Path.Combine(root, "app");
        CopyDirectory(BrowserPaths.SampleOutput, app);
        string data = dataDirectory ?? Path.Combine(root, "data");
        Directory.CreateDirectory(data);

        var start = new ProcessStartInfo(DotnetExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(Path.Combine(app, "CommunityAccess.dll"));
        foreach (string argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase) || k.StartsWith("CommunityAccess__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["CommunityAccess__DataDirectory"] = data;
        start.Environment["CommunityAccess__Port"] = "0";
        start.Environment["CommunityAccess__OperatorPassword"] = OperatorPassword;
        // The tests sign in often; the sign-in rate limit has a test of its own.
        start.Environment["CommunityAccess__SignInAttemptLimit"] = "1000";
        foreach ((string name, string value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment["CommunityAccess__" + name] = value;
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value + "/"));
            }
        }

        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The sample exited before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Uri address;
        try
        {
            address = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            if (process.HasExited)
            {
                // Exited can be raised before the last lines are read: wait for the end of its output.
                process.WaitForExit();
            }

            string printed;
            lock (lines)
            {
                printed = string.Join("\n  ", lines.TakeLast(40));
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            // The copy of the build output is some 800 MB: an app that never started must not leave it behind.
            DeleteFolder(root);
            throw new InvalidOperationException(
                $"`dotnet {start.ArgumentList[0]}` did not print its address within {StartTimeout.TotalSeconds:F0} s ({e.Message}). Output:\n  {printed}", e);
        }

        var sample = new SampleApp(process, root, data, address) { StartTime = stopwatch.Elapsed };
        lock (lines)
        {
            sample.output.AddRange(lines);
        }

        process.OutputDataReceived += (_, e) => sample.Add(e.Data);
        process.ErrorDataReceived += (_, e) => sample.Add(e.Data);
        return sample;
    }

    /// <summary>A client for the app's API, with a cookie jar of its own (one browser, one session).</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Starts the sample on <paramref name="dataDirectory"/> and expects it to refuse to start; returns what it printed.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    public static async Task<string> FailToStartAsync(string dataDirectory)
    {
        try
        {
            await using SampleApp started = await StartAsync(dataDirectory: dataDirectory);
        }
        catch (InvalidOperationException refused)
        {
            return refused.Message;
        }

        throw new InvalidOperationException($"The sample started on {dataDirectory}; it was expected to refuse.");
    }

    /// <summary>Kills the app with SIGKILL (no shutdown, no checkpoint) and waits until it is gone, keeping its data folder.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    /// <summary>Stops the app and waits until it exited (its files are closed), keeping its data folder.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false }))
            {
                term?.WaitForExit();
            }

            await process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the app (SIGTERM, then kill after 15 s) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false }))
            {
                term?.WaitForExit();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        DeleteFolder(root);
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (string directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    private static string DotnetExecutable()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    [GeneratedRegex(@"^CommunityAccess: community gate listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
