using System;
using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// What a consent covers beyond processing for its purpose. Each scope is asked for separately, and a receipt
/// records which were given: sending face data off the device (Measures Art. 8 §1; PIPL Arts. 29, 38-39), keeping
/// face images (Art. 8), providing face data to another processor (PIPL Art. 23), providing it to a recipient abroad (PIPL Art. 39).
/// </summary>
[Flags]
public enum FacialConsentScopes
{
    /// <summary>Processing for the purpose only.</summary>
    Processing = LawValues.ScopeProcessing,

    /// <summary>Sending face data off the device to the purpose's declared recipient.</summary>
    Transfer = LawValues.ScopeTransfer,

    /// <summary>Keeping face images (not only templates).</summary>
    ImageRetention = LawValues.ScopeImageRetention,

    /// <summary>Providing face data to another processor the purpose declares.</summary>
    Provision = LawValues.ScopeProvision,

    /// <summary>Providing face data to the recipient outside the PRC the purpose declares (PIPL Art. 39).</summary>
    CrossBorder = LawValues.ScopeCrossBorder,
}
