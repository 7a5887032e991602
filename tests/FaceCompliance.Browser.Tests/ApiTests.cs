using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using CommunityAccess;
using Xunit;

namespace FaceCompliance.Browser.Tests;

/// <summary>The started sample's HTTP API without a browser: the notice bytes, and refusals of malformed pixel uploads.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private SampleApp? app;
    private GateClient? operatorClient;
    private GateClient? amy;

    // Signed in as the resident amy, who consented.
    private HttpClient Client => amy!.Http;

    private SampleApp App => app!;

    public async Task InitializeAsync()
    {
        app = await SampleApp.StartAsync();
        operatorClient = await GateClient.OperatorAsync(app);
        await operatorClient.RegisterAsync("amy", "CARD-7777");
        amy = await GateClient.SignedInAsync(app, "amy");
        await amy.ConsentAsync("amy");
    }

    public async Task DisposeAsync()
    {
        amy?.Dispose();
        operatorClient?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_notice_served_is_the_generated_constant(string language)
    {
        using JsonDocument notice = JsonDocument.Parse(await Client.GetStringAsync($"api/notice/{language}"));

        Assert.Equal(CommunityEntry.Notice.In(language).Text, notice.RootElement.GetProperty("text").GetString());
        Assert.Equal(CommunityEntry.NoticeVersion, notice.RootElement.GetProperty("version").GetString());
        Assert.Equal(CommunityEntry.NoticeHtml.In(language), notice.RootElement.GetProperty("html").GetString());
        Assert.Equal(CommunityEntry.ShortNotice.In(language), notice.RootElement.GetProperty("short").GetString());
    }

    [Fact]
    public async Task The_GDPR_notice_served_is_the_generated_Art_13_constant()
    {
        using JsonDocument notice = JsonDocument.Parse(await Client.GetStringAsync("api/notice-gdpr"));

        Assert.Equal(CommunityEntry.GdprNotice, notice.RootElement.GetProperty("text").GetString());
        Assert.Equal(CommunityEntry.PurposeId, notice.RootElement.GetProperty("purposeId").GetString());
        Assert.Contains("Complaint to a supervisory authority (Art. 13(2)(d))", CommunityEntry.GdprNotice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoint_reports_the_store_and_the_models_healthy_after_start()
    {
        using HttpResponseMessage health = await Client.GetAsync("api/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pixels_of_the_wrong_length_are_refused_with_the_expected_length()
    {
        (HttpStatusCode status, string kind, string error) = await Enrol("width=10&height=10", new byte[10 * 10 * 4]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad-pixels", kind);
        Assert.Contains("a 10x10 image in RGB24 is 10 x 10 x 3 = 300 bytes, but the request body has 400 bytes", error, StringComparison.Ordinal);
        Assert.Contains("drop the alpha byte of RGBA", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("width=10", 300, "?width=<pixels>&height=<pixels>")]
    [InlineData("width=0&height=10", 0, "is not accepted")]
    [InlineData("width=5000&height=10", 150_000, "is not accepted")]
    [InlineData("width=10&height=10", 299, "but the request body has 299 bytes. The body is short")]
    public async Task Missing_or_impossible_sizes_are_refused(string query, int bytes, string expected)
    {
        (HttpStatusCode status, string kind, string error) = await Enrol(query, new byte[bytes]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad-pixels", kind);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_instead_of_pixels_is_refused()
    {
        using var content = new ByteArrayContent(new byte[300]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using HttpResponseMessage response = await Client.PostAsync("api/enrol?residentId=amy&width=10&height=10", content);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Send the pixels as application/octet-stream", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pixels_without_a_face_are_refused_and_nothing_is_enrolled()
    {
        byte[] white = new byte[64 * 64 * 3];
        Array.Fill(white, (byte)255);

        (HttpStatusCode status, string kind, string error) = await Enrol("width=64&height=64", white);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("no-face", kind);
        Assert.Contains("No face was found in the 64x64 image.", error, StringComparison.Ordinal);
    }

    /// <summary>CommunityEntry may involve children: a consent that does not say whether the resident is under 14 is not taken as an adult's.</summary>
    [Fact]
    public async Task A_consent_that_does_not_state_the_age_is_refused_as_age_unknown()
    {
        await operatorClient!.RegisterAsync("ageless", "CARD-8888");
        using GateClient ageless = await GateClient.SignedInAsync(App, "ageless");
        using HttpResponseMessage consent = await ageless.PostJsonAsync("api/consent", new { residentId = "ageless", noticeVersion = CommunityEntry.NoticeVersion, consented = true });

        Assert.Equal(HttpStatusCode.BadRequest, consent.StatusCode);
        var body = await consent.Content.ReadAsStringAsync();
        Assert.Contains("age-unknown", body, StringComparison.Ordinal);
        Assert.Contains("an unstated age is not taken as an adult's", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolment_without_consent_is_refused_before_the_pixels_are_read()
    {
        await operatorClient!.RegisterAsync("nobody", "CARD-9999");
        using GateClient nobody = await GateClient.SignedInAsync(App, "nobody");
        (HttpStatusCode status, string kind, string error) = await Enrol("width=10&height=10", new byte[300], resident: "nobody", client: nobody.Http);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("no-consent", kind);
        Assert.Contains("Resident 'nobody' has not consented to face entry", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enrolment_photo_with_two_faces_is_refused()
    {
        (int width, int height, byte[] pixels) = Photos.Ppm("scenes/group_two_people.ppm");

        (HttpStatusCode status, string kind, string error) = await Enrol($"width={width}&height={height}", pixels);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("several-faces", kind);
        Assert.Contains("2 faces were found where exactly one is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dark_enrolment_photo_is_refused_with_the_reason_and_nothing_is_enrolled()
    {
        (int width, int height, byte[] pixels) = Photos.Ppm("scenes/obama_1.ppm");
        byte[] dark = pixels.Select(p => (byte)(p / 5)).ToArray();

        (HttpStatusCode status, string kind, string error) = await Enrol($"width={width}&height={height}", dark);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("poor-photo", kind);
        Assert.Contains("The photo is not good enough to enrol: face too dark: mean brightness", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_crowded_frame_the_largest_face_is_compared_at_the_stricter_threshold()
    {
        await operatorClient!.RegisterAsync("obama", "CARD-0044");
        using GateClient obama = await GateClient.SignedInAsync(App, "obama");
        await obama.ConsentAsync("obama");

        (int w, int h, byte[] photo) = Photos.Ppm("scenes/obama_1.ppm");
        using (HttpResponseMessage enrolled = await obama.PostPixelsAsync($"api/enrol?residentId=obama&width={w}&height={h}", photo))
        {
            Assert.True(enrolled.IsSuccessStatusCode, await enrolled.Content.ReadAsStringAsync());
        }

        // The gate kiosk: nobody signed in.
        using GateClient kiosk = await GateClient.AnonymousAsync(App);
        (int gw, int gh, byte[] group) = Photos.Ppm("scenes/group_obama_biden.ppm");
        using HttpResponseMessage response = await kiosk.PostPixelsAsync($"api/gate/face?residentId=obama&width={gw}&height={gh}", group);
        using JsonDocument decision = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Opened", decision.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(CommunityAccess.Gate.GateController.CrowdedThreshold, decision.RootElement.GetProperty("threshold").GetSingle());
        Assert.Contains("several faces in view, the primary face compared", decision.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }


    private async Task<(HttpStatusCode Status, string Kind, string Error)> Enrol(string query, byte[] body, string resident = "amy", HttpClient? client = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using HttpResponseMessage response = await (client ?? Client).PostAsync($"api/enrol?residentId={resident}&{query}", content);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.GetProperty("kind").GetString()!, json.RootElement.GetProperty("error").GetString()!);
    }
}
