using System;

namespace FaceCompliance.Stores.NodeWorker;

/// <summary>The templates of the nodes' people; the tests link this file to check what the nodes stored.</summary>
public static class NodeTemplates
{
    /// <summary>The template dimension of every node and test.</summary>
    public const int Dimension = 8;

    /// <summary>
    /// The template of a person, the same on every node and in the tests (derived from the id), so that any node can
    /// verify a person another node enrolled without being told their template.
    /// </summary>
    public static FaceTemplate Of(string subject)
    {
        var seed = 17;
        foreach (var c in subject)
        {
            seed = unchecked(seed * 31 + c);
        }

        var random = new Random(seed);
        var values = new float[Dimension];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        values[0] += 3; // never all zeros
        return new FaceTemplate(values);
    }
}
