using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// The card or PIN at the started sample's HTTP API: a registration cannot replace a resident's card or PIN
/// (sample-security-review.md, defect 1).
/// </summary>
public sealed class CardSecurityTests : IAsyncLifetime
{
    private SampleApp? app;
    private HttpClient? client;

    private HttpClient Client => client!;

    public async Task InitializeAsync()
    {
        app = await SampleApp.StartAsync();
        client = app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Registering_an_existing_resident_again_is_refused_and_keeps_their_card_or_PIN()
    {
        using (HttpResponseMessage first = await Client.PostAsJsonAsync("api/residents", new { residentId = "A-1", cardOrPin = "1234" }))
        {
            first.EnsureSuccessStatusCode();
        }

        using HttpResponseMessage again = await Client.PostAsJsonAsync("api/residents", new { residentId = "A-1", cardOrPin = "9999" });
        using JsonDocument error = JsonDocument.Parse(await again.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("resident-exists", error.RootElement.GetProperty("kind").GetString());
        Assert.Contains("Resident 'A-1' is registered already; their card or PIN was not changed", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("Refused", await CardOutcome("A-1", "9999"));
        Assert.Equal("Opened", await CardOutcome("A-1", "1234"));
    }

    private async Task<string?> CardOutcome(string residentId, string cardOrPin)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync("api/gate/card", new { residentId, cardOrPin });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument decision = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return decision.RootElement.GetProperty("outcome").GetString();
    }
}
