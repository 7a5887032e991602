using System;
using System.Collections.Generic;
using System.IO;
using FaceCompliance.Sqlite;
using FaceCompliance.Vision;

namespace FaceCompliance.Calibrate.Tests;

/// <summary>
/// What the library says about the 40 identity crops at a false-accept rate of 0.1 %: templates from the public
/// FaceRecognizer, with a receipt per person from a real store, on the crops framed by the library's own
/// PadToDetectorFrame, then ThresholdCalibration.Calibrate.
/// </summary>
public sealed class LibraryFigures : IDisposable
{
    public const double TargetFalseAcceptRate = 0.001;

    private readonly string _storePath = Path.Combine(Path.GetTempPath(), "facecompliance-calibrate-figures-" + Guid.NewGuid().ToString("N") + ".db");

    public LibraryFigures()
    {
        using var store = SqliteFacialDataStore.Open(_storePath, new FacialDataStoreOptions(new FacialDataKeys(new byte[32])));
        var recognizer = new FaceRecognizer(store.Consents);
        var receipts = new Dictionary<string, ConsentReceipt<CalibrationCheck>>(StringComparer.Ordinal);
        var templates = new List<LabelledTemplate>();
        foreach (var crop in CalibratePaths.IdentityCrops)
        {
            var person = Workspace.Person(crop);
            if (!receipts.TryGetValue(person, out var receipt))
            {
                receipts[person] = receipt = store.Consents.Grant<CalibrationCheck>(new ConsentGrant(person));
            }

            using var photo = PpmReader.ReadFile(crop);
            using var framed = FaceAnalyzer.PadToDetectorFrame(photo);
            templates.Add(new LabelledTemplate(person, recognizer.ExtractTemplate(receipt, framed)));
        }

        Report = ThresholdCalibration.Calibrate(templates, TargetFalseAcceptRate);
    }

    public ThresholdCalibrationReport Report { get; }

    public void Dispose()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_storePath + suffix);
        }
    }
}
