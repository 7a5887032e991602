using System;

namespace FaceCompliance.Calibrate;

/// <summary>The photos or the list of them cannot be used; the message says what to fix.</summary>
internal sealed class InputException(string message) : Exception(message);
