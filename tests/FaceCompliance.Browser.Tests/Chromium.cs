using System;
using System.IO;
using OpenQA.Selenium.Chrome;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// Debian's Chromium, headless, driven through its own chromedriver (no driver download: Selenium Manager is not
/// needed when both paths are given). Missing binaries fail the test with the command that installs them.
/// </summary>
internal static class Chromium
{
    /// <summary>The browser: CHROMIUM_PATH, else /usr/bin/chromium.</summary>
    public static string BrowserPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>The driver: CHROMEDRIVER_PATH, else /usr/bin/chromedriver.</summary>
    public static string DriverPath => Environment.GetEnvironmentVariable("CHROMEDRIVER_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromedriver";

    /// <summary>Starts a headless browser with a fresh profile in <paramref name="profile"/>.</summary>
    /// <param name="profile">An empty folder for the user data directory.</param>
    /// <returns>The driver; dispose it to close the browser.</returns>
    /// <exception cref="InvalidOperationException">Chromium or chromedriver is not installed.</exception>
    public static ChromeDriver Start(string profile)
    {
        foreach ((string path, string what) in new[] { (BrowserPath, "Chromium"), (DriverPath, "chromedriver") })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"{what} was not found at {path}. The browser tests drive the system's Chromium: install it with "
                    + "`sudo apt-get install -y chromium chromium-driver` (.ci/run does this), or set CHROMIUM_PATH and CHROMEDRIVER_PATH.");
            }
        }

        ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            $"--user-data-dir={profile}",
            "--window-size=1400,1500",
            "--lang=en-US",
            // A synthetic camera (a moving test pattern, no face) answers getUserMedia without a permission prompt.
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
    }
}
