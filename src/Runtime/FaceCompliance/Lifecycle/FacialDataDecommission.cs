using System;
using System.Collections.Generic;

namespace FaceCompliance;

/// <summary>
/// The facts of a decommissioning (<see cref="IFacialDataLifecycle.Decommission"/>), as a cancellation filing
/// (注销备案; Measures Art. 15) needs them. A plain record: the filing generator writes the document from it.
/// </summary>
/// <param name="Processors">
/// The processor declared (<see cref="FacialDataProcessorAttribute"/>) by the assemblies that declare the purposes
/// stored; one in a normal application, empty when none of those assemblies is loaded.
/// </param>
/// <param name="PurposeIds">The purposes the store held data, consents or grants for, by id, ordered.</param>
/// <param name="PeopleStoredBefore">The number of distinct people whose face data was stored just before.</param>
/// <param name="TemplatesDeleted">Face templates deleted.</param>
/// <param name="ConsentsEnded">Consents in force that were ended.</param>
/// <param name="BasisGrantsRevoked">Legal-basis grants in force that were revoked.</param>
/// <param name="DecommissionedAt">When.</param>
/// <param name="DecommissionedOn">The date in China Standard Time (UTC+8).</param>
/// <param name="CancellationDeadline">
/// 30 working days after <paramref name="DecommissionedOn"/>, in the store's calendar: the deadline to cancel the
/// filing, as one secondary source reports it (docs/runtime.md); flagged when it is an estimate.
/// </param>
/// <param name="Reason">Why the service stopped.</param>
public sealed record FacialDataDecommission(
    IReadOnlyList<FacialDataProcessorAttribute> Processors,
    IReadOnlyList<string> PurposeIds,
    int PeopleStoredBefore,
    int TemplatesDeleted,
    int ConsentsEnded,
    int BasisGrantsRevoked,
    DateTimeOffset DecommissionedAt,
    DateOnly DecommissionedOn,
    WorkingDayDeadline CancellationDeadline,
    string Reason);
