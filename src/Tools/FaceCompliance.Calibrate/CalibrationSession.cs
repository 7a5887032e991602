using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using FaceCompliance.Sqlite;
using FaceCompliance.Vision;

namespace FaceCompliance.Calibrate;

/// <summary>
/// One calibration run: a consent receipt per person from a temporary SQLite store, a template per photo, the
/// threshold rule, and then nothing left behind: the store file is deleted on <see cref="Dispose"/>, photos are
/// erased as soon as their template is extracted, and templates are never stored.
/// </summary>
[UsesFacialData<MatchThresholdCalibration>]
[NonBiometricAlternative(nameof(UseDefaultThreshold))]
internal sealed class CalibrationSession : IDisposable
{
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), "facecompliance-calibrate-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly SqliteFacialDataStore _store;
    private readonly FaceRecognizer _recognizer;
    private readonly Dictionary<string, ConsentReceipt<MatchThresholdCalibration>> _receipts = new(StringComparer.Ordinal);

    /// <summary>Opens the temporary store under a random key that lives only in this process.</summary>
    public CalibrationSession()
    {
        _store = SqliteFacialDataStore.Open(_storePath, new FacialDataStoreOptions(new FacialDataKeys(RandomNumberGenerator.GetBytes(32))) { Actor = "facecompliance-calibrate" });
        _recognizer = new FaceRecognizer(_store.Consents);
    }

    /// <summary>The non-biometric alternative for anyone who does not take part: no calibration, the library's default threshold.</summary>
    public static string UseDefaultThreshold() => string.Create(CultureInfo.InvariantCulture,
        $"Without calibration, keep the default threshold {FaceMatchThreshold.Default:0.###} (FaceMatchThreshold.Default).");

    /// <summary>
    /// Records the consent the operator confirmed for each person, extracts one template per photo, and applies the
    /// threshold rule. Every photo that cannot be used is reported at once.
    /// </summary>
    /// <exception cref="InputException">A photo cannot be read (missing, corrupt, truncated), shows no face or several, or the set cannot be calibrated.</exception>
    public ThresholdCalibrationReport Calibrate(IReadOnlyList<LabelledPhoto> photos, double targetFalseAcceptRate)
    {
        foreach (var person in photos.Select(p => p.Person).Distinct(StringComparer.Ordinal))
        {
            _receipts[person] = Grant(person);
        }

        var templates = new List<LabelledTemplate>(photos.Count);
        var problems = new List<string>();
        foreach (var photo in photos)
        {
            try
            {
                using var image = PhotoDecoder.Read(photo.Path);
                templates.Add(new LabelledTemplate(photo.Person, _recognizer.ExtractTemplate(_receipts[photo.Person], image)));
            }
            catch (Exception e) when (e is FaceNotFoundException or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"  {photo.Path}: {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new InputException($"{problems.Count} of {photos.Count} photo(s) cannot be used; each must be a readable photo of exactly one face:\n{string.Join('\n', problems)}");
        }

        EnsureEveryoneConsented();
        try
        {
            return ThresholdCalibration.Calibrate(templates, targetFalseAcceptRate);
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message);
        }
        finally
        {
            templates.Clear();
        }
    }

    /// <summary>Deletes the temporary store with its receipts.</summary>
    public void Dispose()
    {
        _store.Dispose();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(_storePath + suffix);
        }
    }

    private ConsentReceipt<MatchThresholdCalibration> Grant(string person)
    {
        try
        {
            return _store.Consents.Grant<MatchThresholdCalibration>(new ConsentGrant(person) { ValidFor = TimeSpan.FromHours(1) });
        }
        catch (ArgumentException e)
        {
            throw new InputException($"The person name '{person}' cannot name a consent: {e.Message}");
        }
    }

    // Every receipt is still valid when the templates are compared.
    [FacialConsentCheck(typeof(MatchThresholdCalibration))]
    private void EnsureEveryoneConsented()
    {
        foreach (var receipt in _receipts.Values)
        {
            _store.Consents.EnsureValid(receipt);
        }
    }
}
