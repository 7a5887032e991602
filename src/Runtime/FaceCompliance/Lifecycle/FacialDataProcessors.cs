using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace FaceCompliance;

/// <summary>Finds the processor declared by the assemblies that declare given purposes.</summary>
public static class FacialDataProcessors
{
    /// <summary>
    /// The distinct <see cref="FacialDataProcessorAttribute"/>s (by name and contact) of the loaded assemblies that
    /// declare a type named by one of <paramref name="purposeIds"/> (a purpose id is its type's full metadata name).
    /// </summary>
    /// <param name="purposeIds">Purpose ids, as stored.</param>
    /// <returns>The processors, ordered by name; empty when no loaded assembly declares one of the purposes.</returns>
    public static IReadOnlyList<FacialDataProcessorAttribute> Declaring(IEnumerable<string> purposeIds)
    {
        var ids = purposeIds.ToHashSet(StringComparer.Ordinal);
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => !assembly.IsDynamic && ids.Any(id => assembly.GetType(id, throwOnError: false) is not null))
            .Select(assembly => assembly.GetCustomAttribute<FacialDataProcessorAttribute>())
            .OfType<FacialDataProcessorAttribute>()
            .DistinctBy(processor => (processor.Name, processor.Contact))
            .OrderBy(processor => processor.Name, StringComparer.Ordinal)
            .ToArray();
    }
}
