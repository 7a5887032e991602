using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// Where a purpose's face images come from (EU AI Act Art. 5(1)(e)): creating or expanding a facial recognition database
/// by untargeted scraping of facial images from the internet or CCTV footage is banned (FC0110).
/// </summary>
public enum FacialImageSource
{
    /// <summary>Images of the people concerned, taken from them or given by them (the default): not untargeted scraping.</summary>
    Targeted = LawValues.ImageSourceTargeted,

    /// <summary>Facial images scraped from the internet without targeting specific people.</summary>
    UntargetedInternet = LawValues.ImageSourceUntargetedInternet,

    /// <summary>Facial images scraped from CCTV footage without targeting specific people.</summary>
    UntargetedCctv = LawValues.ImageSourceUntargetedCctv,
}
