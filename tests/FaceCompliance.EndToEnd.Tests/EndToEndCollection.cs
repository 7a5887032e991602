using Xunit;

namespace FaceCompliance.EndToEnd.Tests;

/// <summary>
/// Every test that runs <c>dotnet build</c> belongs to this collection, so that no two builds run at once: they
/// share the runtime and analyzer projects' bin/ and obj/ folders.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "End-to-end builds";
}
