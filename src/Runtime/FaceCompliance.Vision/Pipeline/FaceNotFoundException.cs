using System;

namespace FaceCompliance.Vision;

/// <summary>An image held no face, or several where exactly one was required. Nothing was stored.</summary>
public sealed class FaceNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public FaceNotFoundException(int facesFound, string message)
        : base(message) => FacesFound = facesFound;

    /// <summary>How many faces the image held.</summary>
    public int FacesFound { get; }
}
