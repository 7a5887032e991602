using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CommunityAccess.Web;

/// <summary>
/// Request body limits per endpoint (review defect 11): a few KiB for the JSON endpoints, the largest frame for the
/// pixel endpoints, nothing for the rest. A body declared larger is refused with 413 <c>too-large</c> before it is
/// read; a chunked body that runs past the limit is stopped by Kestrel at the limit (also 413).
/// </summary>
internal sealed class BodyLimits(RequestDelegate next)
{
    /// <summary>The limit of the small JSON endpoints.</summary>
    public const long Json = 4 * 1024;

    /// <summary>The limit of the pixel endpoints: the largest frame accepted, RGB24.</summary>
    public const long Frame = (long)PixelUpload.MaxPixels * 3;

    /// <summary>Applies the endpoint's limit (no body at all where none is declared).</summary>
    /// <param name="context">The request, after routing.</param>
    /// <returns>The work.</returns>
    public Task InvokeAsync(HttpContext context)
    {
        long limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? 0;
        if (context.Request.ContentLength is long declared && declared > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return context.Response.WriteAsJsonAsync(new ErrorResponse(string.Create(CultureInfo.InvariantCulture,
                $"The request body has {declared} bytes; this endpoint takes at most {limit}."), "too-large"));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}

/// <summary>The most bytes an endpoint's request body may have.</summary>
/// <param name="Bytes">The limit.</param>
internal sealed record BodyLimit(long Bytes);

/// <summary>Declares body limits on endpoints.</summary>
internal static class BodyLimitExtensions
{
    /// <summary>Lets the endpoint take a body of at most <paramref name="bytes"/>.</summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="bytes">The limit.</param>
    /// <returns>The builder.</returns>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new BodyLimit(bytes));
}
