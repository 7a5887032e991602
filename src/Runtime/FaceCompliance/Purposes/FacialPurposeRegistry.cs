using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace FaceCompliance;

/// <summary>
/// Every purpose declared in the loaded assemblies, with its retention schedule. Generated code registers each
/// assembly's purposes when the assembly is loaded (a module initializer), so stored face information of any
/// purpose can be purged on time and no purpose is stored without a schedule (Measures Art. 8 §2; PIPL Art. 47).
/// </summary>
public static class FacialPurposeRegistry
{
    private static readonly ConcurrentDictionary<string, FacialPurposeInfo> s_purposes = new(StringComparer.Ordinal);

    /// <summary>Registers a purpose; called by generated code. Registering the same declaration again is harmless.</summary>
    /// <exception cref="InvalidOperationException">Another declaration with the same id, or another notice version, is already registered.</exception>
    public static void Register(FacialPurposeInfo purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var registered = s_purposes.GetOrAdd(purpose.Id, purpose);
        if (!ReferenceEquals(registered, purpose)
            && (registered.RetentionPeriod != purpose.RetentionPeriod || registered.Notice.Version != purpose.Notice.Version || registered.Method != purpose.Method))
        {
            throw new InvalidOperationException(
                $"Purpose '{purpose.Id}' is registered twice with different declarations ({registered} and {purpose}). Two loaded assemblies declare the same purpose type name.");
        }
    }

    /// <summary>The purpose with this id, or null when no loaded assembly declares it.</summary>
    public static FacialPurposeInfo? Find(string id) => s_purposes.TryGetValue(id, out var purpose) ? purpose : null;

    /// <summary>The purpose with this id.</summary>
    /// <exception cref="KeyNotFoundException">No loaded assembly declares it; stored data of an unknown purpose has no schedule.</exception>
    public static FacialPurposeInfo Get(string id) => Find(id)
        ?? throw new KeyNotFoundException($"No purpose '{id}' is registered, so its retention schedule is unknown. Load the assembly that declares it (a partial type with [FacialDataPurpose]) before purging.");

    /// <summary>Every registered purpose, ordered by id.</summary>
    public static IReadOnlyList<FacialPurposeInfo> All => s_purposes.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
}
