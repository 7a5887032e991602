using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// The card or PIN at the started sample's HTTP API: a registration cannot replace a resident's card or PIN
/// (sample-security-review.md, defect 1), and wrong entries lock it, are audited and are rate-limited (defect 2).
/// </summary>
public sealed class CardSecurityTests : IAsyncLifetime
{
    private SampleApp? app;
    private GateClient? operatorClient;

    // The operator: registers residents and reads their status; the card endpoint needs no sign-in.
    private HttpClient Client => operatorClient!.Http;

    public async Task InitializeAsync()
    {
        app = await SampleApp.StartAsync();
        operatorClient = await GateClient.OperatorAsync(app);
    }

    public async Task DisposeAsync()
    {
        operatorClient?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Defect01_Registering_an_existing_resident_again_is_refused_and_keeps_their_card_or_PIN()
    {
        using (HttpResponseMessage first = await Client.PostAsJsonAsync("api/residents", new { residentId = "A-1", cardOrPin = "1234", password = GateClient.Password }))
        {
            first.EnsureSuccessStatusCode();
        }

        using HttpResponseMessage again = await Client.PostAsJsonAsync("api/residents", new { residentId = "A-1", cardOrPin = "9999", password = GateClient.Password });
        using JsonDocument error = JsonDocument.Parse(await again.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("resident-exists", error.RootElement.GetProperty("kind").GetString());
        Assert.Contains("Resident 'A-1' is registered already; their card or PIN was not changed", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("Refused", await CardOutcome("A-1", "9999"));
        Assert.Equal("Opened", await CardOutcome("A-1", "1234"));
    }

    [Fact]
    public async Task Defect02_Five_wrong_PINs_lock_the_card_the_right_PIN_is_refused_while_locked_and_all_is_audited()
    {
        using (HttpResponseMessage registered = await Client.PostAsJsonAsync("api/residents", new { residentId = "L-1", cardOrPin = "0420", password = GateClient.Password }))
        {
            registered.EnsureSuccessStatusCode();
        }

        foreach (string guess in new[] { "0001", "0002", "0003", "0004", "0005" })
        {
            Assert.Equal("Refused", await CardOutcome("L-1", guess));
        }

        using HttpResponseMessage locked = await Client.PostAsJsonAsync("api/gate/card", new { residentId = "L-1", cardOrPin = "0420" });
        using JsonDocument error = JsonDocument.Parse(await locked.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Equal("card-locked", error.RootElement.GetProperty("kind").GetString());
        Assert.Contains("The card or PIN of resident 'L-1' is locked after too many wrong entries", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);

        using JsonDocument status = JsonDocument.Parse(await Client.GetStringAsync("api/residents/L-1"));
        List<(string Outcome, string Detail)> events = status.RootElement.GetProperty("audit").EnumerateArray()
            .Where(r => r.GetProperty("action").GetString() == "ApplicationEvent")
            .Select(r => (r.GetProperty("outcome").GetString()!, r.GetProperty("detail").GetString()!))
            .ToList();
        Assert.Equal(
            [
                ("Refused", "card/PIN refused for subject 'L-1' (failure 1 of 5)"),
                ("Refused", "card/PIN refused for subject 'L-1' (failure 2 of 5)"),
                ("Refused", "card/PIN refused for subject 'L-1' (failure 3 of 5)"),
                ("Refused", "card/PIN refused for subject 'L-1' (failure 4 of 5)"),
                ("Refused", "card/PIN refused for subject 'L-1' (failure 5 of 5)"),
                ("Refused", "card/PIN locked for subject 'L-1' after 5 failures, for 00:15:00"),
                ("Refused", "card/PIN attempt refused for subject 'L-1': locked"),
            ],
            events);

        using JsonDocument report = JsonDocument.Parse(await Client.GetStringAsync("api/operator"));
        Assert.True(report.RootElement.GetProperty("audit").GetProperty("chainValid").GetBoolean());
    }

    [Fact]
    public async Task Defect02_The_right_PIN_before_the_fifth_wrong_one_resets_the_count()
    {
        using (HttpResponseMessage registered = await Client.PostAsJsonAsync("api/residents", new { residentId = "C-1", cardOrPin = "7531", password = GateClient.Password }))
        {
            registered.EnsureSuccessStatusCode();
        }

        for (int round = 0; round < 2; round++)
        {
            foreach (string guess in new[] { "0001", "0002", "0003", "0004" })
            {
                Assert.Equal("Refused", await CardOutcome("C-1", guess));
            }

            Assert.Equal("Opened", await CardOutcome("C-1", "7531"));
        }
    }

    [Fact]
    public async Task Defect02_Card_attempts_past_the_rate_limit_are_answered_429_rate_limited()
    {
        await using SampleApp limited = await SampleApp.StartAsync(new Dictionary<string, string> { ["CardAttemptLimit"] = "3", ["CardAttemptWindow"] = "01:00:00" });
        using GateClient limitedOperator = await GateClient.OperatorAsync(limited);
        await limitedOperator.RegisterAsync("R-1", "5555");
        using HttpClient limitedClient = limited.CreateClient();

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage allowed = await limitedClient.PostAsJsonAsync("api/gate/card", new { residentId = "R-1", cardOrPin = "5555" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using HttpResponseMessage refused = await limitedClient.PostAsJsonAsync("api/gate/card", new { residentId = "R-1", cardOrPin = "5555" });
        using JsonDocument error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("rate-limited", error.RootElement.GetProperty("kind").GetString());
        Assert.Contains("at most 3 per 01:00:00", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<string?> CardOutcome(string residentId, string cardOrPin)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("api/gate/card", new { residentId, cardOrPin });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument decision = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return decision.RootElement.GetProperty("outcome").GetString();
    }
}
