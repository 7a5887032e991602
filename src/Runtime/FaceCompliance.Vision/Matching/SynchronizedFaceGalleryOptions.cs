using System;

namespace FaceCompliance.Vision;

/// <summary>Settings of a <see cref="SynchronizedFaceGallery{TPurpose}"/>.</summary>
public sealed record SynchronizedFaceGalleryOptions
{
    /// <summary>The in-memory matcher's settings (threshold, precision, dimension, templates per person); a person's newest templates are kept up to its limit.</summary>
    public FaceMatcherOptions Matcher { get; init; } = new();

    /// <summary>
    /// How long the change feed may be silent before 1:N is refused: the feed reports at least once per heartbeat
    /// (PostgreSQL: every second; SQLite: every poll), so a longer silence means a connection that died without a word
    /// (a network cut). 10 seconds by default.
    /// </summary>
    public TimeSpan MaxSilence { get; init; } = TimeSpan.FromSeconds(10);
}
