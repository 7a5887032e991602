using FaceCompliance.Profiles;

namespace FaceCompliance;

/// <summary>
/// Where a purpose's face recognition devices are installed (Measures Art. 13), from a closed list. Hotel rooms,
/// public baths, changing rooms and toilets are private spaces where no face recognition may be installed (Art. 13 §2).
/// </summary>
public enum FacialDeploymentSite
{
    /// <summary>Not a public place: a personal device, an online service, or premises not open to the public.</summary>
    NonPublic = LawValues.SiteNonPublic,

    /// <summary>A public place (公共场所): needs a public-safety purpose and a prominent sign (Art. 13 §1; PIPL Art. 26).</summary>
    PublicPlace = LawValues.SitePublicPlace,

    /// <summary>A hotel guest room (宾馆客房); forbidden (Art. 13 §2).</summary>
    HotelRoom = LawValues.SiteHotelRoom,

    /// <summary>A public bath (公共浴室); forbidden (Art. 13 §2).</summary>
    PublicBath = LawValues.SitePublicBath,

    /// <summary>A changing room (更衣室); forbidden (Art. 13 §2).</summary>
    ChangingRoom = LawValues.SiteChangingRoom,

    /// <summary>A toilet (卫生间); forbidden (Art. 13 §2).</summary>
    Toilet = LawValues.SiteToilet,
}
