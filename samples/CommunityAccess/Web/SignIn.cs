using System;
using System.Security.Claims;
using System.Threading.Tasks;
using CommunityAccess.Residents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityAccess.Web;

/// <summary>
/// Who may do what (review defect 3): residents and the operator sign in with a password (ASP.NET Core cookie
/// authentication; the cookie is HttpOnly and SameSite=Strict). A resident acts only on their own id; the operator
/// registers residents and reads the operator page. Every state-changing endpoint except the two gate kiosk endpoints
/// checks an antiforgery token sent in the <see cref="AntiforgeryHeader"/> header (review defect 8).
/// </summary>
internal static class SignIn
{
    /// <summary>The operator's role (and policy) name.</summary>
    public const string OperatorRole = "operator";

    /// <summary>The resident's role (and policy) name.</summary>
    public const string ResidentRole = "resident";

    /// <summary>The operator account's name.</summary>
    public const string OperatorName = "operator";

    /// <summary>The request header that carries the antiforgery token.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Registers cookie authentication, the two role policies and antiforgery.</summary>
    /// <param name="services">The services.</param>
    public static void AddGateSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "gate.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is HTTPS (behind a TLS-terminating proxy, forward the scheme: README).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
            cookie.SlidingExpiration = true;
            // An API answers 401/403 with the error contract, never a redirect to a login page.
            cookie.Events.OnRedirectToLogin = context => Deny(context.Response, StatusCodes.Status401Unauthorized, "sign-in-required",
                "Sign in first: residents with their resident id and password, the operator with the operator account.");
            cookie.Events.OnRedirectToAccessDenied = context => Deny(context.Response, StatusCodes.Status403Forbidden, "forbidden",
                "This needs the operator's sign-in.");
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorRole, policy => policy.RequireRole(OperatorRole))
            .AddPolicy(ResidentRole, policy => policy.RequireRole(ResidentRole));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryHeader;
            antiforgery.Cookie.Name = "gate.csrf";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    /// <summary>Checks the antiforgery token of the request before the endpoint runs: 400 <c>antiforgery</c> without a valid one.</summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint(s).</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(async (context, next) =>
        {
            IAntiforgery antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
            {
                return GateApi.Error(StatusCodes.Status400BadRequest, "antiforgery",
                    $"The request lacks a valid antiforgery token: send the token from GET /api/antiforgery in the {AntiforgeryHeader} header (the pages do).");
            }

            return await next(context);
        });

    /// <summary>Signs the caller in with a cookie.</summary>
    /// <param name="http">The request.</param>
    /// <param name="name">The resident id, or the operator's name.</param>
    /// <param name="role">The role.</param>
    /// <returns>The work.</returns>
    public static Task SignInAsync(HttpContext http, string name, string role) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], CookieAuthenticationDefaults.AuthenticationScheme)));

    /// <summary>Throws unless the signed-in resident is <paramref name="residentId"/>: a resident acts on their own data only.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="residentId">The resident the request is about (normalised).</param>
    /// <param name="operatorMayRead">Whether the operator may do this too (reading a resident's status).</param>
    /// <exception cref="NotYourResidentIdException">Another resident, or the operator where they may not.</exception>
    public static void EnsureSelf(ClaimsPrincipal user, string residentId, bool operatorMayRead = false)
    {
        if (operatorMayRead && user.IsInRole(OperatorRole))
        {
            return;
        }

        if (!user.IsInRole(ResidentRole) || !string.Equals(user.Identity?.Name, residentId, StringComparison.Ordinal))
        {
            throw new NotYourResidentIdException();
        }
    }

    private static Task Deny(HttpResponse response, int status, string kind, string message)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new ErrorResponse(message, kind));
    }
}

/// <summary>A signed-in resident asked to act on another resident's data: 403 <c>not-your-resident-id</c>.</summary>
internal sealed class NotYourResidentIdException()
    : InvalidOperationException("A resident can consent, enrol, withdraw and see their status for their own resident id only: sign in as that resident.");

/// <summary>The sign-in request.</summary>
/// <param name="Name">The resident id, or the operator's name.</param>
/// <param name="Password">The password.</param>
/// <param name="AsOperator">Whether this is the operator signing in.</param>
internal sealed record SignInRequest(string? Name, string? Password, bool AsOperator);
