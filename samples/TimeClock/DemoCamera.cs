using System;
using FaceCompliance;

namespace TimeClock;

/// <summary>The time clock's camera and face recognizer: turns the face in front of it into a template.</summary>
public interface IDemoCamera
{
    /// <summary>Captures the face of the employee whose receipt is given and returns its template.</summary>
    /// <param name="receipt">The employee's consent receipt: no capture without it.</param>
    /// <returns>The template.</returns>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    FaceTemplate Capture(ConsentReceipt<ClockIn> receipt);
}

/// <summary>
/// A stand-in for the camera and FaceCompliance.Vision's FaceRecognizer (see samples/CommunityAccess for the real
/// pipeline): the "face" of an employee is a fixed unit vector derived from their id, so the sample runs anywhere
/// without models or a camera. Same employee, same template; another employee, another template.
/// </summary>
public sealed class DemoCamera : IDemoCamera
{
    /// <summary>The number of values in a template.</summary>
    public const int Dimension = 16;

    /// <inheritdoc/>
    [ProcessesFacialData(FacialProcessingMethod.Verification)]
    public FaceTemplate Capture(ConsentReceipt<ClockIn> receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var employeeId = receipt.Subject;
        var values = new float[Dimension];
        var seed = 17;
        foreach (var c in employeeId)
        {
            seed = unchecked((seed * 31) + c);
        }

        var random = new Random(seed);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() - 0.5);
        }

        return new FaceTemplate(values);
    }
}
