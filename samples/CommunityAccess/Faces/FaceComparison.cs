namespace CommunityAccess.Faces;

/// <summary>The result of comparing a live image with one enrolled template (1:1).</summary>
public sealed class FaceComparison
{
    /// <summary>Creates a result.</summary>
    /// <param name="faceFound">Whether the live image held exactly one face.</param>
    /// <param name="similarity">Similarity of the face with the template, from -1 to 1; 0 when no face was found.</param>
    public FaceComparison(bool faceFound, double similarity)
    {
        FaceFound = faceFound;
        Similarity = faceFound ? similarity : 0;
    }

    /// <summary>Whether the live image held exactly one face.</summary>
    public bool FaceFound { get; }

    /// <summary>Similarity of the face with the template, from -1 (opposite) to 1 (identical).</summary>
    public double Similarity { get; }
}
