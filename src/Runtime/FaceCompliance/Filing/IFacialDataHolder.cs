using System;
using System.Collections.Generic;

namespace FaceCompliance;

/// <summary>
/// Something that holds people's face data (a template store, an in-memory 1:N gallery), so that a
/// <see cref="FacialDataCensus"/> can count the processor's distinct people across all of them (Measures Art. 15).
/// </summary>
public interface IFacialDataHolder
{
    /// <summary>Raised after the set of people held may have changed (someone added or removed).</summary>
    event EventHandler? SubjectsChanged;

    /// <summary>The ids of the distinct people whose face data is held now.</summary>
    /// <returns>A snapshot.</returns>
    IReadOnlyCollection<string> SubjectsStored();
}
