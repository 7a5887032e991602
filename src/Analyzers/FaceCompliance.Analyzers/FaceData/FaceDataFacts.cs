using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FaceCompliance.Analyzers.FaceData;

/// <summary>Face data reaching a sink in one member: at the sink itself, or at a call of an own method that passes a parameter on to one.</summary>
internal sealed class FaceDataHit
{
    public FaceDataHit(IOperation operation, FaceDataSinkLine sink, string sinkName, string? via, ImmutableArray<FaceDataOrigin> origins)
    {
        Operation = operation;
        Sink = sink;
        SinkName = sinkName;
        Via = via;
        Origins = origins;
    }

    /// <summary>The sink's call, creation or assignment, or the call of the own method that reaches it.</summary>
    public IOperation Operation { get; }

    public FaceDataSinkLine Sink { get; }

    /// <summary>How messages name the sink: <c>HttpClient.PostAsync</c>, <c>new StringContent</c>, a gRPC client's method.</summary>
    public string SinkName { get; }

    /// <summary>The own method called (<c>Uploader.Send</c>) when the sink is inside it; null at the sink itself.</summary>
    public string? Via { get; }

    /// <summary>Face origins, and field origins that <see cref="FaceDataFlow.Resolve"/> turns into face origins or nothing.</summary>
    public ImmutableArray<FaceDataOrigin> Origins { get; }
}

/// <summary>A parameter of a member that reaches a sink inside it: its callers that pass face data are the uses.</summary>
internal sealed class FaceDataParameterSink
{
    public FaceDataParameterSink(int ordinal, FaceDataSinkLine sink, string sinkName)
    {
        Ordinal = ordinal;
        Sink = sink;
        SinkName = sinkName;
    }

    public string SinkName { get; }

    public int Ordinal { get; }

    public FaceDataSinkLine Sink { get; }
}

/// <summary>What the flow engine found in one member: its hits, and its summary for callers.</summary>
internal sealed class FaceDataFacts
{
    public static readonly FaceDataFacts None = new(
        ImmutableArray<FaceDataHit>.Empty, ImmutableArray<FaceDataOrigin>.Empty, ImmutableArray<FaceDataParameterSink>.Empty,
        ImmutableArray<(ISymbol, ImmutableArray<FaceDataOrigin>)>.Empty);

    public FaceDataFacts(ImmutableArray<FaceDataHit> hits, ImmutableArray<FaceDataOrigin> returned, ImmutableArray<FaceDataParameterSink> parameterSinks,
        ImmutableArray<(ISymbol Member, ImmutableArray<FaceDataOrigin> Origins)> memberWrites)
    {
        Hits = hits;
        Returned = returned;
        ParameterSinks = parameterSinks;
        MemberWrites = memberWrites;
    }

    public ImmutableArray<FaceDataHit> Hits { get; }

    /// <summary>The origins of what the member returns: face data, its own parameters, fields.</summary>
    public ImmutableArray<FaceDataOrigin> Returned { get; }

    public ImmutableArray<FaceDataParameterSink> ParameterSinks { get; }

    /// <summary>Fields and properties of this compilation the member assigns, with what.</summary>
    public ImmutableArray<(ISymbol Member, ImmutableArray<FaceDataOrigin> Origins)> MemberWrites { get; }
}
