using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Options;

namespace FaceCompliance;

/// <summary>Checks <see cref="FaceComplianceOptions"/> when the host starts; each failure names the option and says what to do.</summary>
internal sealed class FaceComplianceOptionsValidator : IValidateOptions<FaceComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, FaceComplianceOptions options)
    {
        var failures = new List<string>();
        if (options.MasterKey is null && string.IsNullOrWhiteSpace(options.MasterKeyFile))
        {
            failures.Add("FaceComplianceOptions.MasterKey or FaceComplianceOptions.MasterKeyFile must be set: the store's keys derive from the application's master key "
                + $"(at least {FacialDataKeys.MinimumMasterKeyLength} random bytes, kept outside the database; FacialDataKeys.NewMasterKey() makes one).");
        }
        else if (options.MasterKey is not null && !string.IsNullOrWhiteSpace(options.MasterKeyFile))
        {
            failures.Add("FaceComplianceOptions.MasterKey and FaceComplianceOptions.MasterKeyFile are both set; set one.");
        }
        else if (options.MasterKey is { } key && key.Length < FacialDataKeys.MinimumMasterKeyLength)
        {
            failures.Add($"FaceComplianceOptions.MasterKey has {key.Length} bytes; a master key has at least {FacialDataKeys.MinimumMasterKeyLength} random bytes.");
        }
        else if (options.MasterKey is { } zeros && !zeros.AsSpan().ContainsAnyExcept((byte)0))
        {
            // Typically the application cleared its copy of the key (Array.Clear) before the options were first read:
            // the configure delegate runs when the options are resolved, not when AddFaceCompliance is called.
            failures.Add("FaceComplianceOptions.MasterKey is all zero bytes, which is not a key: was the array cleared before the options were read? "
                + "The configure delegate runs when the host starts; give it a copy of the key, or use MasterKeyFile.");
        }
        else if (options.MasterKeyFile is { } file && MasterKeyFileProblem(file) is { } problem)
        {
            failures.Add(problem);
        }

        Check(failures, () => SubjectId.Validate(options.Actor, nameof(options.Actor)), "FaceComplianceOptions.Actor");
        if (options.TemplateDimension is < 1 or > FaceTemplate.MaxDimension)
        {
            failures.Add($"FaceComplianceOptions.TemplateDimension is {options.TemplateDimension}; it must be 1 to {FaceTemplate.MaxDimension} (512 for FaceCompliance.Vision).");
        }

        if (options.MaxTemplatesPerSubject < 1)
        {
            failures.Add($"FaceComplianceOptions.MaxTemplatesPerSubject is {options.MaxTemplatesPerSubject}; it must be at least 1.");
        }

        if (options.MaxConsentsPerSubjectAndPurpose < 1)
        {
            failures.Add($"FaceComplianceOptions.MaxConsentsPerSubjectAndPurpose is {options.MaxConsentsPerSubjectAndPurpose}; it must be at least 1.");
        }

        if (options.Filing is null)
        {
            failures.Add("FaceComplianceOptions.Filing must not be null.");
        }
        else
        {
            Check(failures, () => _ = new FilingThresholdTracker(options.Filing), "FaceComplianceOptions.Filing");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What is wrong with the key file, or null: it must exist and hold a whole key.</summary>
    internal static string? MasterKeyFileProblem(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"FaceComplianceOptions.MasterKeyFile '{full}' is a folder, not a key file.";
        }

        if (!File.Exists(full))
        {
            return $"FaceComplianceOptions.MasterKeyFile '{full}' does not exist. No new master key is created in its place: a new key cannot read "
                + "the consents, templates and audit trail already stored. Restore the file from its backup or key vault; for a new installation, "
                + "write FacialDataKeys.NewMasterKey() to it (readable by the service's user only).";
        }

        var length = new FileInfo(full).Length;
        return length < FacialDataKeys.MinimumMasterKeyLength
            ? $"FaceComplianceOptions.MasterKeyFile '{full}' holds {length} bytes; a master key has at least {FacialDataKeys.MinimumMasterKeyLength} random bytes."
            : null;
    }

    private static void Check(List<string> failures, Action check, string option)
    {
        try
        {
            check();
        }
        catch (ArgumentException e)
        {
            failures.Add($"{option}: {e.Message}");
        }
    }
}
