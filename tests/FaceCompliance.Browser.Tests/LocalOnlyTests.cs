using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// The started sample answers only requests addressed to the device itself (DNS rebinding: sample-security-review.md,
/// defect 8), and its answers carry the security headers (defect 16).
/// </summary>
public sealed class LocalOnlyTests : IAsyncLifetime
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

    [Theory]
    [InlineData("api/notice/en")]
    [InlineData("index.html")]
    public async Task Defect08_A_request_for_another_host_name_is_refused_as_bad_host(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "gate.rebind.example";

        using HttpResponseMessage response = await Client.SendAsync(request);
        using JsonDocument error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-host", error.RootElement.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Defect16_Requests_to_the_device_itself_are_served_with_the_security_headers(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "index.html");
        request.Headers.Host = $"{host}:{Client.BaseAddress!.Port}";

        using HttpResponseMessage response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "No Server header names the web server.");
    }

    [Fact]
    public async Task Defect16_API_answers_are_never_cached_and_echo_no_raw_markup()
    {
        using HttpResponseMessage response = await Client.GetAsync("api/notice/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }
}
