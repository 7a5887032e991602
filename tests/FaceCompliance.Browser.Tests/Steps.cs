using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// The browser and the record of a test's steps: each step ends with a screenshot named after it, and its duration
/// goes to the test output and to <c>timings.txt</c> beside the screenshots.
/// </summary>
internal sealed class Steps
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly IWebDriver driver;
    private readonly ITestOutputHelper output;
    private readonly string folder;
    private readonly List<(string Name, TimeSpan Took)> done = [];
    private readonly Stopwatch total = Stopwatch.StartNew();
    private Stopwatch current = Stopwatch.StartNew();
    private int number;

    public Steps(IWebDriver driver, ITestOutputHelper output, string folder)
    {
        this.driver = driver;
        this.output = output;
        this.folder = folder;
        Directory.CreateDirectory(folder);
        foreach (string old in Directory.EnumerateFiles(folder, "*.png").Concat(Directory.EnumerateFiles(folder, "timings.txt")))
        {
            File.Delete(old);
        }

        output.WriteLine($"Screenshots: {folder}");
    }

    public IWebDriver Driver => driver;

    /// <summary>Ends the current step: scrolls <paramref name="focus"/> into view, saves the screenshot, records the time.</summary>
    public void Done(string name, string? focus = null)
    {
        if (focus is not null)
        {
            Js("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", focus);
        }

        number++;
        string file = Path.Combine(folder, $"{number:00}-{name}.png");
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(file);
        done.Add((name, current.Elapsed));
        output.WriteLine($"step {number:00} {name}: {current.Elapsed.TotalSeconds:F2} s -> {Path.GetFileName(file)}");
        current = Stopwatch.StartNew();
    }

    /// <summary>Saves a screenshot of the page as it was when the test failed.</summary>
    public void Failed()
    {
        try
        {
            ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(folder, $"{number + 1:00}-FAILED.png"));
        }
        catch (WebDriverException)
        {
        }
    }

    /// <summary>Writes timings.txt: each step's time, then the total.</summary>
    public void WriteTimings(params (string Name, TimeSpan Took)[] extra)
    {
        var lines = extra.Concat(done).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Took.TotalSeconds,7:F2} s  {s.Name}")).ToList();
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{total.Elapsed.TotalSeconds,7:F2} s  total (browser steps)"));
        File.WriteAllLines(Path.Combine(folder, "timings.txt"), lines);
    }

    public IWebElement Id(string id) => driver.FindElement(By.Id(id));

    public object? Js(string script, params object[] arguments) => ((IJavaScriptExecutor)driver).ExecuteScript(script, arguments);

    public string Attribute(string id, string name) => Id(id).GetDomAttribute(name) ?? string.Empty;

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> and the page's messages.</summary>
    public void Until(Func<bool> condition, string what)
    {
        try
        {
            new WebDriverWait(driver, Wait) { PollingInterval = TimeSpan.FromMilliseconds(100) }.Until(_ => condition());
        }
        catch (WebDriverTimeoutException)
        {
            throw new TimeoutException($"Waited {Wait.TotalSeconds:F0} s for {what}. Messages on the page: {Messages()}");
        }
    }

    public void Type(string id, string text)
    {
        IWebElement input = Id(id);
        input.Clear();
        input.SendKeys(text);
    }

    public void Click(string id) => Id(id).Click();

    /// <summary>Signs in with the form in the page's header (signing out whoever is signed in first).</summary>
    public void SignIn(string name, string password, bool asOperator = false)
    {
        Until(() => Js("return document.body.dataset.session") as string == "ready", "the sign-in form");
        if (Attribute("signin-status", "data-name").Length > 0)
        {
            Click("signout-submit");
            Until(() => Attribute("signin-status", "data-name").Length == 0, "sign-out");
        }

        Type("signin-name", name);
        Type("signin-password", password);
        if (Id("signin-operator").Selected != asOperator)
        {
            Click("signin-operator");
        }

        Click("signin-submit");
        string expected = asOperator ? "operator" : name;
        Until(() => Attribute("signin-status", "data-name") == expected, $"sign-in as {expected}");
    }

    /// <summary>Opens a tab of the resident page.</summary>
    public void Tab(string id)
    {
        Click(id);
        Until(() => Attribute(id, "aria-selected") == "true", $"tab {id} to open");
    }

    /// <summary>Clears a result box, clicks, and waits for the box to be filled again; returns its kind (ok, error, warn, info).</summary>
    public string ClickAndWait(string button, string result)
    {
        Js("const b = document.getElementById(arguments[0]); b.textContent = ''; b.className = 'result'; b.removeAttribute('data-kind'); b.removeAttribute('data-outcome');", result);
        Click(button);
        Until(() => Attribute(result, "data-kind").Length > 0, $"#{result} after clicking #{button}");
        return Attribute(result, "data-kind");
    }

    /// <summary>Puts a photo into a file input and waits until the page decoded it.</summary>
    public void Upload(string input, string pixelsLabel, string photo)
    {
        Js("document.getElementById(arguments[0]).dataset.ready = 'false'", pixelsLabel);
        Id(input).SendKeys(photo);
        Until(() => Attribute(pixelsLabel, "data-ready") == "true", $"{Path.GetFileName(photo)} to be decoded in the page");
    }

    private string Messages()
    {
        try
        {
            return string.Join(" | ", driver.FindElements(By.CssSelector(".result")).Select(e => e.GetDomProperty("textContent")).Where(t => !string.IsNullOrEmpty(t)));
        }
        catch (WebDriverException e)
        {
            return "(unreadable: " + e.Message + ")";
        }
    }
}
