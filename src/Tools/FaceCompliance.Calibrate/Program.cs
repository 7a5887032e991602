using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;

namespace FaceCompliance.Calibrate;

/// <summary>facecompliance-calibrate: the command line, its checks and its exit codes.</summary>
internal static class Program
{
    /// <summary>The threshold, rates and distributions were printed.</summary>
    public const int Success = 0;

    /// <summary>The command line is wrong (System.CommandLine's own code for parse errors).</summary>
    public const int UsageError = 1;

    /// <summary>The photos cannot be calibrated on: the message says why.</summary>
    public const int InputError = 2;

    /// <summary>The operator did not confirm everyone's consent; nothing was read.</summary>
    public const int ConsentNotConfirmed = 3;

    private const double DefaultTargetFalseAcceptRate = 0.001;

    private static int Main(string[] args)
    {
        var folder = new Argument<DirectoryInfo?>("photos")
        {
            Description = "A folder with one sub-folder per person, each holding that person's photos (JPEG, PNG, WebP, BMP or PPM).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var csv = new Option<FileInfo?>("--csv") { Description = "Instead of a folder: a CSV of file,person lines (files relative to the CSV)." };
        var target = new Option<double>("--target-far")
        {
            Description = "The false-accept rate to calibrate for, above 0 and below 0.5.",
            DefaultValueFactory = _ => DefaultTargetFalseAcceptRate,
            CustomParser = ParseTarget,
        };
        var consent = new Option<bool>("--consent-confirmed")
        {
            Description = "Confirms that every person in the photos gave separate consent to their photos being used to calibrate the match threshold, after reading its notice.",
        };
        var command = new RootCommand("Chooses the 1:1 match threshold of FaceCompliance.Vision for a target false-accept rate from your own labelled photos.")
        {
            folder, csv, target, consent,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(folder) is null) == (result.GetValue(csv) is null))
            {
                result.AddError("Give either a photo folder or --csv, not both and not neither.");
            }
        });
        command.SetAction(result => Run(result.GetValue(folder), result.GetValue(csv), result.GetValue(target), result.GetValue(consent)));
        return command.Parse(args).Invoke();
    }

    // A rate in invariant notation (0.001 or 1e-3), above 0 and below 0.5.
    private static double ParseTarget(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return DefaultTargetFalseAcceptRate;
        }

        var text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is > 0 and < 0.5)
        {
            return rate;
        }

        result.AddError($"--target-far is '{text}'; it must be a number above 0 and below 0.5, e.g. 0.001 for 0.1 %.");
        return DefaultTargetFalseAcceptRate;
    }

    private static int Run(DirectoryInfo? folder, FileInfo? csv, double targetFalseAcceptRate, bool consentConfirmed)
    {
        if (!consentConfirmed)
        {
            Console.Error.WriteLine("Calibration compares the faces of every person in the photos, which needs each person's separate consent to this purpose.");
            Console.Error.WriteLine("Show them the notice of the purpose 'MatchThresholdCalibration', leave out anyone who does not agree, then confirm with --consent-confirmed. No photo was read.");
            Console.Error.WriteLine(CalibrationSession.UseDefaultThreshold());
            return ConsentNotConfirmed;
        }

        try
        {
            var photos = folder is not null ? PhotoSet.FromFolder(folder.FullName) : PhotoSet.FromCsv(csv!.FullName);
            using var session = new CalibrationSession();
            var report = session.Calibrate(photos, targetFalseAcceptRate);
            ReportPrinter.Print(Console.Out, report, photos.Count);
            Console.Out.WriteLine();
            Console.Out.WriteLine("The consent receipts were issued in a temporary store, now deleted; no photo or template was kept.");
            return Success;
        }
        catch (InputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return InputError;
        }
    }
}
