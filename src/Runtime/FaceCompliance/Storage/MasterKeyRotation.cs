using System.Collections.Generic;

namespace FaceCompliance;

/// <summary>What a master key rotation did (<c>SqliteFacialDataStore.RotateMasterKey</c>, <c>PostgreSqlFacialDataStore.RotateMasterKey</c>).</summary>
/// <param name="SubjectKeysRewrapped">The people whose data key was wrapped again under the new master key.</param>
/// <param name="DamagedSubjectKeys">
/// The people whose data key was already damaged (it failed authentication under the old key): left as they were,
/// their templates unreadable; delete their facial data and enrol them again.
/// </param>
public sealed record MasterKeyRotation(int SubjectKeysRewrapped, IReadOnlyList<string> DamagedSubjectKeys);
