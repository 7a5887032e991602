namespace CommunityAccess.Gate;

/// <summary>What the gate did.</summary>
public enum GateOutcome
{
    /// <summary>The gate opened.</summary>
    Opened,

    /// <summary>The gate stayed shut.</summary>
    Refused,

    /// <summary>Face entry was not used; the resident is asked for their card or PIN.</summary>
    CardRequired,
}

/// <summary>The gate's answer to one attempt to enter.</summary>
public sealed class GateDecision
{
    private GateDecision(GateOutcome outcome, string residentId, string channel, string reason, double? similarity)
    {
        Outcome = outcome;
        ResidentId = residentId;
        Channel = channel;
        Reason = reason;
        Similarity = similarity;
    }

    /// <summary>What the gate did.</summary>
    public GateOutcome Outcome { get; }

    /// <summary>The resident the person claimed to be.</summary>
    public string ResidentId { get; }

    /// <summary>How the decision was reached: <c>face</c> or <c>card/PIN</c>.</summary>
    public string Channel { get; }

    /// <summary>Why, in words for the log.</summary>
    public string Reason { get; }

    /// <summary>The face similarity, when a face was compared.</summary>
    public double? Similarity { get; }

    /// <summary>The gate opened.</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="channel">How.</param>
    /// <param name="reason">Why.</param>
    /// <param name="similarity">The face similarity, if any.</param>
    /// <returns>The decision.</returns>
    public static GateDecision Opened(string residentId, string channel, string reason, double? similarity = null)
        => new(GateOutcome.Opened, residentId, channel, reason, similarity);

    /// <summary>The gate stayed shut.</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="channel">How.</param>
    /// <param name="reason">Why.</param>
    /// <param name="similarity">The face similarity, if any.</param>
    /// <returns>The decision.</returns>
    public static GateDecision Refused(string residentId, string channel, string reason, double? similarity = null)
        => new(GateOutcome.Refused, residentId, channel, reason, similarity);

    /// <summary>The resident is sent to the card or PIN reader.</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="reason">Why face entry was not used.</param>
    /// <returns>The decision.</returns>
    public static GateDecision CardRequired(string residentId, string reason)
        => new(GateOutcome.CardRequired, residentId, "card/PIN", reason, null);

    /// <inheritdoc/>
    public override string ToString()
    {
        string score = Similarity is double s ? $" (similarity {s:F2})" : string.Empty;
        return $"{Outcome,-12} {ResidentId,-8} via {Channel,-8} {Reason}{score}";
    }
}
