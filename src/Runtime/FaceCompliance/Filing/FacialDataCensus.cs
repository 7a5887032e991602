using System;
using System.Collections.Generic;
using System.Linq;

namespace FaceCompliance;

/// <summary>
/// The processor's number of people stored (Measures Art. 15), across every template store and 1:N gallery
/// registered: a person held by two of them counts once. Raises <see cref="FilingThresholdReached"/> when the count
/// rises through the warning or filing level.
/// </summary>
/// <remarks>
/// <para>
/// Register every holder of the processor (the SQLite store's <see cref="IFaceTemplateStore"/>, each
/// <c>FaceMatcher</c>) once at startup. The census recounts the union of their people whenever one reports a
/// change, which reads every holder's ids: milliseconds for 100,000 people, fine at the pace people enrol.
/// </para>
/// <para>
/// The census keeps nothing across processes: its first count starts from zero, so a level already reached raises
/// its event once per process, on the registration that reaches it, dated that day, with
/// <see cref="FilingThresholdEventArgs.FoundAtOpen"/> set (the level may have been reached before). A SQLite store also raises its own event, persisted so
/// that it is raised once per file and dated from the data.
/// </para>
/// </remarks>
public sealed class FacialDataCensus
{
    private readonly FilingThresholdTracker tracker;
    private readonly List<IFacialDataHolder> holders = [];
    private readonly object gate = new();
    private int count;

    /// <summary>Creates a census.</summary>
    /// <param name="options">The levels, calendar and clock; <see langword="null"/> for the defaults.</param>
    public FacialDataCensus(FilingThresholdOptions? options = null) => tracker = new FilingThresholdTracker(options);

    /// <summary>Raised after a count rises through the warning or filing level.</summary>
    public event EventHandler<FilingThresholdEventArgs>? FilingThresholdReached;

    /// <summary>The number of distinct people held by the registered holders, at the last count.</summary>
    public int PeopleStored
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>Counts <paramref name="holder"/>'s people from now on, and recounts.</summary>
    /// <param name="holder">A store or gallery of the processor.</param>
    /// <exception cref="ArgumentException">It is registered already.</exception>
    public void Register(IFacialDataHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        lock (gate)
        {
            if (holders.Contains(holder))
            {
                throw new ArgumentException("This holder is registered already.", nameof(holder));
            }

            holders.Add(holder);
        }

        holder.SubjectsChanged += OnSubjectsChanged;
        Recount(registering: true);
    }

    /// <summary>Stops counting <paramref name="holder"/> (a gallery disposed), and recounts.</summary>
    /// <param name="holder">A registered holder.</param>
    /// <returns>Whether it was registered.</returns>
    public bool Unregister(IFacialDataHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        holder.SubjectsChanged -= OnSubjectsChanged;
        bool removed;
        lock (gate)
        {
            removed = holders.Remove(holder);
        }

        Recount(registering: false);
        return removed;
    }

    /// <summary>Counts the distinct people of every registered holder now and raises the levels the count rose through.</summary>
    /// <returns>The count.</returns>
    public int Recount() => Recount(registering: false);

    private int Recount(bool registering)
    {
        IReadOnlyList<FilingThresholdEventArgs> reached;
        int now;
        lock (gate)
        {
            var people = new HashSet<string>(StringComparer.Ordinal);
            foreach (var holder in holders)
            {
                people.UnionWith(holder.SubjectsStored());
            }

            now = people.Count;
            reached = tracker.Observe(count, now)
                .Select(e => registering ? tracker.Reached(e.Level, e.Count, e.ReachedOn, foundAtOpen: true) : e)
                .ToArray();
            count = now;
        }

        foreach (var e in reached)
        {
            FilingThresholdReached?.Invoke(this, e);
        }

        return now;
    }

    private void OnSubjectsChanged(object? sender, EventArgs e) => Recount(registering: false);
}
