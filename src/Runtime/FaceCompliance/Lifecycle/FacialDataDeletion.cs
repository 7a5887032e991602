namespace FaceCompliance;

/// <summary>What <see cref="IFacialDataLifecycle.EndPurpose{TPurpose}"/> or <see cref="IFacialDataLifecycle.EndRelationship"/> deleted and ended.</summary>
/// <param name="TemplatesDeleted">Face templates deleted.</param>
/// <param name="ConsentsEnded">Consents in force that were ended.</param>
/// <param name="PeopleStoredBefore">The number of people stored before.</param>
/// <param name="PeopleStoredAfter">The number of people stored after.</param>
public sealed record FacialDataDeletion(int TemplatesDeleted, int ConsentsEnded, int PeopleStoredBefore, int PeopleStoredAfter);
