using System;
using System.Collections.Generic;
using System.IO;
using FaceCompliance.Sqlite;
using FaceCompliance.Vision;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Calibrate.Tests;

/// <summary>
/// What the library says about a set of labelled photos: templates from the public FaceRecognizer, with a receipt per
/// person from a real store, then ThresholdCalibration.Calibrate. The fixture holds the figures of the 40 identity
/// crops at a false-accept rate of 0.1 %, read from their PPM copies and framed by FaceFrames.CenterInDetectorFrame.
/// </summary>
public sealed class LibraryFigures
{
    public const double TargetFalseAcceptRate = 0.001;

    public LibraryFigures()
    {
        Report = Calibrate(
            [.. Array.ConvertAll(CalibratePaths.IdentityPpms, crop => (Workspace.Person(crop), (Func<FaceImage>)(() => FramedPpm(crop))))],
            TargetFalseAcceptRate);
    }

    public ThresholdCalibrationReport Report { get; }

    /// <summary>The library's calibration of the photos, each read by its function and disposed once its template is extracted.</summary>
    public static ThresholdCalibrationReport Calibrate(IReadOnlyList<(string Person, Func<FaceImage> Read)> photos, double targetFalseAcceptRate)
    {
        var storePath = Path.Combine(Path.GetTempPath(), "facecompliance-calibrate-figures-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using var store = SqliteFacialDataStore.Open(storePath, new FacialDataStoreOptions(new FacialDataKeys(new byte[32])));
            var recognizer = new FaceRecognizer(store.Consents);
            var receipts = new Dictionary<string, ConsentReceipt<CalibrationCheck>>(StringComparer.Ordinal);
            var templates = new List<LabelledTemplate>();
            foreach (var (person, read) in photos)
            {
                if (!receipts.TryGetValue(person, out var receipt))
                {
                    receipts[person] = receipt = store.Consents.Grant<CalibrationCheck>(new ConsentGrant(person));
                }

                using var photo = read();
                templates.Add(new LabelledTemplate(person, recognizer.ExtractTemplate(receipt, photo)));
            }

            return ThresholdCalibration.Calibrate(templates, targetFalseAcceptRate);
        }
        finally
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(storePath + suffix);
            }
        }
    }

    private static FaceImage FramedPpm(string crop)
    {
        using var photo = PpmReader.ReadFile(crop);
        return FaceFrames.CenterInDetectorFrame(photo);
    }
}
