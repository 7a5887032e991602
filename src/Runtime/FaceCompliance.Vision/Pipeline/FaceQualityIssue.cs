namespace FaceCompliance.Vision;

/// <summary>One reason a face is not good enough to enrol.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Measured">The value measured (an angle's size, without its sign).</param>
/// <param name="Limit">The limit it failed, from <see cref="FaceQualityOptions"/>.</param>
/// <param name="Message">The reason in words, with both values, for example <c>face too small: 38 px, need 48</c>.</param>
public sealed record FaceQualityIssue(FaceQualityIssueKind Kind, float Measured, float Limit, string Message)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
