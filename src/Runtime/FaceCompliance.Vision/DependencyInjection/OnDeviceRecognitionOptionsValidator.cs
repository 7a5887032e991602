using System;
using System.Collections.Generic;
using System.Globalization;
using FaceCompliance.Vision.Components;
using Microsoft.Extensions.Options;

namespace FaceCompliance.Vision;

/// <summary>Checks <see cref="OnDeviceRecognitionOptions"/> when the host starts; each failure names the option and its value.</summary>
internal sealed class OnDeviceRecognitionOptionsValidator : IValidateOptions<OnDeviceRecognitionOptions>
{
    private const string Prefix = "OnDeviceRecognitionOptions.";

    public ValidateOptionsResult Validate(string? name, OnDeviceRecognitionOptions options)
    {
        var failures = new List<string>();
        if (options.Recognizer is not { } recognizer)
        {
            failures.Add(Prefix + "Recognizer must not be null.");
        }
        else
        {
            Check(failures, "Recognizer.LivenessThreshold", () => LivenessChecker.EnsureThreshold(recognizer.LivenessThreshold));
            Check(failures, "Recognizer.DetectionThreshold", () => FaceDetector.EnsureScoreThreshold(recognizer.DetectionThreshold, nameof(recognizer.DetectionThreshold)));
            if (recognizer.Quality is null)
            {
                failures.Add(Prefix + "Recognizer.Quality must not be null.");
            }
            else
            {
                Check(failures, "Recognizer.Quality", recognizer.Quality.EnsureValid);
            }

            // Also starts the execution provider's check: CUDA asked for but not usable is named here, at start.
            Check(failures, "Recognizer.ModelOptions", () => (recognizer.ModelOptions ?? FaceModelOptions.Default).CreateSessionOptions().Dispose());
        }

        if (options.Matcher is not { } matcher)
        {
            failures.Add(Prefix + "Matcher must not be null.");
        }
        else
        {
            if (!(matcher.Threshold is >= -1f and <= 1f))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Prefix}Matcher.Threshold is {matcher.Threshold}; the match threshold is a cosine similarity from -1 to 1 (FaceMatchThreshold.Default is {FaceMatchThreshold.Default})"));
            }

            if (matcher.MaxTemplatesPerPerson < 1)
            {
                failures.Add($"{Prefix}Matcher.MaxTemplatesPerPerson is {matcher.MaxTemplatesPerPerson}; a person needs at least 1 template.");
            }

            if (matcher.Dimension < 1)
            {
                failures.Add($"{Prefix}Matcher.Dimension is {matcher.Dimension}; it must be at least 1 ({FaceEmbedder.TemplateDimension} for the embedded model).");
            }

            if (!Enum.IsDefined(matcher.Precision))
            {
                failures.Add($"{Prefix}Matcher.Precision is {matcher.Precision}, which is not a GalleryPrecision.");
            }
        }

        if (options.Verifier is not { } verifier)
        {
            failures.Add(Prefix + "Verifier must not be null.");
        }
        else if (!(verifier.Threshold is >= -1f and <= 1f))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix}Verifier.Threshold is {verifier.Threshold}; the match threshold is a cosine similarity from -1 to 1 (FaceMatchThreshold.Default is {FaceMatchThreshold.Default})"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string option, Action check)
    {
        try
        {
            check();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            var message = e.Message.Replace(Environment.NewLine, " ", StringComparison.Ordinal);
            if (e is ArgumentException { ParamName: { } parameter })
            {
                message = message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal);
            }

            if (e is ArgumentOutOfRangeException { ActualValue: { } value } && !message.Contains("Actual value", StringComparison.Ordinal))
            {
                message += " Value: " + Convert.ToString(value, CultureInfo.InvariantCulture) + ".";
            }
            failures.Add($"{Prefix}{option}: {message}");
        }
    }
}
