using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CommunityAccess.Residents;
using FaceCompliance;
using FaceCompliance.Vision;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommunityAccess.Web;

/// <summary>
/// Turns the exceptions of the runtime and the gate into JSON errors the page shows as they are:
/// <c>{ "error": "...", "kind": "..." }</c>, with a status that says who must act.
/// </summary>
internal sealed class ErrorResponses(RequestDelegate next, ILogger<ErrorResponses> logger)
{
    /// <summary>Runs the rest of the pipeline and maps its exceptions.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The work.</returns>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentType is null)
            {
                // An error ASP.NET Core answered without a body (a chunked body past the limit, 405, a route that did
                // not match...): the same contract as every other error.
                (string kind, string message) = context.Response.StatusCode switch
                {
                    StatusCodes.Status404NotFound => ("not-found", "There is nothing at this address."),
                    StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "This address does not take this HTTP method."),
                    StatusCodes.Status413PayloadTooLarge => ("too-large", "The request body is larger than this endpoint takes."),
                    StatusCodes.Status415UnsupportedMediaType => ("unsupported-media-type", "This endpoint takes another content type (JSON, or application/octet-stream for pixels)."),
                    _ => ("bad-request", "The request could not be read."),
                };
                await context.Response.WriteAsJsonAsync(new ErrorResponse(message, kind));
            }
        }
        catch (Exception e) when (!context.Response.HasStarted && Map(e) is { } error)
        {
            if (error.Status >= 500)
            {
                LogUnexpected(logger, e);
            }

            context.Response.Clear();
            context.Response.StatusCode = error.Status;
            await context.Response.WriteAsJsonAsync(new ErrorResponse(error.Message, error.Kind));
        }
    }

    private static (int Status, string Kind, string Message)? Map(Exception e) => e switch
    {
        OperationCanceledException => null,
        BadPixelsException => (StatusCodes.Status400BadRequest, "bad-pixels", e.Message),
        BadResidentIdException => (StatusCodes.Status400BadRequest, "bad-resident-id", e.Message),
        NotYourResidentIdException => (StatusCodes.Status403Forbidden, "not-your-resident-id", e.Message),
        NoConsentException => (StatusCodes.Status403Forbidden, "no-consent", e.Message),
        AlreadyWithdrawnException => (StatusCodes.Status409Conflict, "already-withdrawn", e.Message),
        ResidentExistsException => (StatusCodes.Status409Conflict, "resident-exists", e.Message),
        ConsentRequiredException { Reason: ConsentRejection.NeverConsented } => (StatusCodes.Status403Forbidden, "no-consent", e.Message),
        ConsentRequiredException c => (StatusCodes.Status403Forbidden, "consent-" + c.Reason.ToString().ToLowerInvariant(), e.Message),
        FacialDataLimitExceededException => (StatusCodes.Status409Conflict, "limit-exceeded", e.Message),
        FacialDataDamagedException => (StatusCodes.Status409Conflict, "face-data-damaged",
            "Your stored face data is damaged and cannot be used. Withdraw and consent again to enrol anew, or ask the management office; your card or PIN still works."),
        FaceNotFoundException f => (StatusCodes.Status422UnprocessableEntity, f.FacesFound == 0 ? "no-face" : "several-faces",
            e.Message + (f.FacesFound == 0 ? " Use a well-lit photo with your face clearly visible, or your card or PIN." : string.Empty)),
        FaceQualityException => (StatusCodes.Status422UnprocessableEntity, "poor-photo", e.Message),
        KeyNotFoundException => (StatusCodes.Status404NotFound, "not-found", e.Message),
        // Binding failures (malformed or missing JSON, a number where text is expected...) and bodies past the limit.
        BadHttpRequestException b => (b.StatusCode, b.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "too-large",
            StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
            _ => "bad-request",
        }, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is larger than this endpoint takes." : e.Message),
        ArgumentException => (StatusCodes.Status400BadRequest, "invalid", e.Message),
        _ => (StatusCodes.Status500InternalServerError, "internal", "The gate hit an unexpected error; the operator log has the details."),
    };

    private static readonly Action<ILogger, Exception?> LogUnexpected =
        LoggerMessage.Define(LogLevel.Error, new EventId(1, "Unexpected"), "Unexpected error");
}
