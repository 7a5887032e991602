namespace FaceCompliance;

/// <summary>One item of a change filing (变更事项): a field of the form as it was last filed and as it is now.</summary>
/// <param name="Item">The field's path in filing.json, by its Chinese labels, e.g. <c>处理目的和处理方式[A.B].保存期限（日）</c>.</param>
/// <param name="Before">The value last filed, or <see langword="null"/> when the field was absent or null.</param>
/// <param name="After">The value now, or <see langword="null"/> when the field is gone or null.</param>
public sealed record FilingDifference(string Item, string? Before, string? After);
