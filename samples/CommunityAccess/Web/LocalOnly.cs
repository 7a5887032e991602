using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CommunityAccess.Web;

/// <summary>
/// Answers only requests addressed to this device: a Host header other than 127.0.0.1, localhost or [::1] (at any
/// port) is refused with 400 <c>{error, kind: "bad-host"}</c>, so that a web page elsewhere cannot reach the gate
/// through a DNS name it points at 127.0.0.1 (DNS rebinding; review defect 8). Every answer carries headers that keep
/// the pages out of other sites' frames and stop content sniffing (review defect 16).
/// </summary>
internal sealed class LocalOnly(RequestDelegate next)
{
    /// <summary>The pages load their scripts and styles from this server only; the camera preview and decoded photos are blob: and data: images.</summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    /// <summary>Refuses a foreign Host, then sets the security headers and runs the rest.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The work.</returns>
    public Task InvokeAsync(HttpContext context)
    {
        if (!IsLocal(context.Request.Host))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsJsonAsync(new ErrorResponse(
                "This gate answers requests to 127.0.0.1 or localhost only; the Host header named another address.", "bad-host"));
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            // Answers about residents are personal data: never kept by a browser or a proxy cache.
            headers.CacheControl = "no-store";
        }

        return next(context);
    }

    internal static bool IsLocal(HostString host) => host.HasValue
        && (string.Equals(host.Host, "127.0.0.1", StringComparison.Ordinal)
            || string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || string.Equals(host.Host, "[::1]", StringComparison.Ordinal));
}
