using System;

namespace FaceCompliance;

/// <summary>
/// The settings of <c>services.AddFaceCompliance(options =&gt; …)</c>: the master key and what every store shares.
/// Validated when the host starts (<c>ValidateOnStart</c>); a bad value stops the start with a message that names it.
/// </summary>
public sealed class FaceComplianceOptions
{
    /// <summary>
    /// The master key itself (at least <see cref="FacialDataKeys.MinimumMasterKeyLength"/> random bytes), from a key
    /// vault or a secret store. Set this or <see cref="MasterKeyFile"/>, not both.
    /// </summary>
    public byte[]? MasterKey { get; set; }

    /// <summary>
    /// A file holding the master key as raw bytes (at least <see cref="FacialDataKeys.MinimumMasterKeyLength"/>; create one
    /// with <see cref="FacialDataKeys.NewMasterKey"/>, readable by the service's user only). The file must exist: a
    /// missing key is never replaced by a new one, which could not read the data already stored.
    /// </summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>Who acts, as written in the audit trail: an operator or device id; "system" by default.</summary>
    public string Actor { get; set; } = "system";

    /// <summary>The number of values every template has (the embedding size of the face model); 512 by default.</summary>
    public int TemplateDimension { get; set; } = 512;

    /// <summary>See <see cref="FacialDataStoreOptions.MaxTemplatesPerSubject"/>; 10 by default, at least 1.</summary>
    public int MaxTemplatesPerSubject { get; set; } = 10;

    /// <summary>See <see cref="FacialDataStoreOptions.MaxConsentsPerSubjectAndPurpose"/>; 10 by default, at least 1.</summary>
    public int MaxConsentsPerSubjectAndPurpose { get; set; } = 10;

    /// <summary>
    /// The warning and filing levels and the working-day calendar (Measures Art. 15). Its clock is ignored: the
    /// <see cref="TimeProvider"/> registered in the container dates the events.
    /// </summary>
    public FilingThresholdOptions Filing { get; set; } = new();

    /// <summary>Hears every filing-threshold event, also one found when the store opens (<see cref="FacialDataStoreOptions.FilingThresholdReached"/>).</summary>
    public EventHandler<FilingThresholdEventArgs>? FilingThresholdReached { get; set; }
}
