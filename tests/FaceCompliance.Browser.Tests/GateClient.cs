using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using CommunityAccess;

namespace FaceCompliance.Browser.Tests;

/// <summary>
/// One user of the started sample over HTTP, as the pages are: a cookie jar of its own (the session cookie), and the
/// antiforgery token in the X-CSRF-TOKEN header of every request once fetched.
/// </summary>
internal sealed class GateClient : IDisposable
{
    /// <summary>The initial password the tests give residents.</summary>
    public const string Password = "resident-password";

    private GateClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>A client that is not signed in, holding an antiforgery token.</summary>
    public static async Task<GateClient> AnonymousAsync(SampleApp app)
    {
        var client = new GateClient(app.CreateClient());
        await client.RefreshTokenAsync();
        return client;
    }

    /// <summary>A client signed in as the operator.</summary>
    public static Task<GateClient> OperatorAsync(SampleApp app) => SignedInAsync(app, "operator", SampleApp.OperatorPassword, asOperator: true);

    /// <summary>A client signed in as <paramref name="name"/>.</summary>
    public static async Task<GateClient> SignedInAsync(SampleApp app, string name, string password = Password, bool asOperator = false)
    {
        GateClient client = await AnonymousAsync(app);
        using HttpResponseMessage signedIn = await client.SignInAsync(name, password, asOperator);
        if (!signedIn.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in as {name} failed: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Registers a resident (the client must be the operator's) and checks that it worked.</summary>
    public async Task RegisterAsync(string residentId, string cardOrPin, string password = Password)
    {
        using HttpResponseMessage response = await PostJsonAsync("api/residents", new { residentId, cardOrPin, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Registering {residentId} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Gives consent as the signed-in resident, as an adult, and checks that it worked.</summary>
    public async Task ConsentAsync(string residentId)
    {
        using HttpResponseMessage response = await PostJsonAsync("api/consent", new { residentId, noticeVersion = CommunityEntry.NoticeVersion, consented = true, under14 = false });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Consent of {residentId} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Signs in (and takes the new antiforgery token bound to the user).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string name, string password, bool asOperator = false)
    {
        HttpResponseMessage response = await PostJsonAsync("api/signin", new { name, password, asOperator });
        await RefreshTokenAsync();
        return response;
    }

    public async Task RefreshTokenAsync()
    {
        using JsonDocument token = JsonDocument.Parse(await Http.GetStringAsync("api/antiforgery"));
        Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token.RootElement.GetProperty("token").GetString());
    }

    public Task<HttpResponseMessage> PostJsonAsync(string url, object body) => Http.PostAsJsonAsync(url, body);

    public async Task<HttpResponseMessage> PostPixelsAsync(string url, byte[] pixels)
    {
        using var content = new ByteArrayContent(pixels);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await Http.PostAsync(url, content);
    }

    /// <summary>The status code and the <c>{error, kind}</c> of an answer (the kind is null when the body is not the contract).</summary>
    public static async Task<(int Status, string? Kind, string? Error)> ErrorOf(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        try
        {
            using JsonDocument json = JsonDocument.Parse(text);
            return ((int)response.StatusCode,
                json.RootElement.TryGetProperty("kind", out JsonElement kind) ? kind.GetString() : null,
                json.RootElement.TryGetProperty("error", out JsonElement error) ? error.GetString() : null);
        }
        catch (JsonException)
        {
            return ((int)response.StatusCode, null, text);
        }
    }

    public void Dispose() => Http.Dispose();
}
