using System.IO;
using FaceCompliance.Vision.Components;

namespace FaceCompliance.Browser.Tests;

/// <summary>The shared test photographs as the page sends them: RGB24 pixels.</summary>
internal static class Photos
{
    /// <summary>A binary PPM (P6) from ../shared/data/faces/ppm, read with the vision library's reader.</summary>
    /// <param name="relative">The path under ppm/, e.g. <c>identities/amy1.ppm</c>.</param>
    public static (int Width, int Height, byte[] Pixels) Ppm(string relative)
    {
        using FaceImage image = PpmReader.ReadFile(BrowserPaths.Face(Path.Combine("ppm", relative)));
        return (image.Width, image.Height, image.Pixels.ToArray());
    }
}
