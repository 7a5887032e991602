using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CommunityAccess;
using FaceCompliance.Sqlite;
using FaceCompliance.Vision;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit;
using Xunit.Abstractions;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// The community gate as a resident and an operator meet it, in headless Chromium: read the notice in both
/// languages (byte for byte the generated text), consent separately, enrol from a photo, enter by face (same person
/// accepted, another refused, a camera frame without a face sent to the card), enter by card, a guardian's consent
/// for a child, withdraw (and find the face data gone from the page and from the SQLite files), and the operator page.
/// </summary>
public sealed class GateFlowTests(ITestOutputHelper output)
{
    private const string Resident = "howard";
    private const string Card = "CARD-0301";
    private const string Child = "lily";

    [Fact]
    public async Task A_resident_reads_the_notice_consents_enrols_enters_and_withdraws_in_Chromium()
    {
        await using SampleApp app = await SampleApp.StartAsync();
        output.WriteLine($"sample started in {app.StartTime.TotalSeconds:F2} s at {app.Address}");
        DirectoryInfo profile = Directory.CreateTempSubdirectory("facecompliance-chromium-");
        var browserStart = System.Diagnostics.Stopwatch.StartNew();
        using ChromeDriver driver = Chromium.Start(profile.FullName);
        TimeSpan browserStarted = browserStart.Elapsed;
        var steps = new Steps(driver, output, BrowserPaths.Screenshots);
        var files = new StoreFiles(app.DataDirectory);
        try
        {
            Run(steps, files, app);
        }
        catch
        {
            steps.Failed();
            output.WriteLine("Sample output:\n" + app.Output);
            throw;
        }
        finally
        {
            steps.WriteTimings(("sample start (process to listening)", app.StartTime), ("Chromium start", browserStarted));
            driver.Quit();
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Run(Steps s, StoreFiles files, SampleApp app)
    {
        // 1. The notice comes first, in Chinese, exactly as generated; nothing is ticked.
        s.Driver.Navigate().GoToUrl(app.Address);
        s.Until(() => s.Attribute("notice-text", "data-language") == "zh-CN" && s.Js("return document.body.dataset.ready") as string == "true", "the Chinese notice");
        AssertNoticeIs(s, "zh-CN");
        Assert.Equal(CommunityEntry.NoticeVersion, s.Id("notice-version").Text);
        Assert.True((bool)s.Js("""
            const notice = document.getElementById('notice-section');
            const controls = [...document.querySelectorAll('input, select, textarea, [role=tab]')];
            return controls.length > 0 && controls.every(c => notice.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
            """)!, "Every form control must come after the notice in the page.");
        Assert.False(s.Id("consent-box").Selected, "The consent box must start unticked.");
        Assert.Null(s.Id("consent-box").GetDomAttribute("checked"));
        Assert.False(s.Id("under14-box").Selected);
        s.Done("notice-zh-CN", "notice-section");

        // 2. The same notice in English.
        s.Click("lang-en");
        s.Until(() => s.Attribute("notice-text", "data-language") == "en", "the English notice");
        AssertNoticeIs(s, "en");
        Assert.Equal("true", s.Attribute("lang-en", "aria-pressed"));
        s.Done("notice-en", "notice-section");

        // 2b. For residents in the EU, the GDPR Art. 13 notice is shown too, exactly as generated.
        s.Until(() => s.Js("return document.getElementById('gdpr-notice-text').textContent") as string == CommunityEntry.GdprNotice, "the GDPR Art. 13 notice");
        Assert.Contains("Legal basis (Art. 13(1)(c))", s.Id("gdpr-notice-text").Text, StringComparison.Ordinal);
        s.Done("notice-gdpr", "gdpr-notice-section");

        // 3. The operator registers the resident, their card and their initial password; the resident signs in, and
        //    consent is refused while the box is unticked.
        s.SignIn("operator", SampleApp.OperatorPassword, asOperator: true);
        s.Type("reg-resident", Resident);
        s.Type("reg-card", Card);
        s.Type("reg-password", GateClient.Password);
        Assert.Equal("ok", s.ClickAndWait("reg-submit", "reg-result"));
        s.SignIn(Resident, GateClient.Password);
        Assert.Equal("error", s.ClickAndWait("consent-submit", "consent-result"));
        Assert.Contains("Consent is never assumed", s.Id("consent-result").Text, StringComparison.Ordinal);
        Assert.Equal(0, files.CountGate("SELECT COUNT(*) FROM consents WHERE subject_id = $s", ("$s", Resident)));
        s.Done("consent-refused-while-unticked", "consent-result");

        // 4. Separate consent: a signed receipt for the notice version read.
        s.Click("consent-box");
        Assert.Equal("ok", s.ClickAndWait("consent-submit", "consent-result"));
        string receipt = s.Id("receipt-table").Text;
        Assert.Contains(CommunityEntry.NoticeVersion, receipt, StringComparison.Ordinal);
        Assert.Contains("Separate consent", receipt, StringComparison.Ordinal);
        Assert.Equal(CommunityEntry.NoticeVersion, files.Gate("SELECT notice_version FROM consents WHERE subject_id = $s", ("$s", Resident)));
        s.Done("consent-given", "consent-result");

        // 5. Enrol from a PNG photo, decoded in the page and sent as RGB24 pixels.
        s.Tab("tab-enrol");
        Assert.Equal(Resident, s.Id("enrol-resident").GetDomProperty("value"));
        s.Upload("enrol-file", "enrol-pixels", BrowserPaths.Face("identities/howard1.png"));
        Assert.Contains("150×150 pixels ready", s.Id("enrol-pixels").Text, StringComparison.Ordinal);
        Assert.Equal("ok", s.ClickAndWait("enrol-submit", "enrol-result"));
        Assert.Contains($"Enrolled {Resident}", s.Id("enrol-result").Text, StringComparison.Ordinal);
        Assert.Equal(1, files.CountGate("SELECT COUNT(*) FROM templates WHERE subject_id = $s", ("$s", Resident)));
        Assert.Equal(1, files.CountGate("SELECT COUNT(*) FROM subject_keys WHERE subject_id = $s", ("$s", Resident)));
        byte[] ciphertext = (byte[])files.Gate("SELECT ciphertext FROM templates WHERE subject_id = $s", ("$s", Resident))!;
        Assert.Contains(files.RawFiles(), raw => raw.AsSpan().IndexOf(ciphertext) >= 0);
        s.Done("enrolled-from-photo", "enrol-result");

        // 6. At the gate: the same person is let in, 1:1 against their own template.
        s.Tab("tab-gate");
        Assert.True(s.Id("gate-face").Displayed && s.Id("gate-card-submit").Displayed, "Face and card/PIN must be offered side by side.");
        s.Upload("gate-file", "gate-pixels", BrowserPaths.Face("identities/howard5.png"));
        AssertGate(s, "gate-face", "Opened", "Face");
        float same = Similarity(s);
        Assert.True(same >= FaceMatchThreshold.Default, $"howard5 scored {same:0.000} against howard1");
        s.Done("gate-same-person-opened", "gate-result");

        // 7. Another person claiming to be the resident is refused, and pointed to the card.
        s.Upload("gate-file", "gate-pixels", BrowserPaths.Face("identities/leonard1.png"));
        AssertGate(s, "gate-face", "Refused", "Face");
        float other = Similarity(s);
        Assert.True(other < FaceMatchThreshold.Default, $"leonard1 scored {other:0.000} against howard1");
        Assert.Contains("please use your card or PIN", s.Id("gate-result").Text, StringComparison.Ordinal);
        s.Done("gate-other-person-refused", "gate-result");

        // 8. The (fake) camera: a frame without a face sends the resident to the card.
        IWebElement gateCapture = s.Driver.FindElement(By.CssSelector("[data-capture=gate]"));
        gateCapture.FindElement(By.CssSelector("[data-camera-start]")).Click();
        IWebElement snap = gateCapture.FindElement(By.CssSelector("[data-camera-snap]"));
        s.Until(() => snap.Displayed && (long)s.Js("return document.querySelector('[data-capture=gate] video').videoWidth")! > 0, "the camera to start");
        s.Js("document.getElementById('gate-pixels').dataset.ready = 'false'");
        snap.Click();
        s.Until(() => s.Attribute("gate-pixels", "data-ready") == "true", "the camera frame");
        AssertGate(s, "gate-face", "CardRequired", "CardOrPin");
        Assert.Contains("no face in view", s.Id("gate-result").Text, StringComparison.Ordinal);
        s.Done("gate-camera-frame-without-face", "gate-result");

        // 9. The card or PIN, one click away on the same screen.
        s.Type("gate-card", "0000-WRONG");
        AssertGate(s, "gate-card-submit", "Refused", "CardOrPin");
        s.Type("gate-card", Card);
        AssertGate(s, "gate-card-submit", "Opened", "CardOrPin");
        Assert.Contains("card or PIN accepted", s.Id("gate-result").Text, StringComparison.Ordinal);
        s.Done("gate-card-opened", "gate-result");

        // 10. A child under 14: the guardian consents, named in the receipt; the child enrols from a JPEG.
        s.Tab("tab-register");
        s.SignIn("operator", SampleApp.OperatorPassword, asOperator: true);
        s.Type("reg-resident", Child);
        s.Type("reg-card", "PIN-2468");
        s.Type("reg-password", GateClient.Password);
        Assert.Equal("ok", s.ClickAndWait("reg-submit", "reg-result"));
        s.SignIn(Child, GateClient.Password);
        Assert.False(s.Id("consent-box").Selected, "The consent box must be unticked again for the next person.");
        s.Click("consent-box");
        s.Click("under14-box");
        s.Until(() => s.Id("guardian-fields").Displayed, "the guardian fields");
        s.Type("guardian-name", "Li Na");
        s.Id("guardian-relationship").FindElement(By.CssSelector("option[value=mother]")).Click();
        Assert.Equal("error", s.ClickAndWait("consent-submit", "consent-result"));
        Assert.Contains("parent or guardian", s.Id("consent-result").Text, StringComparison.Ordinal);
        Assert.Equal(0, files.CountGate("SELECT COUNT(*) FROM consents WHERE subject_id = $s", ("$s", Child)));
        s.Done("guardian-must-confirm", "guardian-fields");
        s.Click("guardian-box");
        Assert.Equal("ok", s.ClickAndWait("consent-submit", "consent-result"));
        Assert.Contains("Li Na (mother)", s.Id("receipt-table").Text, StringComparison.Ordinal);
        Assert.Equal(1L, files.Gate("SELECT under14 FROM consents WHERE subject_id = $s", ("$s", Child)));
        Assert.Equal("Li Na (mother)", files.Gate("SELECT guardian_id FROM consents WHERE subject_id = $s", ("$s", Child)));
        s.Done("guardian-consent-for-child", "consent-result");

        s.Tab("tab-enrol");
        s.Type("enrol-resident", Child);
        s.Upload("enrol-file", "enrol-pixels", BrowserPaths.Face("scenes/rose_leslie_1.jpg"));
        Assert.Equal("ok", s.ClickAndWait("enrol-submit", "enrol-result"));
        Assert.Equal(1, files.CountGate("SELECT COUNT(*) FROM templates WHERE subject_id = $s", ("$s", Child)));
        s.Done("child-enrolled-from-jpeg", "enrol-result");

        // 11. What is stored about the resident, then withdrawal: consent withdrawn, templates and key deleted at once.
        s.SignIn(Resident, GateClient.Password);
        s.Tab("tab-mydata");
        Assert.Equal(Resident, s.Id("my-resident").GetDomProperty("value"));
        Assert.Equal("info", s.ClickAndWait("my-status", "my-result"));
        Assert.Equal("true", s.Attribute("status-table", "data-face-data-stored"));
        Assert.Equal("Valid", s.Attribute("status-table", "data-consent"));
        s.Done("my-face-data-before-withdrawal", "my-result");

        Assert.Equal("ok", s.ClickAndWait("my-withdraw", "my-result"));
        Assert.Equal("1", s.Attribute("my-result", "data-templates-deleted"));
        Assert.Equal("false", s.Attribute("status-table", "data-face-data-stored"));
        Assert.Equal("Withdrawn", s.Attribute("status-table", "data-consent"));
        Assert.Contains("Face data stored none", s.Id("status-table").Text, StringComparison.Ordinal);
        string myAudit = s.Id("my-audit").Text;
        Assert.Contains("ConsentWithdrawn", myAudit, StringComparison.Ordinal);
        Assert.Contains("1 template(s) deleted, data key destroyed", myAudit, StringComparison.Ordinal);
        s.Done("withdrawn-face-data-gone", "my-result");

        // ... and gone from the files: no template, no key, no ciphertext in the database or its log.
        Assert.Equal(0, files.CountGate("SELECT COUNT(*) FROM templates WHERE subject_id = $s", ("$s", Resident)));
        Assert.Equal(0, files.CountGate("SELECT COUNT(*) FROM subject_keys WHERE subject_id = $s", ("$s", Resident)));
        Assert.NotNull(files.Gate("SELECT withdrawn_at FROM consents WHERE subject_id = $s", ("$s", Resident)));
        Assert.DoesNotContain(files.RawFiles(), raw => raw.AsSpan().IndexOf(ciphertext) >= 0);
        // One database per action: the gate keeps no copy of receipts or enrolments beside the store.
        Assert.Equal(0L, files.Residents("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('receipts', 'enrolments')"));
        Assert.Equal(1, files.CountGate("SELECT COUNT(*) FROM templates WHERE subject_id = $s", ("$s", Child)));
        using (SqliteFacialDataStore store = files.OpenStore())
        {
            AuditVerification chain = store.Audit.Verify();
            Assert.True(chain.IsValid, $"audit chain: {chain.Problem} at {chain.FirstInvalidSequence}");
            var mine = store.Audit.Read().Where(r => r.SubjectId == Resident).ToList();
            Assert.Equal(
                [AuditAction.ConsentGranted, AuditAction.Enrolled, AuditAction.Verified, AuditAction.Verified, AuditAction.ApplicationEvent, AuditAction.ConsentWithdrawn, AuditAction.Deleted],
                mine.Select(r => r.Action));
            // Step 9's wrong card entry, audited by the gate's lockout.
            Assert.Equal($"card/PIN refused for subject '{Resident}' (failure 1 of 5)", mine[4].Detail);
            Assert.Equal(AuditOutcome.Refused, mine[4].Outcome);
            Assert.Equal("1 template(s) deleted, data key destroyed", mine[^1].Detail);
            Assert.Equal(1, store.Templates.PeopleStored);
        }

        // 12. After withdrawal the face is not even read: the gate asks for the card, which still opens it.
        s.Tab("tab-gate");
        s.Type("gate-resident", Resident);
        s.Upload("gate-file", "gate-pixels", BrowserPaths.Face("identities/howard5.png"));
        AssertGate(s, "gate-face", "CardRequired", "CardOrPin");
        Assert.Contains("face entry not available for this resident", s.Id("gate-result").Text, StringComparison.Ordinal);
        s.Done("gate-after-withdrawal-asks-for-card", "gate-result");
        s.Type("gate-card", Card);
        AssertGate(s, "gate-card-submit", "Opened", "CardOrPin");

        // 13. The operator page: verified audit chain, retention schedule and purge, distance to the filing level.
        s.Driver.Navigate().GoToUrl(new Uri(app.Address, "operator.html"));
        s.SignIn("operator", SampleApp.OperatorPassword, asOperator: true);
        s.Until(() => s.Js("return document.body.dataset.ready") as string == "true", "the operator page");
        Assert.Equal("true", s.Attribute("chain", "data-valid"));
        Assert.Contains("Chain verified", s.Id("chain").Text, StringComparison.Ordinal);
        Assert.Equal("99999", s.Attribute("filing-distance", "data-distance"));
        Assert.Equal("1", s.Id("filing-people").Text);
        Assert.Contains("99,999 people", s.Id("filing-distance").Text, StringComparison.Ordinal);
        Assert.Contains("CommunityAccess.CommunityEntry", s.Id("purposes").Text, StringComparison.Ordinal);
        Assert.Contains("365 days", s.Id("purposes").Text, StringComparison.Ordinal);
        string schedule = s.Id("schedule").Text;
        Assert.Contains(Child, schedule, StringComparison.Ordinal);
        Assert.DoesNotContain(Resident, schedule, StringComparison.Ordinal);
        Assert.Contains("Last run", s.Id("purge-status").Text, StringComparison.Ordinal);
        Assert.Equal("ok", PurgeNow(s));
        Assert.Equal("0", s.Attribute("purge-result", "data-deleted"));
        string audit = s.Id("audit").Text;
        Assert.Contains("ConsentWithdrawn", audit, StringComparison.Ordinal);
        Assert.Contains("data key destroyed", audit, StringComparison.Ordinal);
        Assert.Contains("card/PIN", s.Id("gate-log").Text, StringComparison.Ordinal);
        s.Done("operator-audit-retention-filing", "chain");
    }

    // The page shows the generated accessible HTML of the notice (Measures Art. 5 §3) and the short notice, unchanged: the
    // same text as the plain notice, line for line, in one article with its language, one h1 and an h2 per section.
    private static void AssertNoticeIs(Steps s, string language)
    {
        string expected = CommunityEntry.Notice.In(language).Text;
        string html = CommunityEntry.NoticeHtml.In(language);
        Assert.Equal(language, s.Id("notice-text").GetDomProperty("lang"));
        Assert.Equal(language, (string)s.Js("return document.querySelector('#notice-text > article').lang")!);
        Assert.Equal(1L, s.Js("return document.querySelectorAll('#notice-text h1').length"));
        Assert.Equal((long)System.Text.RegularExpressions.Regex.Count(html, "<h2>"), s.Js("return document.querySelectorAll('#notice-text section > h2').length"));
        Assert.Equal(0L, s.Js("return document.querySelectorAll('#notice-text table').length"));
        Assert.Equal(CommunityEntry.ShortNotice.In(language), s.Id("notice-short").Text);

        // What a reader sees (the rendered text WebDriver reports) is the notice's text, line for line, then its version.
        string rendered = s.Id("notice-text").Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        string versionLine = (language == "en" ? "Rules version: " : "规则版本：") + CommunityEntry.NoticeVersion;
        Assert.Equal(Lines(expected).Where(l => l.Length > 0).Append(versionLine), Lines(rendered).Where(l => l.Length > 0));
    }

    private static string[] Lines(string text) => text.Trim().Split('\n').Select(l => l.TrimEnd()).ToArray();

    private static void AssertGate(Steps s, string button, string outcome, string channel)
    {
        string kind = s.ClickAndWait(button, "gate-result");
        Assert.True(
            s.Attribute("gate-result", "data-outcome") == outcome && s.Attribute("gate-result", "data-channel") == channel,
            $"Expected {outcome} via {channel}; the page says ({kind}): {s.Id("gate-result").Text}");
    }

    private static float Similarity(Steps s) => float.Parse(s.Attribute("gate-result", "data-similarity"), CultureInfo.InvariantCulture);

    private static string PurgeNow(Steps s)
    {
        s.Js("document.getElementById('purge-result').className = 'result'");
        s.Click("purge-now");
        s.Until(() => s.Attribute("purge-result", "data-deleted").Length > 0 || s.Id("purge-result").GetDomAttribute("class")!.Contains("error", StringComparison.Ordinal), "the purge");
        return s.Id("purge-result").GetDomAttribute("class")!.Contains("ok", StringComparison.Ordinal) ? "ok" : "error";
    }
}
