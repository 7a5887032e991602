using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityAccess.Gate;

/// <summary>What the gate did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateOutcome>))]
public enum GateOutcome
{
    /// <summary>The gate opened.</summary>
    Opened,

    /// <summary>The gate stayed shut.</summary>
    Refused,

    /// <summary>Face entry was not used; the resident is asked for their card or PIN.</summary>
    CardRequired,
}

/// <summary>How the gate decided.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateChannel>))]
public enum GateChannel
{
    /// <summary>By comparing the face with the resident's enrolled templates (1:1).</summary>
    Face,

    /// <summary>By the access card or PIN, without any face information.</summary>
    CardOrPin,
}

/// <summary>The gate's answer to one attempt to enter.</summary>
public sealed class GateDecision
{
    private GateDecision(GateOutcome outcome, string residentId, GateChannel channel, string reason, float? similarity, float? threshold)
    {
        Outcome = outcome;
        ResidentId = residentId;
        Channel = channel;
        Reason = reason;
        Similarity = similarity;
        Threshold = threshold;
    }

    /// <summary>What the gate did.</summary>
    public GateOutcome Outcome { get; }

    /// <summary>The resident the person claimed to be.</summary>
    public string ResidentId { get; }

    /// <summary>How the decision was reached.</summary>
    public GateChannel Channel { get; }

    /// <summary>Why, in words for the person at the gate.</summary>
    public string Reason { get; }

    /// <summary>The face similarity, when a face was compared.</summary>
    public float? Similarity { get; }

    /// <summary>The threshold the similarity was compared with, when a face was compared.</summary>
    public float? Threshold { get; }

    /// <summary>The gate opened.</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="channel">How.</param>
    /// <param name="reason">Why.</param>
    /// <param name="similarity">The face similarity, if any.</param>
    /// <param name="threshold">The threshold it reached, if any.</param>
    /// <returns>The decision.</returns>
    public static GateDecision Opened(string residentId, GateChannel channel, string reason, float? similarity = null, float? threshold = null)
        => new(GateOutcome.Opened, residentId, channel, reason, similarity, threshold);

    /// <summary>The gate stayed shut.</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="channel">How.</param>
    /// <param name="reason">Why.</param>
    /// <param name="similarity">The face similarity, if any.</param>
    /// <param name="threshold">The threshold it missed, if any.</param>
    /// <returns>The decision.</returns>
    public static GateDecision Refused(string residentId, GateChannel channel, string reason, float? similarity = null, float? threshold = null)
        => new(GateOutcome.Refused, residentId, channel, reason, similarity, threshold);

    /// <summary>The resident is sent to the card or PIN reader.</summary>
    /// <param name="residentId">The resident.</param>
    /// <param name="reason">Why face entry was not used.</param>
    /// <returns>The decision.</returns>
    public static GateDecision CardRequired(string residentId, string reason)
        => new(GateOutcome.CardRequired, residentId, GateChannel.CardOrPin, reason, null, null);

    /// <inheritdoc/>
    public override string ToString()
    {
        string score = Similarity is float s ? string.Create(CultureInfo.InvariantCulture, $" (similarity {s:0.000})") : string.Empty;
        return $"{Outcome} {ResidentId} via {Channel}: {Reason}{score}";
    }
}
