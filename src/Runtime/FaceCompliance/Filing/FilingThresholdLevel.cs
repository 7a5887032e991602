namespace FaceCompliance;

/// <summary>Which count of people stored was reached.</summary>
public enum FilingThresholdLevel
{
    /// <summary>The early warning, below the filing level, to prepare the filing in time.</summary>
    Warning = 0,

    /// <summary>The Art. 15 level (100,000 people by default): the filing is due within 30 working days.</summary>
    Filing = 1,
}
